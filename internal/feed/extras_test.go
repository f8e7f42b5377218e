package feed

import (
	"maps"
	"slices"
	"testing"

	"github.com/loa-vn/loa/internal/site"
)

// TestFilesNames checks that Names lists exactly the files Files makes,
// so that the build's registry of output names claims them all.
func TestFilesNames(t *testing.T) {
	s := &site.Site{
		Title:   "Loa",
		Topics:  []*site.Page{{URL: "/chu-de/a/", Title: "A"}},
		Units:   []*site.Page{{URL: "/tin-don-vi/b/", Title: "B"}},
		Aliases: map[string]string{"/cu/": "/moi/", "/cu 2.html": "/moi/"},
	}
	for _, tt := range []struct {
		base string
		own  bool
		want []string
	}{
		{"https://example.org/p q/", false, []string{"_redirects", "chu-de/a/index.xml", "index.xml", "manifest.webmanifest", "robots.txt", "sitemap.xml", "tin-don-vi/b/index.xml"}},
		{"https://example.org/p q/", true, []string{"_redirects", "chu-de/a/index.xml", "index.xml", "manifest.webmanifest", "sitemap.xml", "tin-don-vi/b/index.xml"}},
		{"/", false, []string{"_redirects", "manifest.webmanifest", "robots.txt"}}, // no feeds or sitemap without an absolute address
		{"/p q/", true, []string{"_redirects", "manifest.webmanifest"}},
	} {
		opt := Options{BaseURL: tt.base, Sitemap: true, OwnRobots: tt.own}
		files, pages, err := Files(s, opt)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range Names(s, opt) {
			names = append(names, f.Name)
		}
		slices.Sort(names)
		if got := slices.Sorted(maps.Keys(files)); !slices.Equal(got, tt.want) || !slices.Equal(names, tt.want) {
			t.Errorf("%s, own robots %v: Files made %q, Names lists %q, want %q", tt.base, tt.own, got, names, tt.want)
		}
		if got := slices.Sorted(maps.Keys(pages)); !slices.Equal(got, []string{"/cu 2.html", "/cu/"}) {
			t.Errorf("redirect pages for %q, want one per alias", got)
		}
	}
	files, _, _ := Files(s, Options{BaseURL: "https://example.org/p q/"})
	if got, want := string(files[Redirects]), "/p%20q/cu%202.html /p%20q/moi/ 301!\n/p%20q/cu/ /p%20q/moi/ 301!\n"; got != want {
		t.Errorf("_redirects:\n%s\nwant:\n%s", got, want)
	}
	files, _, _ = Files(s, Options{BaseURL: "https://example.org/portal/"})
	if got, want := string(files[RobotsTxt]), "User-agent: *\nAllow: /\nSitemap: https://example.org/portal/sitemap.xml\n"; got != want {
		t.Errorf("robots.txt:\n%s\nwant:\n%s", got, want)
	}
}
