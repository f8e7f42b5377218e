package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"image"
	_ "image/gif"  // sizes of GIF images
	_ "image/jpeg" // sizes of JPEG images
	_ "image/png"  // sizes of PNG images
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/render"
	"github.com/loa-vn/loa/internal/search"
	"github.com/loa-vn/loa/internal/site"
)

// Builder builds a site and keeps what it needs to rebuild it after a
// change: parsed files, converted bodies, processed static files, parsed
// layouts, and for every output file the signature of its inputs.
// A Builder is not safe for concurrent use; one goroutine owns it.
type Builder struct {
	cfg  Config
	seed maphash.Seed
	min  *output.Minifier

	// once marks a builder that will not rebuild: it skips the
	// bookkeeping that only rebuilds need.
	once bool

	// State of the last successful build; replaced as a whole on success.
	st *state
	// reparsed are the files the current run parsed.
	reparsed []*content.File
	// phases times the current run.
	phases *phaseTimer
	// pending holds the paths of changes that a failed rebuild could not
	// take in, so that the next rebuild looks at them again.
	pending map[string]bool
}

// state is everything a build produced that the next one can reuse.
type state struct {
	files     map[string]*content.File // by path
	sums      map[string]uint64        // path → hash of the source bytes
	bodies    map[*content.File]*markdown.Result
	docs      map[string]string // document number → URL
	baseURL   string
	conv      *markdown.Converter
	renderer  *render.Renderer
	layoutSum uint64
	statics   map[string]staticFile // static name → processed file
	images    map[string][2]int     // static image name → width, height
	assets    map[string]string
	site      *site.Site
	shapes    map[string]uint64 // path → hash of what the model takes from the file
	now       time.Time         // the clock of the build, for publishing dates
	reshaped  bool              // the model was built anew by this build
	sorted    []*content.File   // the files, sorted by path
	global    uint64            // signature of what every page shows
	routeSigs map[*site.Route]uint64
	routeDeps routeDeps
	sigs      map[string]uint64 // output name → signature of its inputs
}

// staticFile is a static file as written: minified, maybe fingerprinted.
type staticFile struct {
	out  string
	data []byte
	size [2]int // width and height of an image in pixels, else zero
}

// imageSize gives the size of a static image, so that pages can reserve
// its place before it loads.
func (st *state) imageSize(name string) (w, h int, ok bool) {
	size, ok := st.images[strings.TrimPrefix(name, "/")]
	return size[0], size[1], ok
}

// NewBuilder returns a Builder for cfg.
func NewBuilder(cfg Config) *Builder {
	return &Builder{cfg: cfg, seed: maphash.MakeSeed(), min: output.NewMinifier(), pending: map[string]bool{}}
}

func (b *Builder) now() time.Time {
	switch {
	case !b.cfg.Now.IsZero():
		return b.cfg.Now
	case b.cfg.Clock != nil:
		return b.cfg.Clock()
	}
	return time.Now()
}

// Build builds the whole site into sink.
func (b *Builder) Build(ctx context.Context, sink output.Sink) (*Result, error) {
	b.st = nil
	return b.run(ctx, nil, sink)
}

// Rebuild takes in the changed paths (slash paths from the site root, such
// as "content/hoi-dap/a.md" or "static/css/site.css"; created, edited,
// renamed or deleted files or folders) and writes to sink only the files
// whose inputs changed, removing those no longer produced (when sink is an
// output.Remover). Without a previous successful build it builds all.
func (b *Builder) Rebuild(ctx context.Context, changed []string, sink output.Sink) (*Result, error) {
	return b.run(ctx, changed, sink)
}

// phaseTimer records how long each phase of a run took.
type phaseTimer struct {
	last   time.Time
	phases []Phase
}

func (t *phaseTimer) mark(name string) {
	now := time.Now()
	t.phases = append(t.phases, Phase{name, now.Sub(t.last)})
	t.last = now
}

