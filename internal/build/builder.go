package build

import (
	"context"
	"hash/maphash"
	"maps"
	"slices"
	"time"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/images"
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
	img  *images.Processor
	// cur is the state being written: the renderer's photo functions
	// read it, as a kept renderer may outlive the state it was made with.
	cur *state

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

// state is everything a build produced that the next one can reuse:
// one part per phase, each made by its phase from the parts before it and
// from prev's part when its inputs did not change. The parts are embedded
// so that their fields read as the state's own (st.site, st.sigs).
type state struct {
	contentPhase
	staticPhase
	bodyPhase
	layoutPhase
	modelPhase
	photoPhase
	outputPhase
}

// contentPhase is the parsed content/ tree (loadContent).
type contentPhase struct {
	files  map[string]*content.File // by path
	sums   map[string]uint64        // path → hash of the source bytes
	sorted []*content.File          // the files, sorted by path
}

// staticPhase is the processed static/ tree (loadStatics).
type staticPhase struct {
	statics map[string]assets.File // static name → processed file
	images  map[string][2]int      // static image name → width, height
	attach  map[string]int64       // static attachment name (see attachment) → size in bytes
	photos  map[string]string      // static photo name → hash of its bytes (images.Info.Sum)
	assets  map[string]string      // static name → output name
}

// bodyPhase is the converted Markdown and what its links depend on
// (convertBodies).
type bodyPhase struct {
	conv    *markdown.Converter
	bodies  map[*content.File]*markdown.Result
	docs    map[string]string // document number → URL
	expired map[string]bool   // URLs of items left out for their expiry
	baseURL string
	// reserved are the ids the layouts use, which heading ids must not
	// take (render.LayoutIDs).
	reserved []string
}

// layoutPhase is the parsed layouts (loadLayouts).
type layoutPhase struct {
	renderer  *render.Renderer
	layoutSum uint64
	// layoutText is the text of every layout file, in which planPhotos
	// looks for the names of static photos the layouts show themselves.
	layoutText string
	// customLayouts: the site has layouts of its own, which may show any
	// page anywhere (checked when layouts change, not at every rebuild).
	customLayouts bool
}

// modelPhase is the site model (buildModel).
type modelPhase struct {
	site     *site.Site
	shapes   map[string]uint64 // path → hash of what the model takes from the file
	now      time.Time         // the clock of the build, for publishing dates
	reshaped bool              // the model was built anew by this build
	// touched are the pages besides the reparsed ones whose routes may
	// show something else in a kept model: site.Relabel's answer.
	touched []*site.Page
}

// outputPhase is what was written: the signature of every output (write).
type outputPhase struct {
	global    uint64 // signature of what every page shows
	routeSigs map[*site.Route]uint64
	routeDeps routeDeps
	sigs      map[string]uint64 // output name → signature of its inputs
}

// memoryCache is the cache of builds without one of their own.
var memoryCache = &images.Memory{}

// NewBuilder returns a Builder for cfg. Every read of cfg.Site goes
// through content.Guard: what is not a regular file is never opened.
func NewBuilder(cfg Config) *Builder {
	if cfg.Site != nil {
		cfg.Site = content.Guard(cfg.Site)
	}
	if cfg.Cache == nil {
		cfg.Cache = memoryCache
	}
	return &Builder{cfg: cfg, seed: maphash.MakeSeed(), min: output.NewMinifier(), img: images.New(cfg.Images, cfg.Cache), pending: map[string]bool{}}
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
	if prev != nil && prev.site != nil {
		defer prev.forgetEdits(prev.site.Edits())
	}
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

// forgetEdits makes the next build after a failed one build its model
// anew when the failed build had changed the model of st in place (Update,
// Relabel) since the model counted edits: the signatures of st no longer
// say what that model shows. After a successful build st is no longer the
// builder's state, and this does nothing that matters.
func (st *state) forgetEdits(edits int) {
	if st.site.Edits() != edits {
		st.shapes = nil
	}
}
