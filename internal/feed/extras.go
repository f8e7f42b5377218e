package feed

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/loa-vn/loa/internal/site"
)

// Names of the site-wide files besides the feeds.
const (
	RobotsTxt = "robots.txt"
	Redirects = "_redirects" // the file of redirect rules that Netlify reads
	Manifest  = "manifest.webmanifest"
)

// ThemeColor is the colour of the theme's header (--brand in site.css),
// for the web app manifest.
const ThemeColor = "#a3161b"

// Options says which files Files makes.
type Options struct {
	BaseURL   string // the site's address, e.g. "https://example.org/portal/"; "/" when unknown
	Sitemap   bool   // make sitemap.xml (with an absolute BaseURL)
	OwnRobots bool   // the site has its own static/robots.txt: make none
	// Icons are the icons of the web app manifest: site URLs with the base
	// path and fingerprint (e.g. "/portal/img/emblem.3f2a9c1b.svg") and
	// their sizes ("any" for SVG, "192x192"); none lists no icon.
	Icons []Icon
	// Card gives what the Open Graph tags of an alias page say of the page
	// it leads to, so that a link to the old address shared on a social
	// network shows the same card as the page's own; nil: only its title.
	Card func(p *site.Page) Card
}

// Icon is one icon of the web app manifest.
type Icon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes,omitempty"`
	Type  string `json:"type,omitempty"`
}

// Card is what a page shows when shared (its Open Graph tags).
type Card struct {
	Title       string
	Description string
	Type        string // og:type: "article" or "website"
	// Image is the site URL, with the base path, of the shared image
	// (e.g. "/portal/img/og.3f2a9c1b.png"); "" for none.
	Image    string
	ImageAlt string
}

// Absolute reports whether the site's address is absolute (has a host).
// Feeds and the sitemap need absolute URLs: without one they are not
// made, rather than made invalid.
func Absolute(baseURL string) bool {
	u, err := url.Parse(baseURL)
	return err == nil && u.Host != ""
}

// Files returns, by output name, the feed of the site and of each topic
// and unit and the sitemap (when asked) if the base URL is absolute,
// robots.txt (unless the site has its own) and _redirects, and apart, by
// old URL, the redirect page of each alias: HTML whatever the extension
// of the old address, so not to be minified by its name. Names lists the
// same names.
func Files(s *site.Site, opt Options) (files, aliasPages map[string][]byte, err error) {
	u, err := url.Parse(opt.BaseURL)
	if err != nil {
		return nil, nil, err
	}
	origin, base := "", strings.TrimSuffix(u.Path, "/")
	if u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	abs := func(p string) string { return origin + base + p }
	files, aliasPages = map[string][]byte{}, map[string][]byte{}
	if origin != "" {
		files["index.xml"] = RSS(s, s.Title, s.Description, "/", "/index.xml", latest(s), abs)
		for _, l := range slices.Concat(s.Topics, s.Units) {
			files[Name(l)] = RSS(s, l.Title+" | "+s.Title, l.Summary, l.URL, l.URL+"index.xml", l.Items, abs)
		}
		if opt.Sitemap {
			files["sitemap.xml"] = Sitemap(s, abs)
		}
	}
	if !opt.OwnRobots {
		robots := "User-agent: *\nAllow: /\n"
		if origin != "" {
			robots += "Sitemap: " + abs("/sitemap.xml") + "\n"
		}
		files[RobotsTxt] = []byte(robots)
	}
	files[Manifest] = manifest(s, base, opt.Icons)
	var redirects strings.Builder
	for _, from := range slices.Sorted(maps.Keys(s.Aliases)) {
		to := base + s.Aliases[from]
		fmt.Fprintf(&redirects, "%s %s 301!\n", redirectField(base+from), redirectField(to))
		card := Card{Title: s.Title}
		if p := s.Page(s.Aliases[from]); p != nil {
			card = Card{Title: p.Title, Type: "website"}
			if opt.Card != nil {
				card = opt.Card(p)
			}
		}
		aliasPages[from] = aliasPage(s.Title, origin, abs(s.Aliases[from]), to, card)
	}
	if redirects.Len() > 0 {
		files[Redirects] = []byte(redirects.String())
	}
	return files, aliasPages, nil
}