func (b *Builder) run(ctx context.Context, changed []string, sink output.Sink) (*Result, error) {
	start := time.Now()
	b.phases = &phaseTimer{last: start}
	for _, p := range changed {
		b.pending[p] = true
	}
	prev := b.st
	next, errs := b.load(ctx, prev, slices.Sorted(maps.Keys(b.pending)))
	if err := errs.Err(); err != nil {
		return nil, err
	}
	res, err := b.write(ctx, prev, next, sink)
	if err != nil {
		return nil, err
	}
	res.Notices = errs.Notices()
	res.Duration = time.Since(start)
	res.Phases = b.phases.phases
	b.st, b.pending = next, map[string]bool{}
	return res, nil
}

// load brings the sources up to date: from scratch when prev is nil, else
// only the changed paths. It never modifies prev.
func (b *Builder) load(ctx context.Context, prev *state, changed []string) (*state, diag.List) {
	var errs diag.List
	layouts, static := b.cfg.layers()
	next := &state{}
	contentChanged, layoutsChanged, staticChanged := prev == nil, prev == nil, prev == nil
	for _, p := range changed {
		switch top, _, _ := strings.Cut(p, "/"); top {
		case "content":
			contentChanged = true
		case "layouts":
			layoutsChanged = true
		case "static":
			staticChanged = true
		default:
			contentChanged, layoutsChanged, staticChanged = true, true, true // the site root itself moved
		}
	}
	if prev != nil {
		*next = *prev
	}

	// Content: parse new and changed files, forget removed ones. Plain
	// edits of known files (the usual save) take a short path.
	var reparsed []*content.File
	var files []*content.File
	switch {
	case contentChanged && prev != nil && onlyEdits(b.cfg.Site, prev, changed):
		next.files, next.sums, next.sorted = maps.Clone(prev.files), maps.Clone(prev.sums), slices.Clone(prev.sorted)
		var toRead []string
		for _, p := range changed {
			if prev.files[p] != nil {
				toRead = append(toRead, p)
			}
		}
		loaded, loadErrs := content.LoadFiles(ctx, b.cfg.Site, toRead)
		errs.Append(loadErrs)
		for _, f := range loaded {
			next.files[f.Path], next.sums[f.Path] = f, b.sumFile(f)
			if i, ok := slices.BinarySearchFunc(next.sorted, f.Path, func(g *content.File, p string) int { return strings.Compare(g.Path, p) }); ok {
				next.sorted[i] = f
			}
			reparsed = append(reparsed, f)
		}
		files = next.sorted
	case contentChanged:
		next.files, next.sums = map[string]*content.File{}, map[string]uint64{}
		names, listErrs := content.List(b.cfg.Site)
		errs.Append(listErrs)
		var toRead []string
		for _, name := range names {
			if prev != nil && prev.files[name] != nil && !touched(name, changed) {
				next.files[name], next.sums[name] = prev.files[name], prev.sums[name]
				continue
			}
			toRead = append(toRead, name)
		}
		loaded, loadErrs := content.LoadFiles(ctx, b.cfg.Site, toRead)
		errs.Append(loadErrs)
		for _, f := range loaded {
			next.files[f.Path] = f
			next.sums[f.Path] = b.sumFile(f)
			reparsed = append(reparsed, f)
		}
		files = next.sortedFiles()
		next.sorted = files
	default:
		files = next.sorted
	}
	b.phases.mark("load")

	// Static files first: pages give their images' sizes.
	if staticChanged {
		statics, err := b.loadStatic(static, prev, changed)
		if err != nil {
			errs.Add(diag.Pos{File: "static"}, "", err.Error(), "")
		}
		next.statics = statics
		next.assets, next.images = map[string]string{}, map[string][2]int{}
		for name, f := range statics {
			next.assets[name] = f.out
			if f.size[0] > 0 {
				next.images[name] = f.size
			}
		}
	}

	// Markdown: convert what changed, or all when what links depend on
	// changed (document pages, the base URL, the sizes of images).
	now := b.now()
	publish := site.Config{Now: now, Drafts: b.cfg.Drafts}
	docs, baseURL := documentNumbers(files, publish), b.cfg.baseURL(files)
	if prev == nil || baseURL != prev.baseURL || !maps.Equal(docs, prev.docs) || !maps.Equal(next.images, prev.images) {
		u, err := url.Parse(baseURL)
		if err != nil {
			errs.Add(diag.Pos{File: "content/_index.md"}, "baseurl", err.Error(), "")
			return nil, errs
		}
		next.conv = markdown.New(markdown.Config{BasePath: u.Path, Documents: docs, ImageSize: next.imageSize})
		next.docs, next.baseURL = docs, baseURL
		reparsed = files
		next.bodies = map[*content.File]*markdown.Result{}
	} else if len(reparsed) > 0 || contentChanged {
		next.bodies = maps.Clone(prev.bodies)
		for f := range next.bodies {
			if next.files[f.Path] != f {
				delete(next.bodies, f) // an older version, or a removed file
			}
		}
	}
	b.reparsed = reparsed
	converted, convErrs := convert(ctx, next.conv, reparsed)
	errs.Append(convErrs)
	maps.Copy(next.bodies, converted)
	if b.once {
		for _, f := range reparsed {
			f.Body = nil // converted: a one-shot build never reads it again
		}
	}
	errs.Append(uncitedNotices(files, next.bodies))
	b.phases.mark("convert")

	// Layouts (which need the asset names).
	if layoutsChanged || prev == nil || baseURL != prev.baseURL || !maps.Equal(next.assets, prev.assets) || !maps.Equal(next.images, prev.images) {
		r, err := render.New(layouts, render.Config{BaseURL: baseURL, Assets: next.assets, Dev: b.cfg.Dev, ImageSize: next.imageSize})
		if err != nil {
			errs.Add(diag.Pos{File: "layouts"}, "", err.Error(), "fix the template")
			return nil, errs
		}
		next.renderer = r
		next.layoutSum = b.sumFS(layouts)
	}
	if errs.Err() != nil {
		return nil, errs
	}
	b.phases.mark("static+layouts")

	// The model: when the change touched only what pages show of
	// themselves (the common edit of an article's text), the model keeps
	// its shape and the pages are swapped in; otherwise it is built anew.
	if !b.once {
		next.shapes = b.shapes(prev, next, files, reparsed)
	}
	sameStatic := !staticChanged || prev != nil && sameKeys(prev.statics, next.statics)
	if prev != nil && sameStatic && b.sameShape(prev, next, now) && b.updateModel(prev.site, reparsed, next.bodies, now) {
		next.site = prev.site
		next.reshaped = false
	} else {
		next.reshaped = true
		staticFiles := func(name string) bool { _, ok := next.statics[name]; return ok }
		publish.StaticFile = staticFiles
		s, siteErrs := site.New(files, next.bodies, publish)
		errs.Append(siteErrs)
		next.site = s
	}
	next.now = now
	errs.Sort()
	b.phases.mark("model")
	return next, errs
}

