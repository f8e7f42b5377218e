package build

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// registrySite has documents of two types from two issuers, one without
// a date of issue, one with an attachment of 3,000 bytes and an
// effective date.
func registrySite() fstest.MapFS {
	doc := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: \"" + title + "\"\n" + extra + "---\nNội dung.\n")}
	}
	return fstest.MapFS{
		"content/_index.md":         {Data: []byte("---\ntitle: T\n---\n")},
		"content/van-ban/cu.md":     doc("Chỉ thị cũ", "number: 1-CT/TW\ntype: Chỉ thị\nissuer: Ban Bí thư\nissued: 2013-12-12\n"),
		"content/van-ban/moi.md":    doc("Chỉ thị mới", "number: 18-CT/TW\ntype: Chỉ thị\nissuer: Ban Bí thư\nissued: 2022-10-26\nfile: files/ct18.pdf\neffective: 2022-10-27\n"),
		"content/van-ban/luat.md":   doc("Luật", "number: 75/2015/QH13\ntype: Luật\nissuer: Quốc hội\nissued: 2015-06-09\n"),
		"content/van-ban/khong.md":  doc("A kế hoạch không ngày", "type: Kế hoạch\nissuer: Quốc hội\n"),
		"static/files/ct18.pdf":     {Data: []byte(strings.Repeat("x", 3000))},
		"static/files/note.txt.pdf": {Data: []byte("x")},
	}
}

var rowTitle = regexp.MustCompile(`<td class=doc-title><a href=[^>]*>([^<]*)</a>`)

// plain returns a page without attribute quotes and character
// references, so that tests need not know how far it was minified.
func plain(b []byte) string { return html.UnescapeString(strings.ReplaceAll(string(b), `"`, "")) }

// TestDocumentsRegistry checks the registry: the Decree 42 columns, the
// order by date of issue (undated last), one page per type and per issuer
// listing only theirs, and the attachment's type and size.
func TestDocumentsRegistry(t *testing.T) {
	_, files, err := buildNames(t, registrySite())
	if err != nil {
		t.Fatal(err)
	}
	all := plain(files["van-ban/index.html"])
	for _, col := range []string{"Số hiệu", "Loại", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Hiệu lực", "Tệp đính kèm"} {
		if !strings.Contains(all, "<th scope=col>"+col+"</th>") {
			t.Errorf("/van-ban/: no column %q", col)
		}
	}
	tests := []struct {
		page string
		want []string
	}{
		{"van-ban/index.html", []string{"Chỉ thị mới", "Luật", "Chỉ thị cũ", "A kế hoạch không ngày"}},
		{"van-ban/loai/chi-thi/index.html", []string{"Chỉ thị mới", "Chỉ thị cũ"}},
		{"van-ban/loai/luat/index.html", []string{"Luật"}},
		{"van-ban/co-quan/quoc-hoi/index.html", []string{"Luật", "A kế hoạch không ngày"}},
		{"van-ban/co-quan/ban-bi-thu/index.html", []string{"Chỉ thị mới", "Chỉ thị cũ"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range rowTitle.FindAllStringSubmatch(plain(files[tt.page]), -1) {
			got = append(got, m[1])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s lists %q, want %q", tt.page, got, tt.want)
		}
	}
	for _, want := range []string{
		`<a href=/files/ct18.pdf download>Tải về <span class=sr-only>tệp </span>PDF, 3 KB</a>`,
		`Từ <time datetime=2022-10-27T00:00:00+07:00>27/10/2022</time>`,
		`<a href=/van-ban/loai/chi-thi/>Chỉ thị <span class=count>(2)</span></a>`,
		`<a href=/van-ban/ aria-current=page>Tất cả</a>`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("/van-ban/ has no %s", want)
		}
	}
	doc := plain(files["van-ban/moi/index.html"])
	for _, want := range []string{`<a href=/van-ban/loai/chi-thi/>Chỉ thị</a>`, `<a href=/van-ban/co-quan/ban-bi-thu/>Ban Bí thư</a>`, `PDF, 3 KB`} {
		if !strings.Contains(doc, want) {
			t.Errorf("/van-ban/moi/ has no %s", want)
		}
	}
	if f := plain(files["van-ban/loai/chi-thi/index.html"]); !strings.Contains(f, `aria-current=page>Chỉ thị`) || !strings.Contains(f, "<title>Loại văn bản: Chỉ thị") {
		t.Error("/van-ban/loai/chi-thi/ does not mark itself current or has the wrong title")
	}
}

// TestDocumentsRegistryClash checks that a page taking the URL of a
// registry page is refused, naming both.
func TestDocumentsRegistryClash(t *testing.T) {
	fsys := registrySite()
	fsys["content/trang.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Trang\nslug: x\naliases: [\"/van-ban/loai/luat/\"]\n---\nA.\n")}
	_, _, err := buildNames(t, fsys)
	want := `content/trang.md:4: aliases: "/van-ban/loai/luat/" is already the list of documents of type "Luật", which Loa makes; choose another old address`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %s", err, want)
	}
}
