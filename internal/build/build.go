// Package build runs Loa's pipeline: load content → convert Markdown →
// model the site → render pages → feeds, sitemap and search index → write.
// Only this package knows the order of the phases. loa build, loa check and
// loa serve all run it.
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/render"
	"github.com/loa-vn/loa/internal/site"
)

// Config says what to build. The zero value is not usable: set Site.
type Config struct {
	Site    fs.FS  // the site root, holding content/ and optionally layouts/ and static/
	Theme   fs.FS  // the default theme, holding layouts/ and static/; may be nil
	BaseURL string // absolute site URL; overrides the home page's baseurl
	Drafts  bool   // include drafts and future-dated items
	Now     time.Time
	Dev     bool // serve mode: pages load the live-reload script
}

// Result summarises a build.
type Result struct {
	Kinds    map[content.Kind]int // published pages by kind
	Pages    int                  // HTML files written
	Static   int                  // static files copied
	Files    int                  // all files written
	Bytes    int64                // bytes written
	Duration time.Duration
	Notices  diag.List
	Site     *site.Site
}

// Build runs the whole pipeline into sink. When content has errors it
// returns them as a diag.List and writes nothing.
func Build(ctx context.Context, cfg Config, sink output.Sink) (*Result, error) {
	start := time.Now()
	if cfg.Now.IsZero() {
		cfg.Now = time.Now()
	}
	files, errs := content.Load(ctx, cfg.Site)
	layouts, static := cfg.layers()
	staticFiles, err := assets.List(static)
	if err != nil {
		return nil, err
	}
	baseURL := cfg.baseURL(files)
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	conv := markdown.New(markdown.Config{BasePath: u.Path, Documents: documentNumbers(files)})
	bodies, convErrs := convert(ctx, conv, files)
	errs.Append(convErrs)
	errs.Append(uncitedNotices(files, bodies))
	s, siteErrs := site.New(files, bodies, site.Config{Now: cfg.Now, Drafts: cfg.Drafts, StaticFile: staticFiles.Has})
	errs.Append(siteErrs)
	errs.Sort()
	if err := errs.Err(); err != nil {
		return nil, err
	}
	res := &Result{Kinds: map[content.Kind]int{}, Notices: errs.Notices(), Site: s}
	for _, p := range s.Pages {
		if p.File != nil {
			res.Kinds[p.Kind]++
		}
	}

	min := output.NewMinifier()
	w := &writer{sink: sink, min: min}
	assetMap, err := w.static(static, staticFiles)
	if err != nil {
		return nil, err
	}
	r, err := render.New(layouts, render.Config{BaseURL: baseURL, Assets: assetMap, Dev: cfg.Dev})
	if err != nil {
		return nil, err
	}
	if err := w.pages(ctx, r, s); err != nil {
		return nil, err
	}
	if err := w.extras(s, baseURL); err != nil {
		return nil, err
	}
	res.Pages, res.Static = len(s.Routes), len(staticFiles)
	res.Files, res.Bytes = int(w.files.Load()), w.bytes.Load()
	res.Duration = time.Since(start)
	return res, nil
}

// layers returns the layouts and static folders: the site's own files over
// the theme's.
func (cfg Config) layers() (layouts, static fs.FS) {
	sub := func(fsys fs.FS, dir string) fs.FS {
		if fsys == nil {
			return emptyFS{}
		}
		s, err := fs.Sub(fsys, dir)
		if err != nil {
			return emptyFS{}
		}
		return s
	}
	return overlay{sub(cfg.Site, "layouts"), sub(cfg.Theme, "layouts")},
		overlay{sub(cfg.Site, "static"), sub(cfg.Theme, "static")}
}

type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// baseURL picks the site's address: the configured one, then the home
// page's baseurl, then "/" (root-relative links, no absolute URLs).
func (cfg Config) baseURL(files []*content.File) string {
	u := cfg.BaseURL
	if u == "" {
		for _, f := range files {
			if f.Kind == content.KindHome {
				u = f.Meta.BaseURL
			}
		}
	}
	if u == "" {
		u = "/"
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// documentNumbers maps the numbers of document pages to their URLs.
func documentNumbers(files []*content.File) map[string]string {
	docs := map[string]string{}
	for _, f := range files {
		if f.Kind == content.KindDocument && f.Meta.Number != "" {
			docs[markdown.CanonicalNumber(f.Meta.Number)] = f.URL
		}
	}
	return docs
}

// convert renders every body, in parallel.
func convert(ctx context.Context, conv *markdown.Converter, files []*content.File) (map[*content.File]*markdown.Result, diag.List) {
	results := make([]*markdown.Result, len(files))
	failures := make([]error, len(files))
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			results[i], failures[i] = conv.Convert(f.Body, markdown.Options{FirstLine: f.BodyLine, Unsafe: f.Meta.Unsafe, URL: f.URL})
			return nil
		})
	}
	g.Wait()
	bodies := make(map[*content.File]*markdown.Result, len(files))
	var errs diag.List
	for i, f := range files {
		if failures[i] != nil {
			errs.Add(diag.Pos{File: f.Path, Line: f.BodyLine}, "", "cannot convert the Markdown: "+failures[i].Error(), "")
			continue
		}
		bodies[f] = results[i]
	}
	return bodies, errs
}

