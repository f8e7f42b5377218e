package build

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/loa-vn/loa/internal/output"
)

// namesSite is a small site whose article a.md takes its aliases from the
// test; more holds files added to it or replacing its own.
func namesSite(aliases string, more map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/_index.md":          {Data: []byte("---\ntitle: T\n---\n")},
		"content/chu-de/t/_index.md": {Data: []byte("---\ntitle: Chủ đề\n---\n")},
		"content/chu-de/t/a.md":      {Data: []byte("---\ntitle: A\ndate: 2023-01-01\ntags: [x]\naliases: " + aliases + "\n---\nA.\n")},
	}
	for name, data := range more {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func buildNames(t *testing.T, fsys fstest.MapFS) (*Result, map[string][]byte, error) {
	t.Helper()
	mem := output.NewMemory()
	res, err := Build(context.Background(), Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow}, mem)
	return res, mem.Files(), err
}

// stylesheet returns the fingerprinted name of the theme's stylesheet in
// a build of namesSite.
func stylesheet(t *testing.T) string {
	t.Helper()
	_, files, err := buildNames(t, namesSite("[]", nil))
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if regexp.MustCompile(`^css/site\.[0-9a-f]{10}\.css$`).MatchString(name) {
			return name
		}
	}
	t.Fatal("no fingerprinted css/site.css in the output")
	return ""
}

