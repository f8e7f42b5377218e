// Package render draws the pages of a site model with the html/template
// files of layouts/.
//
// # Layouts
//
// layouts/base.html defines the template "base", the frame of every page,
// which calls the block "main". layouts/partials/*.html define shared
// templates. Every other layouts/NAME.html is the layout NAME of the routes
// of the site model (home, topics, list, article, qa-index, qa, units,
// documents, document, page, tags, search, ask, ask-sent, contact, 404)
// and defines "main". The documents layout draws the registry and its
// filter pages (.Site.DocTypes, .Site.DocIssuers); ask, ask-sent and
// contact draw the question form, its thank-you page and the contact page
// (.Site.Ask, .Site.AskSent, .Site.Contact; the form only with
// .Site.Forms).
// A site's own layouts/ replace the default theme's files of the same name.
//
// # Data
//
// Each template runs on a *Data: .Site (*site.Site), .Page (*site.Page),
// .Pager (*site.Pager or nil), .URL (this file's site URL), .Abs (its
// absolute URL, as abs .URL gives), .HasOrigin (as hasOrigin), .Crumbs
// (each with .Title, .URL and .Current), .Dev.
//
// Short lists come cut by the model, so that what a page shows is decided
// in one place (the cuts are constants of package site):
//
//	.Site.LatestFeatured  the first 3 featured articles and news (site.FeaturedPreview)
//	.Site.LatestNews      the first 6 news items (site.NewsPreview)
//	.Site.LatestQA        the first 6 Q&A items (site.QAPreview)
//	.Site.LatestDocuments the first 5 documents (site.DocsPreview)
//	.Site.SideNews, .Site.SideQA, .Site.SideDocuments
//	                      the side column's first 4 of each (site.SidePreview)
//	.Page.CitedPreview    of a document: the newest 10 pages citing it (site.CitedPreview); .Page.CitedList
//	                      the list of them all, nil when those are all
//	.Site.Identity        who publishes the site: .Parent, .Body, .Township, .Emblem, .Owner, .Editor,
//	                      .Licence, .ProvincePortal, .Address, .Phone, .Email (see package content)
//	.Page.Preview         of a list page (topic, unit, section, tag), like .Preview of each of
//	                      .Site.Topics: the first 3 of its .Items (site.ItemsPreview)
//
// The builder renders a page again when what the theme's layout of it
// shows changed: for the home page, these lists and not the whole of
// .Site.News. A site's own layouts may show anything (all of
// .Site.Articles, another page's .Body.HTML); with them every page is
// rendered again on every change.
//
// # Functions
//
//	url PATH         site URL with the base path: url "/hoi-dap/" → "/portal/hoi-dap/"
//	abs PATH         absolute URL: abs "/hoi-dap/" → "https://example.org/portal/hoi-dap/"
//	asset NAME       fingerprinted URL of a static file: asset "css/site.css" → "/css/site.3f2a9c1b.css"
//	longDate T       "Thứ Tư, 25/11/2026"
//	shortDate T      "25/11/2026"
//	isoDate T        "2026-11-25T08:30:00+07:00"
//	docDate T        "ngày 25 tháng 11 năm 2026"
//	kindName KIND    Vietnamese name of a page kind: "Bài viết", "Hỏi - đáp"…
//	first N LIST     the first N pages of LIST
//	jsonLD DATA      schema.org JSON-LD of the page (use inside <script type="application/ld+json">)
//	pageTitle DATA   text of the page's <title>: the page's title, then the site's shortname (else
//	                 its title) when the whole stays within MaxTitle characters
//	description DATA the page's meta description: the site's description on the home page, an
//	                 item's summary, or a list's summary or a sentence made from its title
//	hasOrigin        whether the site's absolute address is known (canonical and Open Graph URLs need it)
//	share URL        Facebook share link for an absolute URL (ShareFacebook)
//	shareZalo URL    Zalo share link for an absolute URL (ShareZalo)
//	cached NAME KEY DATA  output of template NAME, made once per KEY for one state of the site
//	                 model (a new model, or a page's text swapped in, empties it): KEY must
//	                 decide the output, as a page's .URL does for its item card
//	imageSize NAME   [width, height] of a static image, or nil
//	icon SIZE        address of the emblem's square PNG icon (180 for the apple-touch-icon), or ""
//	emblem DATA      address of the emblem to show in the header: a 128-pixel copy of a large PNG or JPEG one
//	navKey DATA      the page's URL if it is a navigation link, else "" (the key of the header)
//	ext PATH         the upper-case extension of a file name: ext "files/a.pdf" → "PDF"
//	fileSize PATH    the size of a static attachment, "245 KB" or "1,2 MB"; "" when unknown
//	telURL PHONE     tel: link of a phone number as written ("0251 3822 123"), "" when it is none
//	mailtoURL EMAIL SUBJECT  mailto: link with a subject, "" when EMAIL is not an address
//	zaloURL DIGITS   link that opens a Zalo chat with a phone number: "https://zalo.me/0912345678"
//	docTypeURL NAME  URL of the registry page of a document type: "Chỉ thị" → "/van-ban/loai/chi-thi/"
//	docIssuerURL NAME URL of the registry page of an issuer: "Quốc hội" → "/van-ban/co-quan/quoc-hoi/"
//	docno TEXT       TEXT escaped, each document number in it (18-CT/TW) in a <span class="docno">
//	                 that does not break at its hyphen or slash: for titles
//	picture NAME ALT SIZES EAGER  a static photo as a responsive <picture> (WebP and JPEG
//	                 or PNG at several widths, width, height, alt; lazy unless EAGER),
//	                 or a plain <img> for other images: picture "anh/a.jpg" "Hội nghị" "6rem" false
//	shareImage DATA  the page's share card (.URL, .Width, .Height, .Alt), or nil: its photo cut
//	                 to 1200×630, or a card drawn with its title (articles, Q&A, news, documents)
//
// # Errors
//
// Layouts run minified, yet a mistake is reported at its file and line as
// written, whether the layout does not parse or a page fails to render:
//
//	layouts/page.html:5: function "noSuchFunc" not defined; fix the template
//	layouts/page.html:6: rendering /gioi-thieu/: {{asset "img/none.png"}}: error calling asset: asset "img/none.png" is not in static/
//
// A Renderer is safe for concurrent use.
package render

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/site"
	"github.com/loa-vn/loa/internal/vntext"
)