// shapes hashes, for each file, everything site.New takes from it besides
// what only the file's own page shows: the front matter (which places and
// orders pages), and the links, citations and lead of the body.
func (b *Builder) shapes(prev, st *state, files, reparsed []*content.File) map[string]uint64 {
	if prev != nil && prev.shapes != nil && len(files) == len(prev.shapes) {
		// Only some files changed: update a copy of the previous shapes.
		out := maps.Clone(prev.shapes)
		for _, f := range reparsed {
			out[f.Path] = b.shape(st, f)
		}
		return out
	}
	out := make(map[string]uint64, len(files))
	for _, f := range files {
		out[f.Path] = b.shape(st, f)
	}
	return out
}

// shape hashes what the model takes from one file.
func (b *Builder) shape(st *state, f *content.File) uint64 {
	{
		var h maphash.Hash
		h.SetSeed(b.seed)
		fmt.Fprintf(&h, "%s\x00%d\x00", f.Path, f.MetaSum)
		if body := st.bodies[f]; body != nil {
			for _, l := range body.Links {
				fmt.Fprintf(&h, "%s\x00%d\x00%t\x00", l.Dest, l.Line, l.Image)
			}
			for _, c := range body.Citations {
				fmt.Fprintf(&h, "%s\x00%d\x00%s\x00", c.Number, c.Line, c.URL)
			}
			if f.Meta.Summary == "" {
				h.WriteString(body.Lead)
			}
		}
		return h.Sum64()
	}
}

// sameShape reports whether next's files give the model of prev: the same
// files with the same shapes, and no item whose date or expiry fell due
// between the two builds.
func (b *Builder) sameShape(prev, next *state, now time.Time) bool {
	if prev.site == nil || !maps.Equal(prev.shapes, next.shapes) || b.cfg.Drafts != prev.site.Drafts {
		return false
	}
	for _, f := range next.files {
		for _, t := range []time.Time{f.Meta.Date, f.Meta.Expires} {
			if t.After(prev.now) && !t.After(now) {
				return false
			}
		}
	}
	return true
}

