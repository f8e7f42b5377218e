package main

import (
	"maps"
	"path/filepath"
	"testing"
)

// TestLayoutErrorLine checks what loa build prints for a site's own
// layout that fails on one article: the layout's file and true line, as
// one diagnostic of the list, and exit 1.
func TestLayoutErrorLine(t *testing.T) {
	files := maps.Clone(goodSite)
	files["layouts/article.html"] = "{{define \"main\"}}\n<article>\n  <h1>{{.Page.Title}}</h1>\n  {{index .Page.Tags 3}}\n</article>\n{{end}}\n"
	dir := writeSite(t, files)
	code, _, stderr := runLoa(t, "build", "-source", dir, "-out", filepath.Join(dir, "public"))
	want := "layouts/article.html:4: rendering /chu-de/t/a/: {{index .Page.Tags 3}}: error calling index: index out of range: 3\n" +
		"loa: 1 error; nothing was written\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}
}
