package loa

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
)

type netlifyConfig struct {
	Build struct {
		Command, Publish string
		Environment      map[string]string
	}
	Headers []struct {
		For    string
		Values map[string]string
	}
}

func readNetlify(t *testing.T) netlifyConfig {
	t.Helper()
	var cfg netlifyConfig
	md, err := toml.DecodeFile("netlify.toml", &cfg)
	if err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf("netlify.toml has keys this test does not know: %v", u)
	}
	return cfg
}

func TestNetlifyConfig(t *testing.T) {
	cfg := readNetlify(t)
	if cfg.Build.Publish != "public" || !strings.Contains(cfg.Build.Command, "./cmd/loa build") {
		t.Errorf("build = %+v, want publish public and a loa build command", cfg.Build)
	}
	if !slices.Contains(strings.Fields(cfg.Build.Command), "-strict") {
		t.Errorf("build command %q lacks -strict: a deploy without a base URL would publish no feeds or sitemap", cfg.Build.Command)
	}
	all := map[string]string{}
	cache := map[string]string{}
	for _, h := range cfg.Headers {
		if h.For == "/*" {
			all = h.Values
		} else if h.For != "/quan-tri/*" {
			cache[h.For] = h.Values["Cache-Control"]
		}
	}
	for _, name := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
		if all[name] == "" {
			t.Errorf("netlify.toml sets no %s for /*", name)
		}
	}
	for _, dir := range []string{"/css/*", "/js/*"} {
		if !strings.Contains(cache[dir], "immutable") {
			t.Errorf("fingerprinted %s are not cached forever: %q", dir, cache[dir])
		}
	}
}

// TestPagesSatisfyCSP builds the sample portal and checks every page
// against the Content-Security-Policy of netlify.toml: no inline script
// (JSON-LD data blocks are not scripts), no inline style, no event-handler
// attributes, no javascript: URLs, and no resource from another origin.
func TestPagesSatisfyCSP(t *testing.T) {
	var csp string
	for _, h := range readNetlify(t).Headers {
		if h.For == "/*" {
			csp = h.Values["Content-Security-Policy"]
		}
	}
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	mem := output.NewMemory()
	_, err := build.Build(context.Background(), build.Config{Site: os.DirFS("."), Theme: DefaultTheme(), BaseURL: "https://example.org/", Now: time.Now()}, mem)
	if err != nil {
		t.Fatal(err)
	}
	scriptTag := regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	resource := regexp.MustCompile(`(?i)<(?:script|img|link|iframe|audio|video|source|embed|object)\b[^>]*\s(?:src|href)=("[^"]*"|'[^']*'|[^\s>]+)`)
	bad := []*regexp.Regexp{
		regexp.MustCompile(`(?i)<style\b`),
		regexp.MustCompile(`(?i)\sstyle=`),
		regexp.MustCompile(`(?i)\son[a-z]+=`),
		regexp.MustCompile(`(?i)javascript:`),
		regexp.MustCompile(`(?i)<(iframe|object|embed)\b`),
	}
	pages, resources := 0, 0
	for name, data := range mem.Files() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		html := string(data)
		for _, m := range scriptTag.FindAllStringSubmatch(html, -1) {
			attrs, body := m[1], m[2]
			isData := strings.Contains(attrs, "application/ld+json")
			if !isData && (!strings.Contains(attrs, "src=") || strings.TrimSpace(body) != "") {
				t.Errorf("%s: inline script: %.80s", name, m[0])
			}
		}
		for _, re := range bad {
			if loc := re.FindStringIndex(html); loc != nil {
				t.Errorf("%s: %q at %d breaks the CSP", name, html[loc[0]:min(len(html), loc[1]+30)], loc[0])
			}
		}
		for _, m := range resource.FindAllStringSubmatch(html, -1) {
			resources++
			u := strings.Trim(m[1], `"'`)
			if strings.HasPrefix(u, "//") || (strings.Contains(u, "://") && !strings.HasPrefix(u, "https://example.org/")) {
				t.Errorf("%s: loads %s from another origin", name, u)
			}
		}
	}
	if pages < 100 || resources < pages {
		t.Errorf("only %d pages and %d resource references checked", pages, resources)
	}
}

// TestEditorHeaders: the web editor's rule comes after "/*" (Netlify takes
// the last matching rule's value), keeps it out of search engines, and
// allows only what Decap CMS needs beyond the site's policy (measured in
// Chromium; internal/cms's browser test runs the editor under it).
func TestEditorHeaders(t *testing.T) {
	cfg := readNetlify(t)
	at := map[string]int{}
	for i, h := range cfg.Headers {
		at[h.For] = i
	}
	i, ok := at["/quan-tri/*"]
	if !ok || i < at["/*"] {
		t.Fatalf("netlify.toml has no /quan-tri/* rule after /*: %v", at)
	}
	editor, site := cspDirectives(cfg.Headers[i].Values["Content-Security-Policy"]), cspDirectives(cfg.Headers[at["/*"]].Values["Content-Security-Policy"])
	extra := map[string][]string{"script-src": {"'unsafe-eval'"}, "style-src": {"'unsafe-inline'"}, "img-src": {"blob:"}, "font-src": {"data:"}}
	for name, want := range site {
		want = append(want, extra[name]...)
		if got := editor[name]; !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
			t.Errorf("/quan-tri/* %s = %v, want %v", name, got, want)
		}
	}
	if len(editor) != len(site) {
		t.Errorf("/quan-tri/* has directives %v, the site %v", editor, site)
	}
	if v := cfg.Headers[i].Values["X-Robots-Tag"]; !strings.Contains(v, "noindex") {
		t.Errorf("/quan-tri/* X-Robots-Tag = %q, want noindex", v)
	}
}

func cspDirectives(csp string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			out[f[0]] = f[1:]
		}
	}
	return out
}