// Config configures a Renderer.
type Config struct {
	BaseURL string            // absolute site URL, e.g. "https://example.org/portal/"; "/" when unknown
	Assets  map[string]string // static name → fingerprinted name, e.g. "css/site.css" → "css/site.3f2a9c1b.css"
	Dev     bool              // serve mode: add the live-reload script
	// ImageSize gives the width and height of a static image ("img/a.png").
	ImageSize func(name string) (w, h int, ok bool)
	// FileSize gives the size in bytes of a static attachment
	// ("files/a.pdf"), for the documents registry.
	FileSize func(name string) (n int64, ok bool)
	// Picture gives the responsive variants of a static photo ("anh/a.jpg"),
	// for the picture function; nil or none: a plain <img>.
	Picture func(name string) (*markdown.Picture, bool)
	// ShareImage gives a page's share card (og:image), for shareImage and
	// the JSON-LD image; nil or none: the theme's img/og.png.
	ShareImage func(p *site.Page) (ShareImage, bool)
	// Icon gives the output name of the square PNG icon of the site's
	// emblem at size×size pixels, for icon; "" when there is none.
	Icon func(size int) string
	// Emblem gives the output name of the emblem pages show (a small copy
	// of a large PNG or JPEG emblem), for emblem; "" or nil: the emblem.
	Emblem func() string
	// Minify, when set, minifies the source of each layout file once, so
	// that pages come out minified without minifying each page.
	Minify func(src string) (string, error)
}

