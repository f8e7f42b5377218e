package build

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/loa-vn/loa/internal/output"
)

// TestNoBaseURL checks that a build without an absolute site address
// writes no feed and no sitemap, which would hold relative links, and
// that no page links to them or shares a relative address; with one, all
// are there. Paths alone ("/portal/") are not absolute.
func TestNoBaseURL(t *testing.T) {
	feeds := []string{"index.xml", "sitemap.xml", "chu-de/t/index.xml"}
	// What needs an absolute address: in some page with one, in none without.
	absent := []string{"application/rss+xml", "index.xml", "sharer.php", "sp.zalo.me", "data-copy=", "rel=canonical"}
	for _, tt := range []struct {
		base     string
		absolute bool
	}{
		{"", false},
		{"/portal/", false},
		{"https://example.org/portal/", true},
	} {
		t.Run("base="+tt.base, func(t *testing.T) {
			mem := output.NewMemory()
			res, err := Build(context.Background(), Config{Site: namesSite("[/cu/]", nil), Theme: os.DirFS("../.."), BaseURL: tt.base, Now: testNow}, mem)
			if err != nil {
				t.Fatal(err)
			}
			files := mem.Files()
			if res.Absolute() != tt.absolute {
				t.Errorf("Result.Absolute() = %v for base URL %q", res.Absolute(), res.BaseURL)
			}
			for _, name := range feeds {
				if _, ok := files[name]; ok != tt.absolute {
					t.Errorf("%s written: %v, want %v", name, ok, tt.absolute)
				}
			}
			if got := strings.Contains(string(files["robots.txt"]), "Sitemap:"); got != tt.absolute {
				t.Errorf("robots.txt names a sitemap: %v, want %v:\n%s", got, tt.absolute, files["robots.txt"])
			}
			pages, holding := 0, map[string][]string{}
			for name, data := range files {
				if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "cu/") {
					continue // the redirect page of the alias /cu/ has a canonical link of its own
				}
				pages++
				for _, s := range absent {
					if strings.Contains(string(data), s) {
						holding[s] = append(holding[s], name)
					}
				}
			}
			for _, s := range absent {
				if len(holding[s]) > 0 != tt.absolute {
					t.Errorf("pages holding %q: %q", s, holding[s])
				}
			}
			if pages < 5 {
				t.Errorf("only %d pages checked", pages)
			}
		})
	}
}

// TestNoBaseURLNames checks that the registry of output names agrees with
// what is written: without an absolute address, a static file may take
// the name of a feed that is not made; with one, it clashes.
func TestNoBaseURLNames(t *testing.T) {
	fsys := namesSite("[]", map[string]string{"static/index.xml": "<rss/>"})
	for _, tt := range []struct {
		base, want string
	}{
		{"/", ""},
		{"https://example.org/", "static/index.xml: would replace the feed of the site, which Loa makes; rename or remove the file"},
	} {
		mem := output.NewMemory()
		_, err := Build(context.Background(), Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: tt.base, Now: testNow}, mem)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("base %s: error %q, want %q", tt.base, got, tt.want)
		}
		if tt.want == "" && string(mem.Files()["index.xml"]) != "<rss/>" {
			t.Errorf("base %s: index.xml is not the static file: %q", tt.base, mem.Files()["index.xml"])
		}
	}
}

// TestRebuildDropsFeeds checks that a rebuild which loses the absolute
// address (content/_index.md's baseurl removed) removes the feeds and the
// sitemap written before.
func TestRebuildDropsFeeds(t *testing.T) {
	fsys := namesSite("[]", map[string]string{"content/_index.md": "---\ntitle: T\nbaseurl: https://example.org/\n---\n"})
	mem := output.NewMemory()
	b := NewBuilder(Config{Site: fsys, Theme: os.DirFS("../.."), Now: testNow})
	if _, err := b.Build(context.Background(), mem); err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.Files()["sitemap.xml"]; !ok {
		t.Fatal("no sitemap.xml with baseurl set in content/_index.md")
	}
	fsys["content/_index.md"].Data = []byte("---\ntitle: T\n---\n")
	res, err := b.Rebuild(context.Background(), []string{"content/_index.md"}, mem)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(res.Removed)
	if want := []string{"chu-de/t/index.xml", "index.xml", "sitemap.xml"}; !slices.Equal(res.Removed, want) {
		t.Errorf("removed %q, want %q", res.Removed, want)
	}
}