// updateModel swaps the reparsed files into the model of prev. A file
// with no page there must be one that is not published.
func (b *Builder) updateModel(s *site.Site, reparsed []*content.File, bodies map[*content.File]*markdown.Result, now time.Time) bool {
	publish := site.Config{Now: now, Drafts: b.cfg.Drafts}
	for _, f := range reparsed {
		if !s.Update(f, bodies[f]) && publish.Published(f) {
			return false
		}
	}
	return true
}

// sameKeys reports whether two maps have the same keys: the model checks
// only that static files exist.
func sameKeys[V any](a, b map[string]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

var svgDims = regexp.MustCompile(`<svg[^>]*?\swidth="(\d+)"[^>]*?\sheight="(\d+)"`)

// svgSize reads width and height attributes of an SVG's root element.
func svgSize(data []byte) [2]int {
	m := svgDims.FindSubmatch(data)
	if m == nil {
		return [2]int{}
	}
	w, _ := strconv.Atoi(string(m[1]))
	h, _ := strconv.Atoi(string(m[2]))
	return [2]int{w, h}
}

// onlyEdits reports whether every changed content path is a file that
// prev knows and that is still a file: edits, with nothing created,
// removed or renamed.
func onlyEdits(fsys fs.FS, prev *state, changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, "content/") {
			continue
		}
		if prev.files[p] == nil {
			return false
		}
		if info, err := fs.Stat(fsys, p); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// touched reports whether name, or a folder holding it, is in changed.
func touched(name string, changed []string) bool {
	for _, c := range changed {
		if name == c || strings.HasPrefix(name, strings.TrimSuffix(c, "/")+"/") {
			return true
		}
	}
	return false
}

func (st *state) sortedFiles() []*content.File {
	files := make([]*content.File, 0, len(st.files))
	for _, name := range slices.Sorted(maps.Keys(st.files)) {
		files = append(files, st.files[name])
	}
	return files
}

// sumFile identifies what a file says: an edit that changes nothing (a
// touch, a save without change) changes no output.
func (b *Builder) sumFile(f *content.File) uint64 { return f.Sum }

// sumFS hashes every file of fsys, for layouts.
func (b *Builder) sumFS(fsys fs.FS) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(fsys, name)
			fmt.Fprintf(&h, "%s\x00%d\x00", name, len(data))
			h.Write(data)
		}
		return nil
	})
	return h.Sum64()
}

// loadStatic processes static files: all of them, or only the changed
// ones when prev has the rest.
func (b *Builder) loadStatic(fsys fs.FS, prev *state, changed []string) (map[string]staticFile, error) {
	names, err := assets.List(fsys)
	if err != nil {
		return nil, err
	}
	out := make(map[string]staticFile, len(names))
	var errs []error
	for _, name := range names.Names() {
		if prev != nil && !touched("static/"+name, changed) {
			if f, ok := prev.statics[name]; ok {
				out[name] = f
				continue
			}
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("static/%s: %w", name, err))
			continue
		}
		if output.Minifies(name) {
			if data, err = b.min.Bytes(name, data); err != nil {
				errs = append(errs, fmt.Errorf("static/%s: %w", name, err))
				continue
			}
		}
		f := staticFile{out: name, data: data}
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			f.size = [2]int{cfg.Width, cfg.Height}
		} else if path.Ext(name) == ".svg" {
			f.size = svgSize(data)
		}
		if assets.Fingerprinted(name) && !b.cfg.Dev {
			f.out = assets.Fingerprint(name, data)
		}
		out[name] = f
	}
	return out, errors.Join(errs...)
}

