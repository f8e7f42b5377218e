package build

import (
	"context"
	"errors"
	"hash/maphash"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/cms"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/search"
	"github.com/loa-vn/loa/internal/site"
)

// write renders and writes every output whose signature changed since
// prev, and removes outputs no longer produced. It fills next's
// outputPhase.
func (b *Builder) write(ctx context.Context, prev, next *state, sink output.Sink) (*Result, error) {
	w := &writer{sink: sink, min: b.min}
	res := newResult(next)
	// When the model was kept and the frame of the pages did not change,
	// only the routes that show a changed page are signed again, and
	// nothing else can have changed but feeds.
	g := newSigner(b, next)
	next.global = g.global
	kept := prev != nil && !next.reshaped && prev.global == g.global && prev.routeSigs != nil
	next.sigs = map[string]uint64{}
	if kept {
		next.sigs = maps.Clone(prev.sigs)
	}
	if err := b.writeStatics(w, prev, next); err != nil {
		return nil, err
	}
	b.cur = next
	if err := b.writePhotos(ctx, w, prev, next, kept, res); err != nil {
		return nil, err
	}
	b.phases.mark("static+photos")
	var todo []*site.Route
	if kept {
		todo = b.signEdited(g, prev, next)
	} else {
		todo = b.signRoutes(g, prev, next)
	}
	b.phases.mark("signatures")
	// The search index is made while pages render: it reads the same
	// model, and fills the moments the renderers wait on the disk.
	indexed := b.startIndex(next)
	if err := w.pages(ctx, next.renderer, next.site, todo, b.releases(next)); err != nil {
		if indexed != nil {
			waitIndex(ctx, indexed)
		}
		return nil, err
	}
	b.phases.mark("render+minify+write")
	res.Rendered = len(todo)
	if err := b.writeExtras(ctx, w, prev, next, kept); err != nil {
		return nil, err
	}
	if err := b.writeEditor(ctx, w, prev, next); err != nil {
		return nil, err
	}
	b.phases.mark("feeds+sitemap")
	if err := b.finishSearch(ctx, w, prev, next, kept, indexed); err != nil {
		return nil, err
	}
	// Files no longer produced (with the model kept, all are).
	if prev != nil && !kept {
		var err error
		if res.Removed, err = removeGone(prev.sigs, next.sigs, sink); err != nil {
			return nil, err
		}
	}
	res.Files, res.Bytes = int(w.files.Load()), w.bytes.Load()
	res.Changed = w.names()
	return res, nil
}

// newResult counts what next holds.
func newResult(next *state) *Result {
	s := next.site
	res := &Result{Kinds: map[content.Kind]int{}, Site: s, Pages: len(s.Routes), Static: len(next.statics), Reshaped: next.reshaped, BaseURL: next.baseURL}
	for _, p := range s.Pages {
		if p.File != nil {
			res.Kinds[p.Kind]++
		}
	}
	return res
}

// writeStatics writes the static files whose bytes changed since prev.
func (b *Builder) writeStatics(w *writer, prev, next *state) error {
	for name, f := range next.statics {
		if f.Photo != nil {
			if next.originals[name] {
				if err := b.writeOriginal(w, prev, next, name); err != nil {
					return err
				}
			}
			continue
		}
		sig := b.sumBytes(f.Data)
		next.sigs[f.Out] = sig
		if was, ok := prev.sigOf(f.Out); !ok || was != sig {
			if err := w.putRaw(f.Out, f.Data); err != nil {
				return err
			}
		}
	}
	return nil
}

// signEdited signs again, in a kept model, the routes that show a
// reparsed page or a page site.Relabel touched, and returns those whose
// signature changed. When Relabel touched pages, lists changed order, so
// a route signed again may now show other pages: those become its
// dependencies too (a route keeps its old ones, which costs at worst a
// signature more on a later edit).
func (b *Builder) signEdited(g *signer, prev, next *state) []*site.Route {
	next.routeSigs, next.routeDeps = maps.Clone(prev.routeSigs), prev.routeDeps
	if len(next.touched) > 0 {
		next.routeDeps = maps.Clone(prev.routeDeps)
	}
	var todo []*site.Route
	seen := map[*site.Route]bool{}
	for _, p := range b.editedPages(next) {
		for _, r := range prev.routeDeps[p] {
			if seen[r] {
				continue
			}
			seen[r] = true
			g.rec = g.rec[:0]
			sig := g.route(r)
			if len(next.touched) > 0 {
				next.routeDeps.add(r, g.rec)
			}
			next.routeSigs[r] = sig
			if name := FileName(r.URL); next.sigs[name] != sig {
				next.sigs[name] = sig
				todo = append(todo, r)
			}
		}
	}
	return todo
}

