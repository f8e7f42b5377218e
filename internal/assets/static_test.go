package assets

import (
	"bytes"
	"errors"
	"maps"
	"path"
	"slices"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"css/site.css":  {Data: []byte("body { color: red; }")},
		"img/logo.svg":  {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>`)},
		"robots.txt":    {Data: []byte("User-agent: *\n")},
		".DS_Store":     {Data: []byte("junk")},
		"css/site.css~": {Data: []byte("backup")},
	}
	upper := func(name string, data []byte) ([]byte, error) { // "minifies" stylesheets only
		if path.Ext(name) == ".css" {
			return bytes.ToUpper(data), nil
		}
		return data, nil
	}
	files, errs := Load(fsys, Config{Minify: upper, Fingerprint: true})
	if errs.Err() != nil {
		t.Fatal(errs.Err())
	}
	if got, want := slices.Sorted(maps.Keys(files)), []string{"css/site.css", "img/logo.svg", "robots.txt"}; !slices.Equal(got, want) {
		t.Fatalf("loaded %q, want %q", got, want)
	}
	css := files["css/site.css"]
	if want := Fingerprint("css/site.css", []byte("BODY { COLOR: RED; }")); css.Out != want || string(css.Data) != "BODY { COLOR: RED; }" {
		t.Errorf("css/site.css: got %s %q, want %s minified", css.Out, css.Data, want)
	}
	if svg := files["img/logo.svg"]; svg.Out != "img/logo.svg" || svg.Size != [2]int{120, 40} {
		t.Errorf("img/logo.svg: got %s %v, want its own name and 120×40", svg.Out, svg.Size)
	}

	// A later load reads only the changed files.
	kept := File{Out: "robots.txt", Data: []byte("kept")}
	again, _ := Load(fsys, Config{Prev: map[string]File{"robots.txt": kept}, Changed: func(name string) bool { return name != "robots.txt" }})
	if string(again["robots.txt"].Data) != "kept" || string(again["css/site.css"].Data) != "body { color: red; }" {
		t.Errorf("reload: robots.txt %q (want kept), css %q (want read anew)", again["robots.txt"].Data, again["css/site.css"].Data)
	}

	// A minify error names the file.
	bad := func(name string, data []byte) ([]byte, error) { return nil, errors.New("minify " + name + ": broken") }
	_, errs = Load(fstest.MapFS{"js/a.js": {Data: []byte("x")}}, Config{Minify: bad})
	if got, want := errs.Err().Error(), "static/js/a.js: minify js/a.js: broken"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