// File is the name of a file that Files makes, and what it is.
type File struct{ Name, What string }

// Names lists every name that Files may make for s with opt, the
// sitemap's too whatever opt.Sitemap says, so that no other output takes
// one.
func Names(s *site.Site, opt Options) []File {
	out := []File{{Manifest, "the web app manifest"}}
	if Absolute(opt.BaseURL) {
		out = append(out, File{"index.xml", "the feed of the site"}, File{"sitemap.xml", "the sitemap"})
		for _, l := range slices.Concat(s.Topics, s.Units) {
			out = append(out, File{Name(l), "the feed of " + l.URL})
		}
	}
	if !opt.OwnRobots {
		out = append(out, File{RobotsTxt, "the robots.txt"})
	}
	if len(s.Aliases) > 0 {
		out = append(out, File{Redirects, "the redirects of the aliases"})
	}
	return out
}

// Name is the output name of the feed of a topic or unit.
func Name(l *site.Page) string { return strings.TrimPrefix(l.URL, "/") + "index.xml" }

// latest merges articles, news and Q&A, newest first, for the site feed.
func latest(s *site.Site) []*site.Page {
	all := slices.Concat(s.Articles, s.News, s.QA)
	slices.SortStableFunc(all, func(a, b *site.Page) int { return b.Date.Compare(a.Date) })
	return all[:min(len(all), MaxItems)]
}

// manifest returns the web app manifest of the site: its name, short
// name (the shortname setting, else the title), language, start page,
// colours and icon.
func manifest(s *site.Site, base string, icons []Icon) []byte {
	m := struct {
		Name       string `json:"name"`
		ShortName  string `json:"short_name"`
		Lang       string `json:"lang"`
		StartURL   string `json:"start_url"`
		Scope      string `json:"scope"`
		Display    string `json:"display"`
		ThemeColor string `json:"theme_color"`
		Background string `json:"background_color"`
		Icons      []Icon `json:"icons,omitempty"`
	}{s.Title, cmp.Or(s.ShortName, s.Title), "vi", base + "/", base + "/", "standalone", ThemeColor, "#ffffff", icons}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // a fixed struct of strings: a failure is a programming error
	}
	return append(out, '\n')
}

// redirectField percent-escapes the whitespace and control characters of
// a path, so that it stays one field of one line of _redirects. Aliases
// and page URLs hold none; the base path of the site's address might.
func redirectField(p string) string {
	var b strings.Builder
	for _, r := range p {
		if unicode.IsSpace(r) || !unicode.IsGraphic(r) {
			for _, c := range []byte(string(r)) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// aliasPage is a tiny page that sends readers from an old URL to the new
// one without script. Search engines do not index it (noindex, and a
// canonical link to the new address); social networks that read it show
// the card of the new page, with its address (og:url), when the site's
// address is absolute (origin not ""); they need absolute URLs.
func aliasPage(siteTitle, origin, abs, to string, c Card) []byte {
	e, esc := html.EscapeString(to), html.EscapeString
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đã chuyển</title><meta name="robots" content="noindex"><link rel="canonical" href="` + esc(abs) + `">`)
	b.WriteString(`<meta property="og:site_name" content="` + esc(siteTitle) + `"><meta property="og:locale" content="vi_VN">`)
	b.WriteString(`<meta property="og:type" content="` + esc(cmp.Or(c.Type, "website")) + `"><meta property="og:title" content="` + esc(c.Title) + `">`)
	if c.Description != "" {
		b.WriteString(`<meta property="og:description" content="` + esc(c.Description) + `">`)
	}
	if origin != "" {
		b.WriteString(`<meta property="og:url" content="` + esc(abs) + `">`)
		if c.Image != "" {
			b.WriteString(`<meta property="og:image" content="` + esc(origin+c.Image) + `"><meta property="og:image:alt" content="` + esc(c.ImageAlt) + `">`)
		}
	}
	b.WriteString(`<meta http-equiv="refresh" content="0; url=` + e + `"></head><body><p>Trang đã chuyển đến <a href="` + e + `">` + e + `</a>.</p></body></html>`)
	return []byte(b.String())
}