// Renderer executes layouts. Safe for concurrent use.
type Renderer struct {
	mu        sync.Mutex
	cacheSite *site.Site               // the site the cache below is for
	cacheEdit int                      // and its Edits()
	cache     map[string]template.HTML // "template\x00key" → output, for cached partials
	partials  *template.Template       // a template set to run partials from
	cfg       Config
	base      string                        // base path without trailing slash, e.g. "/portal"
	origin    string                        // scheme and host, e.g. "https://example.org"
	layouts   map[string]*template.Template // layout → the set that makes its pages, minified when minified is set
	minified  bool                          // every layout file was minified

	// sources holds the layouts parsed as written, to find the true line
	// of an execution error; srcPartials runs their partials.
	sources     map[string]*template.Template
	srcPartials *template.Template
}

// ShareImage is a page's share card: the picture sites show with a link.
type ShareImage struct {
	URL           string // absolute when the site's address is known
	Width, Height int
	Alt           string
}

// Data is what a layout runs on.
type Data struct {
	Site      *site.Site
	Page      *site.Page
	Pager     *site.Pager
	URL       string  // site-relative URL of this file
	Abs       string  // absolute URL of this file (root-relative when the site's address is unknown)
	HasOrigin bool    // the site's absolute address is known
	Crumbs    []Crumb // breadcrumbs, home first, this page last
	Dev       bool
}

// Crumb is one step of the breadcrumbs.
type Crumb struct {
	Title, URL string
	Current    bool // the page itself, the last crumb
}