// editedPages returns the pages of the reparsed files in the model of
// next, then the pages site.Relabel touched.
func (b *Builder) editedPages(next *state) []*site.Page {
	var pages []*site.Page
	for _, f := range b.reparsed {
		if p := next.site.Page(f.URL); p != nil && p.File == f {
			pages = append(pages, p)
		}
	}
	return append(pages, next.touched...)
}

// signRoutes signs every route, and returns those whose signature
// changed since prev. A one-shot build keeps no signatures of routes: it
// renders them all.
func (b *Builder) signRoutes(g *signer, prev, next *state) []*site.Route {
	if !b.once {
		next.routeSigs, next.routeDeps = g.signAll(next.site.Routes)
	}
	var todo []*site.Route
	for _, r := range next.site.Routes {
		name := FileName(r.URL)
		sig := next.routeSigs[r]
		next.sigs[name] = sig
		if was, ok := prev.sigOf(name); !ok || was != sig {
			todo = append(todo, r)
		}
	}
	return todo
}

// startIndex starts making the search index of next in the background,
// unless the index is deferred (then it returns nil).
func (b *Builder) startIndex(next *state) <-chan indexResult {
	if b.cfg.DeferSearch {
		return nil
	}
	var index search.Config
	if b.releases(next) {
		index.Release = releaseText
	}
	indexed := make(chan indexResult, 1)
	go func() {
		files, err := index.Index(next.site)
		indexed <- indexResult{files, err}
	}()
	return indexed
}

// writeExtras writes feeds, the sitemap, robots.txt, redirects and the
// pages of aliases: cheap to make, written only when their bytes changed.
// The sitemap changes only with the model.
func (b *Builder) writeExtras(ctx context.Context, w *writer, prev, next *state, kept bool) error {
	_, ownRobots := next.statics[feed.RobotsTxt]
	files, redirects, err := feed.Files(next.site, feed.Options{BaseURL: next.baseURL, Sitemap: !kept, OwnRobots: ownRobots, Icons: next.icons(), Card: next.card})
	if err != nil {
		return err
	}
	if err := b.writeFiles(ctx, w, prev, next, files, true); err != nil {
		return err
	}
	aliasPages := make(map[string][]byte, len(redirects))
	for from, page := range redirects {
		if aliasPages[FileName(from)], err = b.min.Bytes("index.html", page); err != nil { // HTML, whatever the name
			return err
		}
	}
	return b.writeFiles(ctx, w, prev, next, aliasPages, false)
}

// writeEditor writes the web editor at /quan-tri/ (package cms), unless
// the site says cms: false.
func (b *Builder) writeEditor(ctx context.Context, w *writer, prev, next *state) error {
	if !cms.Enabled(next.sorted) || b.cfg.Theme == nil {
		return nil
	}
	cfg := cms.Config{Files: next.sorted, Branch: b.cfg.CMSBranch, Base: "/"}
	if u, err := url.Parse(next.baseURL); err == nil && strings.HasSuffix(u.Path, "/") {
		cfg.Base = u.Path
	}
	if feed.Absolute(next.baseURL) {
		cfg.SiteURL = next.baseURL
	}
	files, err := cms.Files(cfg, cms.Vendor())
	if err != nil {
		return err
	}
	page := path.Join(cms.Dir, "index.html")
	if data, ok := files[page]; ok {
		if files[page], err = b.min.Bytes(page, data); err != nil {
			return err
		}
	}
	return b.writeFiles(ctx, w, prev, next, files, false)
}