// TestOutputNames checks that no output takes the name of another: each
// case is refused with an error naming both, and nothing is written.
func TestOutputNames(t *testing.T) {
	const alias, hint = "content/chu-de/t/a.md:5: aliases: ", "; choose another old address"
	const plain = `; an old address is a plain path from the site root, e.g. "/tin-cu/bai-1/", without spaces, .. or any of * : ! ? # % \ " < > |`
	css := stylesheet(t)
	many := map[string]string{"content/gioi-thieu/_index.md": "---\ntitle: Giới thiệu\n---\n",
		"content/gioi-thieu/trang/2.md": "---\ntitle: Trang 2\n---\n"}
	for i := range 21 {
		many[fmt.Sprintf("content/gioi-thieu/p%02d.md", i)] = "---\ntitle: P\n---\n"
	}
	tests := []struct {
		name, aliases string
		more          map[string]string
		want          string
	}{
		{"home", `["/index.html"]`, nil, alias + `"/index.html" is already the home page (content/_index.md)` + hint},
		{"404", `["/404.html"]`, nil, alias + `"/404.html" is already the 404 page, which Loa makes` + hint},
		{"robots", `["/robots.txt"]`, nil, alias + `"/robots.txt" is already the robots.txt, which Loa makes` + hint},
		{"sitemap", `["/sitemap.xml"]`, nil, alias + `"/sitemap.xml" is already the sitemap, which Loa makes` + hint},
		{"site feed", `["/index.xml"]`, nil, alias + `"/index.xml" is already the feed of the site, which Loa makes` + hint},
		{"topic feed", `["/chu-de/t/index.xml"]`, nil, alias + `"/chu-de/t/index.xml" is already the feed of /chu-de/t/, which Loa makes` + hint},
		{"search page", `["/tim-kiem/"]`, nil, alias + `"/tim-kiem/" is already the search page, which Loa makes` + hint},
		{"search index", `["/tim-kiem/chi-muc/manifest.json"]`, nil, alias + `"/tim-kiem/chi-muc/manifest.json" is inside tim-kiem/chi-muc/, the folder of the search index, which Loa makes` + hint},
		{"tag page", `["/the/x/"]`, nil, alias + `"/the/x/" is already the page of tag "x", which Loa makes` + hint},
		{"topic list", `["/chu-de/t/index.html"]`, nil, alias + `"/chu-de/t/index.html" is already the list /chu-de/t/ (content/chu-de/t/_index.md)` + hint},
		{"image", `["/img/og.png"]`, nil, alias + `"/img/og.png" is already the static file static/img/og.png` + hint},
		{"stylesheet", `["/` + css + `"]`, nil, alias + `"/` + css + `" is already the static file static/css/site.css (fingerprinted)` + hint},
		{"under a file", `["/robots.txt/x/"]`, nil, alias + `"/robots.txt/x/" needs a folder robots.txt/ where there is already the robots.txt, which Loa makes` + hint},
		{"over a folder", `["/img"]`, nil, ""}, // "/img" is the folder address /img/, whose index.html is free
		{"two aliases, one file", `["/cu/"]`, map[string]string{"content/b.md": "---\ntitle: B\naliases: [\"/cu/index.html\"]\n---\n"},
			`content/b.md:3: aliases: "/cu/index.html" is already the old address "/cu/" of content/chu-de/t/a.md` + hint},
		{"line break", `["/a\nb/"]`, nil, alias + `"/a\nb/" holds a line break` + plain},
		{"redirect rule", `["/* /x 200!"]`, nil, alias + `"/* /x 200!" holds '*'` + plain},
		{"spaces", `["/x /y 200"]`, nil, alias + `"/x /y 200" holds a space (U+0020)` + plain},
		{"search page file", `[]`, map[string]string{"content/tim-kiem.md": "---\ntitle: Tìm\n---\n"},
			"content/tim-kiem.md: URL /tim-kiem/ is the search page, which Loa makes; rename the file or give it another slug"},
		{"tag file", `[]`, map[string]string{"content/the/x.md": "---\ntitle: X\n---\n"},
			"content/the/x.md: URL /the/x/ is inside /the/, the folder of the tag pages, which Loa makes; move the file out of content/the/"},
		{"list page file", `[]`, many,
			"content/gioi-thieu/trang/2.md: URL /gioi-thieu/trang/2/ is already page 2 of the list /gioi-thieu/ (content/gioi-thieu/_index.md); rename the file or give it another slug"},
		{"static sitemap", `[]`, map[string]string{"static/sitemap.xml": "<urlset/>"},
			"static/sitemap.xml: would replace the sitemap, which Loa makes; rename or remove the file"},
		{"static 404", `[]`, map[string]string{"static/404.html": "<p>x"},
			"static/404.html: would replace the 404 page, which Loa makes; rename or remove the file"},
		{"static search index", `[]`, map[string]string{"static/tim-kiem/chi-muc/manifest.json": "{}"},
			"static/tim-kiem/chi-muc/manifest.json: is inside tim-kiem/chi-muc/, the folder of the search index, which Loa makes; rename or remove the file"},
		{"static redirects", `["/cu/"]`, map[string]string{"static/_redirects": "/a /b 301\n"},
			"static/_redirects: would replace the redirects of the aliases, which Loa makes; rename or remove the file"},
		{"static file over a folder", `[]`, map[string]string{"static/chu-de": "x"},
			"static/chu-de: would be a file where the folder chu-de/ holds the feed of /chu-de/t/, which Loa makes; rename or remove the file"},
		{"static file and alias", `["/tai-lieu/a.pdf"]`, map[string]string{"static/tai-lieu/a.pdf": "%PDF"},
			alias + `"/tai-lieu/a.pdf" is already the static file static/tai-lieu/a.pdf` + hint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, files, err := buildNames(t, namesSite(tt.aliases, tt.more))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if err != nil && len(files) > 0 {
				t.Errorf("a failed build wrote %d files, e.g. %s", len(files), slices.Sorted(func(yield func(string) bool) {
					for n := range files {
						yield(n)
					}
				})[0])
			}
		})
	}
}

// TestOwnRobots checks the one documented exception: a robots.txt in the
// site's static/ replaces the one Loa makes, with a notice when it does
// not name the sitemap.
func TestOwnRobots(t *testing.T) {
	tests := []struct{ name, robots, notice string }{
		{"without sitemap", "User-agent: *\nDisallow: /nhap/\n",
			"static/robots.txt: notice: replaces the robots.txt that Loa makes, which names the sitemap; add the line Sitemap: https://example.org/sitemap.xml"},
		{"with sitemap", "User-agent: *\nDisallow: /nhap/\nsitemap: https://example.org/sitemap.xml\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, files, err := buildNames(t, namesSite(`["/cu/"]`, map[string]string{"static/robots.txt": tt.robots}))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(files["robots.txt"]); got != tt.robots {
				t.Errorf("robots.txt = %q, want the site's own %q", got, tt.robots)
			}
			if got := otherNotices(res).Error(); got != tt.notice {
				t.Errorf("notices:\n%s\nwant:\n%s", got, tt.notice)
			}
		})
	}
}