// uncitedNotices reports document numbers cited in the text that have no
// page in content/van-ban/, once per file and number.
func uncitedNotices(files []*content.File, bodies map[*content.File]*markdown.Result) diag.List {
	var notes diag.List
	for _, f := range files {
		seen := map[string]bool{}
		for _, c := range bodies[f].Citations {
			if c.URL == "" && !seen[c.Number] {
				seen[c.Number] = true
				notes.Notice(diag.Pos{File: f.Path, Line: c.Line}, "", "document "+c.Number+" has no page in content/van-ban/",
					"add one with number: \""+c.Number+"\" and every citation of it becomes a link")
			}
		}
	}
	return notes
}

// writer minifies and writes files, counting them.
type writer struct {
	sink  output.Sink
	min   *output.Minifier
	files atomic.Int64
	bytes atomic.Int64
}

func (w *writer) put(name string, data []byte) error {
	data, err := w.min.Bytes(name, data)
	if err != nil {
		return err
	}
	return w.putRaw(name, data)
}

func (w *writer) putRaw(name string, data []byte) error {
	w.files.Add(1)
	w.bytes.Add(int64(len(data)))
	return w.sink.Put(name, data)
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// pages renders every route on all cores.
func (w *writer) pages(ctx context.Context, r *render.Renderer, s *site.Site) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, route := range s.Routes {
		g.Go(func() error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			buf := bufPool.Get().(*bytes.Buffer)
			defer bufPool.Put(buf)
			buf.Reset()
			if err := r.Render(buf, s, route); err != nil {
				return err
			}
			return w.put(FileName(route.URL), buf.Bytes())
		})
	}
	return g.Wait()
}

// FileName returns the output file of a site URL: "/a/" → "a/index.html".
func FileName(u string) string {
	name := strings.TrimPrefix(u, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name
}

// static copies static files, minified, with CSS and JS fingerprinted,
// and returns the name → fingerprinted name map for templates.
func (w *writer) static(fsys fs.FS, files assets.Files) (map[string]string, error) {
	names := make(map[string]string, len(files))
	var errs []error
	for _, name := range files.Names() {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("static/%s: %w", name, err))
			continue
		}
		if output.Minifies(name) {
			if data, err = w.min.Bytes(name, data); err != nil {
				errs = append(errs, fmt.Errorf("static/%s: %w", name, err))
				continue
			}
		}
		out := name
		if assets.Fingerprinted(name) {
			out = assets.Fingerprint(name, data)
		}
		names[name] = out
		if err := w.putRaw(out, data); err != nil {
			errs = append(errs, err)
		}
	}
	return names, errors.Join(errs...)
}

// extras writes feeds, the sitemap, robots.txt and alias redirects.
func (w *writer) extras(s *site.Site, baseURL string) error {
	u, _ := url.Parse(baseURL)
	origin, base := "", strings.TrimSuffix(u.Path, "/")
	if u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	abs := func(p string) string { return origin + base + p }
	var errs []error
	put := func(name string, data []byte) { errs = append(errs, w.put(name, data)) }
	put("index.xml", feed.RSS(s, s.Title, s.Description, "/", "/index.xml", latest(s), abs))
	for _, l := range slices.Concat(s.Topics, s.Units) {
		put(strings.TrimPrefix(l.URL, "/")+"index.xml", feed.RSS(s, l.Title+" | "+s.Title, l.Summary, l.URL, l.URL+"index.xml", l.Items, abs))
	}
	put("sitemap.xml", feed.Sitemap(s, abs))
	robots := "User-agent: *\nAllow: /\n"
	if origin != "" {
		robots += "Sitemap: " + abs("/sitemap.xml") + "\n"
	}
	errs = append(errs, w.putRaw("robots.txt", []byte(robots)))
	var redirects strings.Builder
	for _, from := range sortedKeys(s.Aliases) {
		to := base + s.Aliases[from]
		fmt.Fprintf(&redirects, "%s %s 301\n", base+from, to)
		put(FileName(from), aliasPage(abs(s.Aliases[from]), to))
	}
	if redirects.Len() > 0 {
		errs = append(errs, w.putRaw("_redirects", []byte(redirects.String())))
	}
	return errors.Join(errs...)
}

// latest merges articles, news and Q&A, newest first, for the site feed.
func latest(s *site.Site) []*site.Page {
	all := slices.Concat(s.Articles, s.News, s.QA)
	slices.SortFunc(all, func(a, b *site.Page) int { return b.Date.Compare(a.Date) })
	return all[:min(len(all), feed.MaxItems)]
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// aliasPage is a tiny page that sends readers from an old URL to the new
// one without script.
func aliasPage(abs, to string) []byte {
	e := htmlEscape(to)
	return []byte(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đã chuyển</title><link rel="canonical" href="` +
		htmlEscape(abs) + `"><meta http-equiv="refresh" content="0; url=` + e + `"></head><body><p>Trang đã chuyển đến <a href="` + e + `">` + e + `</a>.</p></body></html>`)
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