// write renders and writes every output whose signature changed since
// prev, and removes outputs no longer produced.
func (b *Builder) write(ctx context.Context, prev, next *state, sink output.Sink) (*Result, error) {
	s := next.site
	w := &writer{sink: sink, min: b.min}
	next.sigs = map[string]uint64{}
	res := &Result{Kinds: map[content.Kind]int{}, Site: s, Pages: len(s.Routes), Static: len(next.statics), Reshaped: next.reshaped}
	for _, p := range s.Pages {
		if p.File != nil {
			res.Kinds[p.Kind]++
		}
	}
	// Pages. When the model was kept and the frame of the pages did not
	// change, only the routes that show a changed page are signed again,
	// and nothing else can have changed but feeds.
	g := newSigner(b, next)
	next.global = g.global
	kept := prev != nil && !next.reshaped && prev.global == g.global && prev.routeSigs != nil
	var todo []*site.Route
	if kept {
		next.sigs = maps.Clone(prev.sigs)
	}
	for _, f := range next.statics {
		sig := b.sumBytes(f.data)
		next.sigs[f.out] = sig
		if was, ok := prev.sigOf(f.out); !ok || was != sig {
			if err := w.putRaw(f.out, f.data); err != nil {
				return nil, err
			}
		}
	}
	if kept {
		next.routeSigs, next.routeDeps = maps.Clone(prev.routeSigs), prev.routeDeps
		seen := map[*site.Route]bool{}
		for _, f := range b.reparsed {
			p := s.Page(f.URL)
			if p == nil || p.File != f {
				continue
			}
			for _, r := range prev.routeDeps[p] {
				if seen[r] {
					continue
				}
				seen[r] = true
				sig := g.route(r)
				next.routeSigs[r] = sig
				if name := FileName(r.URL); next.sigs[name] != sig {
					next.sigs[name] = sig
					todo = append(todo, r)
				}
			}
		}
	} else {
		if !b.once {
			next.routeSigs, next.routeDeps = g.signAll(s.Routes)
		}
		for _, r := range s.Routes {
			name := FileName(r.URL)
			sig := next.routeSigs[r]
			next.sigs[name] = sig
			if was, ok := prev.sigOf(name); !ok || was != sig {
				todo = append(todo, r)
			}
		}
	}
	b.phases.mark("signatures")
	// The search index is made while pages render: it reads the same
	// model, and fills the moments the renderers wait on the disk.
	type indexResult struct {
		files map[string][]byte
		err   error
	}
	indexed := make(chan indexResult, 1)
	if !b.cfg.DeferSearch {
		go func() {
			files, err := search.Index(s)
			indexed <- indexResult{files, err}
		}()
	}
	if err := w.pages(ctx, next.renderer, s, todo, b.once); err != nil {
		if !b.cfg.DeferSearch {
			<-indexed
		}
		return nil, err
	}
	b.phases.mark("render+minify+write")
	res.Rendered = len(todo)
	// Feeds, sitemap, robots.txt and redirects: cheap to make, written only
	// when their bytes changed.
	extras, err := extras(s, next.baseURL, !kept)
	if err != nil {
		return nil, err
	}
	if err := b.writeFiles(w, prev, next, extras, true); err != nil {
		return nil, err
	}
	b.phases.mark("feeds+sitemap")
	if b.cfg.DeferSearch {
		if prev != nil && !kept {
			for name, sig := range prev.sigs {
				if strings.HasPrefix(name, search.Dir) {
					next.sigs[name] = sig
				}
			}
		}
	} else {
		ix := <-indexed
		if ix.err != nil {
			return nil, ix.err
		}
		if err := b.writeFiles(w, prev, next, ix.files, false); err != nil {
			return nil, err
		}
		b.phases.mark("search")
	}
	// Files no longer produced (with the model kept, all are).
	if prev != nil && !kept {
		if res.Removed, err = removeGone(prev.sigs, next.sigs, sink); err != nil {
			return nil, err
		}
	}
	res.Files, res.Bytes = int(w.files.Load()), w.bytes.Load()
	res.Changed = w.names()
	return res, nil
}

// writeFiles writes the files whose bytes changed since prev, recording
// their signatures in next.
func (b *Builder) writeFiles(w *writer, prev, next *state, files map[string][]byte, minify bool) error {
	for _, name := range slices.Sorted(maps.Keys(files)) {
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
func (b *Builder) writeSearch(w *writer, prev, next *state) error {
	index, err := search.Index(next.site)
	if err != nil {
		return err
	}
	return b.writeFiles(w, prev, next, index, false)
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
	if err := b.writeSearch(w, &state{sigs: prevSigs}, st); err != nil {
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