// TestRedirects checks that every alias is one line of _redirects with
// three fields, and that its page is HTML (even for an old address
// ending .json) that escapes the address it sends readers to, even when
// the site's address holds a space or markup.
func TestRedirects(t *testing.T) {
	fsys := namesSite(`["/cu/bai-a/", "/tin-cũ/a.html", "/cu/x", "/cu/du-lieu.json"]`, nil)
	mem := output.NewMemory()
	_, err := Build(context.Background(), Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: `https://example.org/a b"><script>x</script>/`, Now: testNow}, mem)
	if err != nil {
		t.Fatal(err)
	}
	files := mem.Files()
	const base = `/a%20b"><script>x</script>`
	want := base + "/cu/bai-a/ " + base + "/chu-de/t/a/ 301!\n" +
		base + "/cu/du-lieu.json " + base + "/chu-de/t/a/ 301!\n" +
		base + "/cu/x/ " + base + "/chu-de/t/a/ 301!\n" +
		base + "/tin-cũ/a.html " + base + "/chu-de/t/a/ 301!\n"
	if got := string(files["_redirects"]); got != want {
		t.Errorf("_redirects:\n%s\nwant:\n%s", got, want)
	}
	// Redirect pages are HTML, whatever the extension of the old address.
	for _, name := range []string{"cu/bai-a/index.html", "cu/x/index.html", "tin-cũ/a.html", "cu/du-lieu.json"} {
		page := files[name]
		if !strings.HasPrefix(string(page), "<!doctype html><html lang=vi><head><meta charset=utf-8><title>Đã chuyển</title>") {
			t.Errorf("%s is not a redirect page: %q", name, page)
		}
		if tags := scriptTags(page); len(tags) > 0 {
			t.Errorf("%s holds %s", name, tags)
		}
	}
}

// BenchmarkNames claims the name of every output of the corpus.
func BenchmarkNames(b *testing.B) {
	st := model(b).st
	for b.Loop() {
		if errs := checkNames(nil, st); errs.Err() != nil {
			b.Fatal(errs.Err())
		}
	}
	reportRate(b, len(st.site.Routes), "routes/s")
}

// TestNamesRebuild checks that loa serve's rebuilds refuse clashes as a
// build does, and write nothing then.
func TestNamesRebuild(t *testing.T) {
	fsys := namesSite(`["/cu/"]`, nil)
	b := NewBuilder(Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow, Dev: true})
	out := &countingSink{Memory: output.NewMemory()}
	if _, err := b.Build(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	const a = "content/chu-de/t/a.md"
	steps := []struct {
		path, data, want string
		kept             bool // the rebuild keeps the model, and the names checked before
	}{
		{a, "---\ntitle: A\ndate: 2023-01-01\naliases: [\"/index.html\"]\n---\nA.\n",
			`content/chu-de/t/a.md:4: aliases: "/index.html" is already the home page (content/_index.md); choose another old address`, false},
		{a, "---\ntitle: A\ndate: 2023-01-01\naliases: [\"/index.html\"]\n---\nA, edited.\n",
			`content/chu-de/t/a.md:4: aliases: "/index.html" is already the home page (content/_index.md); choose another old address`, false},
		{a, "---\ntitle: A\ndate: 2023-01-01\naliases: [\"/cu/\"]\n---\nA, edited.\n", "", false},
		{a, "---\ntitle: A\ndate: 2023-01-01\naliases: [\"/cu/\"]\n---\nA, edited.\n\nMore.\n", "", true},
		{"static/cu", "x",
			`content/chu-de/t/a.md:4: aliases: "/cu/" needs a folder cu/ where there is already the static file static/cu; choose another old address`, false},
	}
	for i, st := range steps {
		fsys[st.path] = &fstest.MapFile{Data: []byte(st.data)}
		out.changes = 0
		res, err := b.Rebuild(context.Background(), []string{st.path}, out)
		if err == nil && res.Reshaped == st.kept {
			t.Errorf("step %d: reshaped %v, want %v", i, res.Reshaped, !st.kept)
		}
		got := ""
		if err != nil {
			got = err.Error()
			if out.changes > 0 {
				t.Errorf("step %d: a refused rebuild changed %d files", i, out.changes)
			}
		}
		if got != st.want {
			t.Errorf("step %d: got  %s\nwant %s", i, got, st.want)
		}
	}
}
