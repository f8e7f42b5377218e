package build

import (
	"context"
	"hash/maphash"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/render"
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
	expired   map[string]bool   // URLs of items left out for their expiry
	baseURL   string
	conv      *markdown.Converter
	renderer  *render.Renderer
	layoutSum uint64
	// customLayouts: the site has layouts of its own, which may show any
	// page anywhere (checked when layouts change, not at every rebuild).
	customLayouts bool
	statics       map[string]assets.File // static name → processed file
	images        map[string][2]int      // static image name → width, height
	assets        map[string]string
	site          *site.Site
	shapes        map[string]uint64 // path → hash of what the model takes from the file
	now           time.Time         // the clock of the build, for publishing dates
	reshaped      bool              // the model was built anew by this build
	sorted        []*content.File   // the files, sorted by path
	global        uint64            // signature of what every page shows
	routeSigs     map[*site.Route]uint64
	routeDeps     routeDeps
	sigs          map[string]uint64 // output name → signature of its inputs
}

// NewBuilder returns a Builder for cfg. Every read of cfg.Site goes
// through content.Guard: what is not a regular file is never opened.
func NewBuilder(cfg Config) *Builder {
	if cfg.Site != nil {
		cfg.Site = content.Guard(cfg.Site)
	}
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
	if err := ctx.Err(); err != nil {
		return nil, err // stopped: what load reports of it is only its echo
	}
	if next != nil && next.site != nil {
		// Before anything is written: a clash of names never leaves
		// half an output.
		errs.Append(checkNames(prev, next))
		errs.Sort()
		b.phases.mark("names")
	}
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
// only the changed paths. It never modifies prev. When ctx ends it returns
// at the end of the phase it is in, with what it has; the caller checks
// ctx.
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
			next.files[f.Path], next.sums[f.Path] = f, f.Sum
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
			next.sums[f.Path] = f.Sum
			reparsed = append(reparsed, f)
		}
		files = next.sortedFiles()
		next.sorted = files
	default:
		files = next.sorted
	}
	b.phases.mark("load")
	if ctx.Err() != nil {
		return nil, errs
	}

	// Static files first: pages give their images' sizes.
	if staticChanged {
		statics, staticErrs := b.loadStatic(static, prev, changed)
		errs.Append(staticErrs)
		next.statics = statics
		next.assets, next.images = map[string]string{}, map[string][2]int{}
		for name, f := range statics {
			next.assets[name] = f.Out
			if f.Size[0] > 0 {
				next.images[name] = f.Size
			}
		}
	}

	// Markdown: convert what changed, or all when what links depend on
	// changed (document pages, the base URL, the sizes of images).
	now := b.now()
	publish := site.Config{Now: now, Drafts: b.cfg.Drafts}
	docs, baseURL, expired := documentNumbers(files, publish), b.cfg.baseURL(files), expiredURLs(files, publish)
	if prev == nil || baseURL != prev.baseURL || !maps.Equal(docs, prev.docs) || !maps.Equal(next.images, prev.images) || !maps.Equal(expired, prev.expired) {
		u, err := url.Parse(baseURL)
		if err != nil {
			errs.Add(diag.Pos{File: "content/_index.md"}, "baseurl", err.Error(), "")
			return nil, errs
		}
		gone := func(p string) bool { return expired[p] || expired[p+"/"] }
		next.conv = markdown.New(markdown.Config{BasePath: u.Path, Documents: docs, ImageSize: next.imageSize, Gone: gone})
		next.docs, next.baseURL, next.expired = docs, baseURL, expired
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
	if ctx.Err() != nil {
		return nil, errs
	}

	// Layouts (which need the asset names).
	if layoutsChanged || prev == nil || baseURL != prev.baseURL || !maps.Equal(next.assets, prev.assets) || !maps.Equal(next.images, prev.images) {
		rc := render.Config{BaseURL: baseURL, Assets: next.assets, Dev: b.cfg.Dev, ImageSize: next.imageSize, Minify: b.min.Template}
		if b.cfg.minifyPages {
			rc.Minify = nil
		}
		if errs.Append(content.CheckTree(b.cfg.Site, "layouts")); errs.Err() != nil {
			return nil, errs
		}
		r, err := render.New(layouts, rc)
		if err != nil {
			errs.Append(layoutError(err))
			return nil, errs
		}
		next.renderer = r
		next.layoutSum, next.customLayouts = b.sumFS(layouts), customLayouts(b.cfg)
	}
	if errs.Err() != nil || ctx.Err() != nil {
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
