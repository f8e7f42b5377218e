package build

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestCitedBounded checks that a document's page lists only the newest
// pages citing it, and links to the list of them all, which has its own
// page; with few citing pages, the document's page lists them all.
func TestCitedBounded(t *testing.T) {
	ar := &txtar.Archive{Files: []txtar.File{
		{Name: "content/_index.md", Data: []byte("---\ntitle: T\n---\n")},
		{Name: "content/chu-de/t/_index.md", Data: []byte("---\ntitle: Chủ đề\n---\n")},
		{Name: "content/van-ban/ct-18.md", Data: []byte("---\ntitle: Chỉ thị\nnumber: 18-CT/TW\nissuer: Ban Bí thư\n---\nVăn bản.\n")},
		{Name: "content/van-ban/hd-50.md", Data: []byte("---\ntitle: Hướng dẫn\nnumber: 50-HD/HU\nissuer: Huyện ủy\n---\nVăn bản.\n")},
	}}
	for i := 1; i <= 12; i++ {
		body := "Theo Chỉ thị số 18-CT/TW."
		if i == 1 {
			body += " Và Hướng dẫn số 50-HD/HU."
		}
		ar.Files = append(ar.Files, txtar.File{Name: fmt.Sprintf("content/chu-de/t/bai-%02d.md", i),
			Data: []byte(fmt.Sprintf("---\ntitle: Bài %02d\ndate: 2023-05-%02d\n---\n%s\n", i, i, body))})
	}
	_, files, err := buildTxtar(t, ar, "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	item := regexp.MustCompile(`<h3 class=item-title><a href="/chu-de/t/bai-(\d+)/">`)
	cited := func(page string) []string {
		html := string(files[page])
		i := strings.Index(html, "class=cited-by")
		if page == "van-ban/ct-18/trich-dan/index.html" {
			i = strings.Index(html, "<ul class=items>")
		}
		if i < 0 {
			t.Fatalf("%s lists no citing pages", page)
		}
		var got []string
		for _, m := range item.FindAllStringSubmatch(html[i:], -1) {
			got = append(got, m[1])
		}
		return got
	}
	if got, want := strings.Join(cited("van-ban/ct-18/index.html"), " "), "12 11 10 09 08 07 06 05 04 03"; got != want {
		t.Errorf("ct-18 lists %s, want %s", got, want)
	}
	if !strings.Contains(string(files["van-ban/ct-18/index.html"]), `<a href="/van-ban/ct-18/trich-dan/">Xem tất cả 12 bài nhắc đến văn bản này</a>`) {
		t.Error("ct-18 does not link to the list of all the pages citing it")
	}
	if got, want := strings.Join(cited("van-ban/ct-18/trich-dan/index.html"), " "), "12 11 10 09 08 07 06 05 04 03 02 01"; got != want {
		t.Errorf("the list of pages citing ct-18 holds %s, want %s", got, want)
	}
	if got := strings.Join(cited("van-ban/hd-50/index.html"), " "); got != "01" {
		t.Errorf("hd-50 lists %s, want 01", got)
	}
	if _, ok := files["van-ban/hd-50/trich-dan/index.html"]; ok || strings.Contains(string(files["van-ban/hd-50/index.html"]), "trich-dan/") {
		t.Error("hd-50, cited once, has a list of the pages citing it")
	}
}
