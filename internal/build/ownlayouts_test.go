package build

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/loa-vn/loa/internal/output"
)

// ownLayouts are versions of layout files a site may write in its own
// layouts/, each made from the theme's file. Between them they show data
// the theme's layouts do not: other cuts of lists, every item, the bodies
// of other pages, and item cards with the item's whole body.
var ownLayouts = map[string][]func(theme string) string{
	"layouts/home.html": {
		func(th string) string { // another cut of each topic's items
			return strings.Replace(th, `<p class="item-meta">{{len .Items}} bài viết</p>`, `{{with first 4 .Items}}<ul>{{range .}}<li>{{.Title}}</li>{{end}}</ul>{{end}}`, 1)
		},
		func(string) string {
			return `{{define "main"}}<div class="wrap"><h1>{{.Site.Title}}</h1>` +
				`{{range .Site.Articles}}<h2><a href="{{url .URL}}">{{.Title}}</a></h2>{{.Body.HTML}}{{end}}` +
				`{{with .Site.Page "/gioi-thieu/"}}<aside>{{.Body.HTML}}</aside>{{end}}</div>{{end}}`
		},
	},
	"layouts/page.html": {
		func(th string) string {
			return strings.Replace(th, `{{template "share" .}}`,
				`<ul>{{range .Site.News}}<li>{{.Title}}: {{.Summary}} ({{len .Related}})</li>{{end}}</ul>{{with .Site.Page "/"}}{{.Body.HTML}}{{end}}{{template "share" .}}`, 1)
		},
	},
	"layouts/article.html": {
		func(th string) string {
			return strings.Replace(th, `{{template "page-foot" .}}`,
				`{{with .Page.Next}}<div class="next-body">{{.Body.HTML}}</div>{{end}}{{with .Page.Topic}}{{template "items" .Items}}{{end}}{{template "page-foot" .}}`, 1)
		},
	},
	"layouts/partials/item.html": {
		func(th string) string {
			return strings.Replace(th, `{{with .Summary}}<p class="item-sum">{{.}}</p>{{end}}`,
				`{{with .Summary}}<p class="item-sum">{{.}}</p>{{end}}<div class="item-body">{{.Body.HTML}}</div>`, 1)
		},
	},
	"layouts/partials/footer.html": {
		func(th string) string {
			return strings.Replace(th, `</div>`, `<p>{{len .Site.Articles}} bài; {{with .Site.Page "/gioi-thieu/"}}{{.Summary}}{{.Body.HTML}}{{end}}</p></div>`, 1)
		},
	},
	"layouts/partials/extra.html": { // a partial no theme layout uses
		func(string) string { return `{{define "extra"}}<p>{{.Site.Title}}</p>{{end}}` },
	},
}

// themeLayout returns the theme's version of a layout file, or "".
func themeLayout(name string) string {
	data, _ := os.ReadFile(filepath.Join("../..", filepath.FromSlash(name)))
	return string(data)
}

// writeOwnLayouts gives the site a version of its own of every layout of
// ownLayouts.
func (d *diskSite) writeOwnLayouts() {
	for _, name := range slices.Sorted(maps.Keys(ownLayouts)) {
		vs := ownLayouts[name]
		d.write(name, vs[d.rnd.IntN(len(vs))](themeLayout(name)))
	}
}

// layoutStep adds, changes or removes one of the site's own layout files:
// a version of ownLayouts, an exact copy of the theme's file, or none.
func (d *diskSite) layoutStep() (changed []string, what string) {
	names := slices.Sorted(maps.Keys(ownLayouts))
	name := names[d.rnd.IntN(len(names))]
	full := filepath.Join(d.dir, filepath.FromSlash(name))
	vs := ownLayouts[name]
	switch i := d.rnd.IntN(len(vs) + 2); {
	case i == len(vs):
		os.Remove(full)
		return []string{name}, "remove own " + name
	case i == len(vs)+1 && themeLayout(name) != "":
		d.write(name, themeLayout(name))
		return []string{name}, "copy the theme's " + name
	default:
		d.write(name, vs[i%len(vs)](themeLayout(name)))
		return []string{name}, "own " + name
	}
}

// ownLayoutsShown reports whether the site has a layout file that differs
// from the theme's.
func (d *diskSite) ownLayoutsShown() bool {
	for name := range ownLayouts {
		data, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(name)))
		if err == nil && !bytes.Equal(data, []byte(themeLayout(name))) {
			return true
		}
	}
	return false
}

// TestOwnLayoutsDiffer checks that every version in ownLayouts changes
// the theme's file: one that does not would test nothing.
func TestOwnLayoutsDiffer(t *testing.T) {
	for name, vs := range ownLayouts {
		for i, v := range vs {
			if th := themeLayout(name); v(th) == th {
				t.Errorf("%s: version %d is the theme's file", name, i)
			}
		}
	}
}

// TestThemeCutsNoLists checks that the theme's layouts take their short
// lists from the model (site.ItemsPreview and the other cuts) rather than
// cutting lists themselves: route signatures hash the model's lists, so a
// cut written in a layout would be a second copy they do not follow.
func TestThemeCutsNoLists(t *testing.T) {
	names, err := filepath.Glob("../../layouts/*.html")
	if err != nil {
		t.Fatal(err)
	}
	partials, _ := filepath.Glob("../../layouts/partials/*.html")
	for _, name := range append(names, partials...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if m := regexp.MustCompile(`first \d+`).Find(data); m != nil {
			t.Errorf("%s: %q cuts a list; range over a preview list of the model (site.Page.Preview, site.Site.LatestNews…)", name, m)
		}
	}
}

// TestOwnItemCardAfterTextEdit edits the text of an article, which keeps
// the model, on a site whose own item card and footer show bodies: the
// lists and every footer must show the new text at once.
func TestOwnItemCardAfterTextEdit(t *testing.T) {
	ctx := context.Background()
	d := newDiskSite(t, 5)
	d.write("layouts/partials/item.html", ownLayouts["layouts/partials/item.html"][0](themeLayout("layouts/partials/item.html")))
	d.write("layouts/partials/footer.html", ownLayouts["layouts/partials/footer.html"][0](themeLayout("layouts/partials/footer.html")))
	b := NewBuilder(d.config())
	served := output.NewMemory()
	if _, err := b.Build(ctx, served); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		pages []string // pages that must show the new text
	}{
		{"content/chu-de/vai-tro/bai-001.md", []string{"chu-de/vai-tro/index.html"}},                     // in its item card
		{"content/gioi-thieu.md", []string{"index.html", "chu-de/vai-tro/index.html", "the/index.html"}}, // in the footer
	} {
		name := tt.name
		f, err := os.OpenFile(filepath.Join(d.dir, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "\nChữ mới trong %s.\n", path.Base(name))
		f.Close()
		res, err := b.Rebuild(ctx, []string{name}, served)
		if err != nil {
			t.Fatal(err)
		}
		if res.Reshaped {
			t.Fatalf("%s: a text edit made a new model; the test needs one that keeps it", name)
		}
		want := "Chữ mới trong " + path.Base(name)
		for _, page := range tt.pages {
			if !strings.Contains(string(served.Files()[page]), want) {
				t.Errorf("after editing %s, %s does not show %q", name, page, want)
			}
		}
	}
}