// New parses the layouts in fsys (a folder holding base.html, partials/
// and one file per layout). A mistake in a layout is returned as a
// *diag.Diagnostic at its line in the file as written.
func New(fsys fs.FS, cfg Config) (*Renderer, error) {
	u, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", cfg.BaseURL, err)
	}
	r := &Renderer{cfg: cfg, base: strings.TrimSuffix(u.Path, "/"), layouts: map[string]*template.Template{}, sources: map[string]*template.Template{}, minified: cfg.Minify != nil}
	if u.Scheme != "" && u.Host != "" {
		r.origin = u.Scheme + "://" + u.Host
	}
	shared, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, err
	}
	shared = append([]string{"base.html"}, shared...)
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, err
	}
	sources, minified := map[string]string{}, map[string]string{}
	for _, file := range append(shared, names...) {
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, &diag.Diagnostic{Pos: diag.Pos{File: "layouts/" + file}, Msg: "cannot read: " + err.Error(), Err: err}
		}
		sources[file] = string(src)
		if cfg.Minify != nil {
			if min, err := cfg.Minify(string(src)); err == nil {
				minified[file] = min
			}
		}
	}
	if len(minified) < len(sources) {
		r.minified = false // some file as written: the pages need minifying
	}
	for _, name := range names {
		if name != "base.html" {
			if err := r.parse(name, shared, sources, minified); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

// parse parses the layout name with the shared files, first as written,
// so that a mistake is reported at its true line, then minified when
// every file was. When the minified source does not parse, the layout
// runs as written and the pages need minifying.
func (r *Renderer) parse(name string, shared []string, sources, minified map[string]string) error {
	files := append(slices.Clip(shared), name)
	layout := strings.TrimSuffix(name, ".html")
	src, err := parseSet(name, files, sources, r.funcs(true))
	if err != nil {
		return parseError(err, "layouts/"+name)
	}
	r.sources[layout], r.layouts[layout] = src, src
	if r.srcPartials == nil {
		r.srcPartials = src
	}
	if r.minified {
		min, err := parseSet(name, files, minified, r.funcs(false))
		if err != nil {
			r.minified = false // run as written; the pages get minified
		} else {
			r.layouts[layout] = min
		}
	}
	if r.partials == nil {
		r.partials = r.layouts[layout]
	}
	return nil
}

// parseSet parses files, each named by its path ("layouts/base.html"),
// into one template set.
func parseSet(name string, files []string, text map[string]string, funcs template.FuncMap) (*template.Template, error) {
	t := template.New(name).Funcs(funcs)
	for _, file := range files {
		if _, err := t.New("layouts/" + file).Parse(text[file]); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Minified reports whether the pages come out minified: every layout file
// was minified by Config.Minify. Markdown bodies are put in as converted.
func (r *Renderer) Minified() bool { return r.minified }

// Render writes the HTML of route. Its errors are *diag.Diagnostic.
func (r *Renderer) Render(w io.Writer, s *site.Site, route *site.Route) error {
	t := r.layouts[route.Layout]
	if t == nil {
		return &diag.Diagnostic{Pos: diag.Pos{File: "layouts/" + route.Layout + ".html"}, Msg: "missing (needed for " + route.URL + ")"}
	}
	r.useSite(s)
	d := &Data{Site: s, Page: route.Page, Pager: route.Pager, URL: route.URL, Abs: r.abs(route.URL), HasOrigin: r.origin != "", Crumbs: crumbs(s, route.Page), Dev: r.cfg.Dev}
	if err := t.ExecuteTemplate(w, "base", d); err != nil {
		return r.execError(route, d, err)
	}
	return nil
}

// cached executes the shared template name once per key and reuses its
// output: for the parts of the frame that are the same on many pages (the
// header varies only with the navigation link of the current page, the
// footer not at all). The output was escaped by html/template when made.
func (r *Renderer) cached(name, key string, data any) (template.HTML, error) {
	id := name + "\x00" + key
	r.mu.Lock()
	site, edit := r.cacheSite, r.cacheEdit
	h, ok := r.cache[id]
	r.mu.Unlock()
	if ok {
		return h, nil
	}
	var b strings.Builder
	if err := r.partials.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	r.mu.Lock()
	if r.cacheSite == site && r.cacheEdit == edit {
		r.cache[id] = h
	}
	r.mu.Unlock()
	return h, nil
}

// useSite points the cache of partials at s, emptying it when s is a new
// model or had pages swapped in since (site.Update): cached parts are
// valid for one state of the model.
func (r *Renderer) useSite(s *site.Site) {
	r.mu.Lock()
	if r.cacheSite != s || r.cacheEdit != s.Edits() {
		r.cacheSite, r.cacheEdit, r.cache = s, s.Edits(), map[string]template.HTML{}
	}
	r.mu.Unlock()
}

// navKey returns what the header depends on besides the site: the page's
// URL when it is one of the navigation's links, else "".
func navKey(d *Data) string {
	if d.URL == "/" || d.Site.Page(d.URL) != nil && isNav(d.Site, d.URL) {
		return d.URL
	}
	return ""
}

func isNav(s *site.Site, u string) bool {
	for _, p := range s.Sections {
		if p.URL == u {
			return true
		}
	}
	for _, p := range s.Menu {
		if p.URL == u {
			return true
		}
	}
	return false
}

// crumbs lists the path from home to p.
func crumbs(s *site.Site, p *site.Page) []Crumb {
	var chain []*site.Page
	for q := p; q != nil && q != s.Home; {
		chain = append(chain, q)
		switch {
		case q.Kind == content.KindArticle && q.Topic != nil:
			q = q.Topic
		case q.Kind == content.KindNews && q.Unit != nil:
			q = q.Unit
		default:
			q = q.Section
		}
	}
	out := []Crumb{{Title: "Trang chủ", URL: "/"}}
	for i := len(chain) - 1; i >= 0; i-- {
		out = append(out, Crumb{Title: chain[i].Title, URL: chain[i].URL})
	}
	out[len(out)-1].Current = true
	return out
}

func (r *Renderer) url(p string) string { return r.base + p }

func (r *Renderer) abs(p string) string { return r.origin + r.base + p }

func (r *Renderer) asset(name string) (string, error) {
	name = strings.TrimPrefix(name, "/")
	if hashed, ok := r.cfg.Assets[name]; ok {
		return r.base + "/" + hashed, nil
	}
	return "", fmt.Errorf("asset %q is not in static/", name)
}

// icon returns the address of the emblem's square icon at size×size
// pixels, or "" when the build has none.
func (r *Renderer) icon(size int) string {
	if r.cfg.Icon == nil {
		return ""
	}
	if name := r.cfg.Icon(size); name != "" {
		return r.base + "/" + name
	}
	return ""
}

// emblem returns the address of the emblem pages show: Config.Emblem's
// small copy, else the site's emblem as it is.
func (r *Renderer) emblem(d *Data) (string, error) {
	if r.cfg.Emblem != nil {
		if name := r.cfg.Emblem(); name != "" {
			return r.base + "/" + name, nil
		}
	}
	return r.asset(d.Site.Emblem)
}

// funcs returns the template functions. The set parsed as written
// (asWritten) runs cached partials from its own files, without the cache:
// it runs only to find where a page fails.
func (r *Renderer) funcs(asWritten bool) template.FuncMap {
	cached := r.cached
	if asWritten {
		cached = func(name, _ string, data any) (template.HTML, error) {
			var b strings.Builder
			err := r.srcPartials.ExecuteTemplate(&b, name, data)
			return template.HTML(b.String()), err
		}
	}
	funcs := template.FuncMap{
		"url":   r.url,
		"abs":   r.abs,
		"asset": r.asset,
		"longDate": func(t time.Time) string {
			return vntext.LongDate(t)
		},
		"shortDate": vntext.ShortDate,
		"isoDate":   func(t time.Time) string { return t.In(vntext.Zone).Format(time.RFC3339) },
		"docDate":   vntext.DocumentDate,
		"kindName":  site.KindName,
		"first": func(n int, l []*site.Page) []*site.Page {
			return l[:min(n, len(l))]
		},
		"jsonLD":      r.jsonLD,
		"pageTitle":   pageTitle,
		"description": description,
		"share":       ShareFacebook,
		"shareZalo":   ShareZalo,
		"absAsset": func(name string) (string, error) {
			u, err := r.asset(name)
			return r.origin + u, err
		},
		"hasOrigin": func() bool { return r.origin != "" },
		"cached":    cached,
		"imageSize": func(name string) []int {
			if r.cfg.ImageSize == nil {
				return nil
			}
			if w, h, ok := r.cfg.ImageSize(name); ok {
				return []int{w, h}
			}
			return nil
		},
		"navKey":     navKey,
		"docno":      docno,
		"picture":    r.picture,
		"shareImage": r.shareImage,
		"icon":       r.icon,
		"emblem":     r.emblem,
		"add1":       func(n int) int { return n + 1 },
		"list":       func(items ...string) []string { return items },
		"ext":        func(p string) string { return strings.ToUpper(strings.TrimPrefix(path.Ext(p), ".")) },
	}
	maps.Copy(funcs, r.linkFuncs())
	return funcs
}

// linkFuncs returns the template functions of the documents registry and
// of the ways to reach the editors.
func (r *Renderer) linkFuncs() template.FuncMap {
	return template.FuncMap{
		"fileSize": func(name string) string {
			if r.cfg.FileSize == nil {
				return ""
			}
			n, ok := r.cfg.FileSize(name)
			if !ok {
				return ""
			}
			return vntext.ByteSize(n)
		},
		"zaloURL":      site.ZaloURL,
		"telURL":       telURL,
		"mailtoURL":    mailtoURL,
		"docTypeURL":   site.DocTypeURL,
		"docIssuerURL": site.DocIssuerURL,
	}
}

// picture returns a static image as HTML: a <picture> of its variants
// when it is a photo, else an <img> with its size when known.
func (r *Renderer) picture(name, alt, sizes string, eager bool) template.HTML {
	name = strings.TrimPrefix(name, "/")
	if r.cfg.Picture != nil {
		if p, ok := r.cfg.Picture(name); ok {
			return p.HTML(r.base, alt, sizes, eager)
		}
	}
	var b strings.Builder
	b.WriteString(`<img src="` + template.HTMLEscapeString(r.base+"/"+name) + `" alt="` + template.HTMLEscapeString(alt) + `"`)
	if r.cfg.ImageSize != nil {
		if w, h, ok := r.cfg.ImageSize(name); ok {
			fmt.Fprintf(&b, ` width="%d" height="%d"`, w, h)
		}
	}
	if !eager {
		b.WriteString(` loading="lazy" decoding="async"`)
	}
	b.WriteString(">")
	return template.HTML(b.String())
}

// shareImage returns the share card of the page of d, or nil.
func (r *Renderer) shareImage(d *Data) *ShareImage {
	if r.cfg.ShareImage == nil {
		return nil
	}
	if s, ok := r.cfg.ShareImage(d.Page); ok {
		return &s
	}
	return nil
}
