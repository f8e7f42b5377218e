package build

import (
	"context"
	"github.com/loa-vn/loa/internal/cms"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/search"
)

// countingSink is a Memory that counts the files written and removed.
type countingSink struct {
	*output.Memory
	changes int
}

func (c *countingSink) Put(name string, data []byte) error {
	c.changes++
	return c.Memory.Put(name, data)
}

func (c *countingSink) Remove(name string) error {
	c.changes++
	return c.Memory.Remove(name)
}

// aliasSeeds returns the aliases of the golden sites in testdata, and
// hostile ones from issue 12.
func aliasSeeds(f *testing.F) []string {
	names, _ := filepath.Glob("testdata/golden/*.txtar")
	quoted := regexp.MustCompile(`"[^"]*"`)
	seeds := []string{"/index.html", "/404.html", "/robots.txt", "/sitemap.xml", "/index.xml", "/tim-kiem/",
		"/tim-kiem/chi-muc/manifest.json", "/img/og.png", "/manifest.webmanifest", "/the/x/", "/a\nb/", "/* /x 200!", "/robots.txt/x/",
		"/chu-de/t/index.xml", "/_redirects", "/cu/index.html", "/cu/", "/img", "/tin-cũ/a.html"}
	for _, name := range names {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			for line := range strings.Lines(string(file.Data)) {
				if strings.HasPrefix(line, "aliases:") {
					for _, q := range quoted.FindAllString(line, -1) {
						seeds = append(seeds, strings.Trim(q, `"`))
					}
				}
			}
		}
	}
	return seeds
}

// FuzzAliases rebuilds a small site whose article has two fuzzed aliases
// and checks the output names. A refused build writes and removes nothing.
// A build that succeeds keeps every alias a plain path: a file inside the
// output that is its redirect page and no other output's name, no folder
// of another name, and one line of _redirects with three fields.
func FuzzAliases(f *testing.F) {
	seeds := aliasSeeds(f)
	for i, s := range seeds {
		f.Add(s, "/cu/x/")
		f.Add(s, seeds[(i+1)%len(seeds)])
	}
	const name = "content/chu-de/t/a.md"
	fsys := fstest.MapFS{
		"content/_index.md":          {Data: []byte("---\ntitle: T\n---\n")},
		"content/chu-de/t/_index.md": {Data: []byte("---\ntitle: Chủ đề\n---\n")},
		"content/b.md":               {Data: []byte("---\ntitle: B\naliases: [\"/cu/b/\"]\n---\n")},
		"static/tai-lieu/a.pdf":      {Data: []byte("%PDF-1.4\n")},
		name:                         {Data: []byte("---\ntitle: A\ndate: 2023-01-01\ntags: [x]\n---\nA.\n")},
	}
	cfg := Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow}
	_, static := cfg.layers()
	statics, err := assets.List(static)
	if err != nil {
		f.Fatal(err)
	}
	b := NewBuilder(cfg)
	out := &countingSink{Memory: output.NewMemory()}
	if _, err := b.Build(context.Background(), out); err != nil {
		f.Fatal(err)
	}
	// The builder carries its state from one input to the next: a failure
	// may come from an earlier input, so it logs the last few.
	var history []string
	f.Fuzz(func(t *testing.T, a1, a2 string) {
		history = append(history, strconv.Quote(a1)+" "+strconv.Quote(a2))
		if len(history) > 6 {
			history = history[1:]
		}
		defer func() {
			if t.Failed() {
				t.Log(strings.Join(history, "\n"))
			}
		}()
		fsys[name] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2023-01-01\ntags: [x]\naliases: [" +
			strconv.Quote(a1) + ", " + strconv.Quote(a2) + "]\n---\nA.\n")}
		out.changes = 0
		res, err := b.Rebuild(context.Background(), []string{name}, out)
		if err != nil {
			history[len(history)-1] += " refused"
			if out.changes > 0 {
				t.Fatalf("a refused build changed %d files: %v", out.changes, err)
			}
			return
		}
		checkAliasOutput(t, res, out.Files(), len(statics))
	})
}

// redirectPage matches the redirect page of an alias, minified or not.
var redirectPage = regexp.MustCompile(`http-equiv="?refresh`)

// checkAliasOutput checks the output of a site with static statics files,
// one topic and one tag.
func checkAliasOutput(t *testing.T, res *Result, files map[string][]byte, statics int) {
	t.Helper()
	s := res.Site
	for from := range s.Aliases {
		if !utf8.ValidString(from) || !strings.HasPrefix(from, "/") || strings.IndexFunc(from, func(r rune) bool {
			return unicode.IsSpace(r) || !unicode.IsGraphic(r) || strings.ContainsRune("*:!", r)
		}) >= 0 {
			t.Fatalf("alias %q accepted", from)
		}
		name := FileName(from)
		if !fs.ValidPath(name) || strings.HasPrefix(name, search.Dir) {
			t.Fatalf("alias %q writes %q", from, name)
		}
		if !redirectPage.Match(files[name]) {
			t.Fatalf("alias %q: %s is not its redirect page: %.80q", from, name, files[name])
		}
	}
	for _, r := range s.Routes {
		if redirectPage.Match(files[FileName(r.URL)]) {
			t.Fatalf("page %s was replaced by a redirect", r.URL)
		}
	}
	redirects := strings.Split(strings.TrimSuffix(string(files[feed.Redirects]), "\n"), "\n")
	if len(s.Aliases) == 0 {
		redirects = nil
	}
	if len(redirects) != len(s.Aliases) {
		t.Fatalf("_redirects has %d lines for %d aliases:\n%s", len(redirects), len(s.Aliases), files[feed.Redirects])
	}
	for _, line := range redirects {
		if f := strings.Fields(line); len(f) != 3 || f[2] != "301!" || strings.Join(f, " ") != line || s.Aliases[f[0]] == "" {
			t.Fatalf("_redirects line %q is not: alias, page, 301!", line)
		}
	}
	// Every output is one of: a route, an alias, a static file, a feed of
	// the site or its topic, the sitemap, robots.txt, the web app manifest,
	// _redirects, the search index or a share card. One name fewer means
	// one output replaced another.
	index := 0
	for name := range files {
		if strings.HasPrefix(name, search.Dir) || strings.HasPrefix(name, CardFolder+"/") || strings.HasPrefix(name, cms.Dir+"/") {
			index++
		}
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			if _, ok := files[dir]; ok {
				t.Fatalf("%s is both a file and the folder of %s", dir, name)
			}
		}
	}
	want := len(s.Routes) + len(s.Aliases) + statics + 5 + index
	if len(s.Aliases) > 0 {
		want++
	}
	if len(files) != want {
		t.Log(slices.Sorted(maps.Keys(files)), s.Aliases)
		t.Fatalf("%d outputs, want %d: %d routes, %d aliases, %d static files, %d index files and cards, 5 or 6 generated", len(files), want, len(s.Routes), len(s.Aliases), statics, index)
	}
}
