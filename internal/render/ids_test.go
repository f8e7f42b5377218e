package render

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// themeIDs are the ids the default theme's layouts write. Heading ids of
// Markdown bodies never take them (markdown.Config.Reserved, filled by
// the build from LayoutIDs). When a layout gains or loses an id, update
// this list: the test reads the layouts themselves.
var themeIDs = []string{
	"bai-trich-dan", "cach-gui-khac", "chu-de", "ds-van-ban", "gioi-thieu", "hoi-cau-hoi", "hoi-dap",
	"hoi-dong-y", "hoi-khu-vuc", "hoi-khu-vuc-goi-y", "hoi-ten", "ket-qua", "khac", "lien-quan", "loc-co-quan",
	"loc-loai", "noi-bat", "noi-dung", "q", "q-404", "q-head", "q-home", "side-hoi-dap", "side-lien-ket",
	"side-tin", "side-van-ban", "tin-moi", "van-ban", "van-ban-trich-dan",
}

// TestLayoutIDs checks LayoutIDs against the theme's layouts: every id
// written in layouts/*.html and layouts/partials/*.html, found here by a
// plainer scan, is listed, and the list is themeIDs.
var templateAction = regexp.MustCompile(`\{\{.*?\}\}`)

func TestLayoutIDs(t *testing.T) {
	layouts := os.DirFS("../../layouts")
	got := LayoutIDs(layouts)
	if !slices.Equal(got, themeIDs) {
		t.Errorf("LayoutIDs = %q\nwant themeIDs %q\n(a layout gained or lost an id: update themeIDs)", got, themeIDs)
	}
	attr := regexp.MustCompile(`\bid="([^"]*)"`)
	for _, pattern := range []string{"*.html", "partials/*.html"} {
		names, err := fs.Glob(layouts, pattern)
		if err != nil || len(names) == 0 {
			t.Fatalf("no layouts match %s: %v", pattern, err)
		}
		for _, name := range names {
			src, err := fs.ReadFile(layouts, name)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range attr.FindAllStringSubmatch(string(src), -1) {
				id := m[1]
				if !strings.Contains(id, "{{") && !slices.Contains(got, id) {
					t.Errorf("layouts/%s: id %q is not reserved", name, id)
				}
				// An id made by an action cannot be reserved: its literal
				// text must hold a character no heading id has.
				if literal := templateAction.ReplaceAllString(id, ""); strings.Contains(id, "{{") && !strings.Contains(literal, "_") {
					t.Errorf("layouts/%s: id %q is made by an action and could equal a heading id; put an underscore in its fixed part", name, id)
				}
			}
		}
	}
}

// TestLayoutIDsForms checks the ways of writing an id that LayoutIDs
// reads, and those it leaves out.
func TestLayoutIDsForms(t *testing.T) {
	fsys := fstest.MapFS{
		"a.html":          {Data: []byte(`<main id="noi-dung"><p id='b' data-id="x"><h2 id="{{.File.Group}}"><h3 id="cd-{{.X}}">`)},
		"partials/p.html": {Data: []byte(`<div  id = "c"></div><div id="noi-dung">`)},
		"x/skip.html":     {Data: []byte(`<div id="skipped">`)},
	}
	if got, want := LayoutIDs(fsys), []string{"b", "c", "noi-dung"}; !slices.Equal(got, want) {
		t.Errorf("LayoutIDs = %q, want %q", got, want)
	}
}
