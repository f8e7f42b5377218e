package search

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestPageTermsCap indexes a page of a million short distinct lines, as a
// careless paste of a table would be: the page adds at most MaxPageWords
// words and MaxPagePairs pairs, so the index stays a few thousand files.
func TestPageTermsCap(t *testing.T) {
	var b strings.Builder
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "w%d x%d\n", i, i%1000)
	}
	day := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	docs := []*doc{
		{url: "/lon/", title: "Bảng lớn", kind: "Trang", sortDate: day, text: [numFields]string{fieldTitle: "Bảng lớn", fieldBody: b.String()}},
		{url: "/nho/", title: "Giám sát", kind: "Bài viết", sortDate: day, text: [numFields]string{fieldTitle: "Giám sát", fieldBody: "Mặt trận giám sát."}},
	}
	files, err := Config{}.withDefaults().build(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	// 60,000 terms and their prefixes, of some 25 bytes each, in shards of
	// 512 bytes: 1,670 files. Without the limits: 37,741 in shards of 4 KiB.
	const most = 2000
	if len(files) > most {
		t.Errorf("%d index files, want at most %d", len(files), most)
	}
	r, err := NewReader(files)
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{"bảng lớn": "/lon/", "w1": "/lon/", "giám sát": "/nho/"} {
		if got := urls(t, r, q, false); len(got) != 1 || got[0] != want {
			t.Errorf("search %q = %v, want [%s]", q, got, want)
		}
	}
	t.Logf("%d files", len(files))
}