// finishSearch writes the search index that indexed makes. With the index
// deferred (indexed nil), it keeps the signatures of the index files of
// prev, which Search compares against.
func (b *Builder) finishSearch(ctx context.Context, w *writer, prev, next *state, kept bool, indexed <-chan indexResult) error {
	if indexed == nil {
		if prev != nil && !kept {
			for name, sig := range prev.sigs {
				if strings.HasPrefix(name, search.Dir) {
					next.sigs[name] = sig
				}
			}
		}
		return nil
	}
	ix, ok := waitIndex(ctx, indexed)
	if !ok {
		return ctx.Err()
	}
	if ix.err != nil {
		return ix.err
	}
	if err := b.writeFiles(ctx, w, prev, next, ix.files, false); err != nil {
		return err
	}
	b.phases.mark("search")
	return nil
}

// indexResult is what the search index made, or why it could not.
type indexResult struct {
	files map[string][]byte
	err   error
}

// waitIndex waits for the search index, or for ctx to end: the index does
// not watch ctx, and can take seconds on a large site. Left behind, it
// finishes in the background into its buffered channel.
func waitIndex(ctx context.Context, indexed <-chan indexResult) (indexResult, bool) {
	select {
	case ix := <-indexed:
		return ix, true
	case <-ctx.Done():
		return indexResult{}, false
	}
}

// writeFiles writes the files whose bytes changed since prev, recording
// their signatures in next.
func (b *Builder) writeFiles(ctx context.Context, w *writer, prev, next *state, files map[string][]byte, minify bool) error {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := ctx.Err(); err != nil {
			return err
		}
		data := files[name]
		if minify && output.Minifies(name) {
			var err error
			if data, err = b.min.Bytes(name, data); err != nil {
				return err
			}
		}
		sig := b.sumBytes(data)
		next.sigs[name] = sig
		if was, ok := prev.sigOf(name); !ok || was != sig {
			if err := w.putRaw(name, data); err != nil {
				return err
			}
		}
	}
	return nil
}

func (st *state) sigOf(name string) (uint64, bool) {
	if st == nil {
		return 0, false
	}
	sig, ok := st.sigs[name]
	return sig, ok
}

// writeSearch writes the search index files that changed.
func (b *Builder) writeSearch(ctx context.Context, w *writer, prev, next *state) error {
	index, err := search.Index(next.site)
	if err != nil {
		return err
	}
	return b.writeFiles(ctx, w, prev, next, index, false)
}

// Search writes the search index of the last successful build into sink,
// when Config.DeferSearch held it back, and removes index files no longer
// produced. loa serve publishes changed pages first and the index after.
func (b *Builder) Search(ctx context.Context, sink output.Sink) (*Result, error) {
	start := time.Now()
	st := b.st
	if st == nil {
		return nil, errors.New("search: nothing built yet")
	}
	w := &writer{sink: sink, min: b.min}
	prevSigs := map[string]uint64{}
	for name, sig := range st.sigs {
		if strings.HasPrefix(name, search.Dir) {
			prevSigs[name] = sig
			delete(st.sigs, name)
		}
	}
	if err := b.writeSearch(ctx, w, &state{outputPhase: outputPhase{sigs: prevSigs}}, st); err != nil {
		return nil, err
	}
	res := &Result{Site: st.site, Files: int(w.files.Load()), Bytes: w.bytes.Load(), Changed: w.names()}
	var err error
	if res.Removed, err = removeGone(prevSigs, st.sigs, sink); err != nil {
		return nil, err
	}
	res.Duration = time.Since(start)
	return res, nil
}

// removeGone returns, sorted, the outputs of before that now lacks, and
// removes them from sink when it can remove.
func removeGone(before, now map[string]uint64, sink output.Sink) ([]string, error) {
	var gone []string
	for name := range before {
		if _, ok := now[name]; !ok {
			gone = append(gone, name)
		}
	}
	slices.Sort(gone)
	if rm, ok := sink.(output.Remover); ok {
		for _, name := range gone {
			if err := rm.Remove(name); err != nil {
				return nil, err
			}
		}
	}
	return gone, nil
}

func (b *Builder) sumBytes(data []byte) uint64 {
	return maphash.Bytes(b.seed, data)
}

// FileName returns the output file of a site URL: "/a/" → "a/index.html".
func FileName(u string) string {
	name := strings.TrimPrefix(u, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return path.Clean(name)
}
