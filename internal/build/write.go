package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/par"
	"github.com/loa-vn/loa/internal/render"
	"github.com/loa-vn/loa/internal/site"
)

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

// documentNumbers maps the numbers of published document pages to their
// URLs.
func documentNumbers(files []*content.File, publish site.Config) map[string]string {
	docs := map[string]string{}
	for _, f := range files {
		if f.Kind == content.KindDocument && f.Meta.Number != "" && publish.Published(f) {
			docs[markdown.CanonicalNumber(f.Meta.Number)] = f.URL
		}
	}
	return docs
}

// expiredURLs returns the URLs of the items left out only because they
// expired: links to them lose their link, not the build.
func expiredURLs(files []*content.File, publish site.Config) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		if !f.Meta.Expires.IsZero() && publish.Expired(f) {
			out[f.URL] = true
		}
	}
	return out
}

// convert renders the bodies of files, in parallel. When ctx ends it
// stops early and returns only the bodies it converted.
func convert(ctx context.Context, conv *markdown.Converter, files []*content.File) (map[*content.File]*markdown.Result, diag.List) {
	results := make([]*markdown.Result, len(files))
	failures := make([]error, len(files))
	par.ForEach(ctx, len(files), runtime.GOMAXPROCS(0), func(i int) error {
		f := files[i]
		results[i], failures[i] = conv.Convert(f.Body, markdown.Options{FirstLine: f.BodyLine, Unsafe: f.Meta.Unsafe, URL: f.URL, LeadImage: f.Meta.Image != ""})
		return nil
	})
	bodies := make(map[*content.File]*markdown.Result, len(files))
	var errs diag.List
	for i, f := range files {
		if failures[i] != nil {
			errs.Add(diag.Pos{File: f.Path, Line: f.BodyLine}, "", i18n.Sprintf("cannot convert the Markdown: %v", failures[i]), "")
			continue
		}
		if results[i] != nil { // nil: not reached before ctx ended
			bodies[f] = results[i]
		}
	}
	return bodies, errs
}

// uncitedNotices reports document numbers cited in the text that have no
// page in content/van-ban/, once per file and number.
func uncitedNotices(files []*content.File, bodies map[*content.File]*markdown.Result) diag.List {
	var notes diag.List
	for _, f := range files {
		body := bodies[f]
		if body == nil {
			continue
		}
		seen := map[string]bool{}
		for _, c := range body.Citations {
			if c.URL == "" && !seen[c.Number] {
				seen[c.Number] = true
				notes.Notice(diag.Pos{File: f.Path, Line: c.Line}, "", i18n.Sprintf("document %s has no page in content/van-ban/", c.Number),
					i18n.Sprintf("add one with number: %q and every citation of it becomes a link", c.Number))
			}
		}
	}
	return notes
}

// writer minifies and writes files, counting them. It refuses to write a
// name twice: checkNames has made sure that no two outputs share a name,
// and this keeps it honest. Safe for concurrent use.
type writer struct {
	sink    output.Sink
	min     *output.Minifier
	files   atomic.Int64
	bytes   atomic.Int64
	mu      sync.Mutex
	written map[string]bool
}

func (w *writer) put(name string, data []byte) error {
	data, err := w.min.Bytes(name, data)
	if err != nil {
		return err
	}
	return w.putRaw(name, data)
}

func (w *writer) putRaw(name string, data []byte) error {
	w.mu.Lock()
	twice := w.written[name]
	if w.written == nil {
		w.written = map[string]bool{}
	}
	w.written[name] = true
	w.mu.Unlock()
	if twice {
		return fmt.Errorf("write %s: written twice in one build, a clash of names that Loa did not see; please report it", name)
	}
	w.files.Add(1)
	w.bytes.Add(int64(len(data)))
	return w.sink.Put(name, data)
}

func (w *writer) names() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Sorted(maps.Keys(w.written))
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// pages renders routes on all cores, with twice as many workers as cores
// so that one renders while another waits on the disk. With dropBodies
// (see releases) a page's HTML body is let go once its only route is
// written.
func (w *writer) pages(ctx context.Context, r *render.Renderer, s *site.Site, routes []*site.Route, dropBodies bool) error {
	return par.ForEach(ctx, len(routes), 2*runtime.GOMAXPROCS(0), func(i int) error {
		route := routes[i]
		buf := bufPool.Get().(*bytes.Buffer)
		defer bufPool.Put(buf)
		buf.Reset()
		if err := r.Render(buf, s, route); err != nil {
			return layoutError(err)
		}
		if dropBodies {
			releaseHTML(route)
		}
		if r.Minified() {
			return w.putRaw(FileName(route.URL), buf.Bytes())
		}
		return w.put(FileName(route.URL), buf.Bytes())
	})
}

// layoutError returns an error of render.New or Renderer.Render as
// diagnostics: a mistake in a layout comes placed at its file and line.
func layoutError(err error) diag.List {
	if d, ok := errors.AsType[*diag.Diagnostic](err); ok {
		return diag.List{d}
	}
	var errs diag.List
	errs.Add(diag.Pos{File: "layouts"}, "", err.Error(), i18n.Sprintf("fix the template"))
	return errs
}
