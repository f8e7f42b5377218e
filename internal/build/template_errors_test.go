package build

import (
	"context"
	"os"
	"testing"
	"testing/fstest"

	"github.com/loa-vn/loa/internal/output"
)

// TestTemplateErrorLines builds a site whose own layout is wrong and
// checks the whole message: it names the layout file and the line of the
// mistake as written, although layouts are minified before they are
// parsed.
func TestTemplateErrorLines(t *testing.T) {
	const page = "---\ntitle: Giới thiệu\n---\nNội dung.\n"
	tests := []struct {
		name, layout, want string
		partial            string // layouts/partials/box.html, when set
	}{{
		name:   "parse",
		layout: "{{define \"main\"}}\n<article>\n  <h1>{{.Page.Title}}</h1>\n\n  <p>{{.Page.Summary | noSuchFunc}}</p>\n</article>\n{{end}}\n",
		want:   `layouts/page.html:5: function "noSuchFunc" not defined; fix the template`,
	}, {
		name:   "stray end",
		layout: "{{define \"main\"}}\n<article>\n  <h1>{{.Page.Title}}</h1>\n</article>\n{{end}}\n{{end}}\n",
		want:   `layouts/page.html:6: unexpected {{end}}; fix the template`,
	}, {
		name:   "execute",
		layout: "{{define \"main\"}}\n<article>\n  <h1>{{.Page.Title}}</h1>\n\n\n  <img src=\"{{asset \"img/none.png\"}}\" alt=\"\">\n</article>\n{{end}}\n",
		want:   `layouts/page.html:6: rendering /gioi-thieu/: {{asset "img/none.png"}}: error calling asset: asset "img/none.png" is not in static/`,
	}, {
		name:   "escape",
		layout: "{{define \"main\"}}\n<article>\n\n  <a href=\"{{if .Page.Title}}/a/{{else}}/tim-kiem/?q={{end}}{{.Page.Title}}\">x</a>\n</article>\n{{end}}\n",
		want:   `layouts/page.html:4: rendering /gioi-thieu/: {{.Page.Title}} appears in an ambiguous context within a URL`,
	}, {
		name:    "cached partial",
		layout:  "{{define \"main\"}}<p>{{.Page.Title}}</p>{{cached \"box\" .URL .}}{{end}}\n",
		partial: "{{define \"box\"}}\n<aside>\n\n  {{index .Site.Menu 99}}\n</aside>\n{{end}}\n",
		want:    `layouts/partials/box.html:4: rendering /gioi-thieu/: {{index .Site.Menu 99}}: error calling index: index out of range: 99`,
	}, {
		name:    "partial parse",
		layout:  "{{define \"main\"}}<p>{{.Page.Title}}</p>{{end}}\n",
		partial: "{{define \"box\"}}\n<aside>\n\n  {{.Page.Title</aside>\n{{end}}\n",
		want:    `layouts/partials/box.html:4: bad character U+003C '<'; fix the template`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"content/gioi-thieu.md": {Data: []byte(page)},
				"layouts/page.html":     {Data: []byte(tt.layout)},
			}
			if tt.partial != "" {
				fsys["layouts/partials/box.html"] = &fstest.MapFile{Data: []byte(tt.partial)}
			}
			_, err := Build(context.Background(), Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow}, output.NewMemory())
			if err == nil {
				t.Fatal("built with a broken layout")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
