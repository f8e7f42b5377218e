package build_test

// Benchmarks of each phase of the pipeline, and of whole and incremental
// builds, on a synthetic portal from internal/bench/synth: LOA_BENCH_N
// articles (default 1000) plus 5% Q&A, 25% unit news and a few documents.
//
//	go test ./internal/build -run XXX -bench . -benchtime=1x           # CI: do they still run?
//	LOA_BENCH_N=10000 go test ./internal/build -run XXX -bench . -count 5 -benchtime=3x
//
// The corpus is generated once per test process into a temporary folder;
// each phase's inputs are prepared once, outside the timer. The phases are
// put together from the packages' exported APIs, as Builder does, so they
// measure the same work without reaching into Builder's state. files/s
// counts content files; pages/s counts HTML pages (routes).

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	loa "github.com/loa-vn/loa"
	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/bench/synth"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/render"
	"github.com/loa-vn/loa/internal/search"
	"github.com/loa-vn/loa/internal/site"
	"github.com/loa-vn/loa/internal/vntext"
)

const benchBaseURL = "https://example.org/"

// benchNow is the clock of every benchmark build: after the corpus's last
// date, so every item is published.
var benchNow = time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)

var corpus struct {
	once sync.Once
	dir  string // holds content/; removed by TestMain
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpus.dir != "" {
		os.RemoveAll(corpus.dir)
	}
	os.Exit(code)
}

// benchN is LOA_BENCH_N, or 1000.
func benchN() (int, error) {
	s := os.Getenv("LOA_BENCH_N")
	if s == "" {
		return 1000, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("LOA_BENCH_N=%q: want a number of articles", s)
	}
	return n, nil
}

// corpusDir returns the folder of this process's corpus, generating it on
// first use.
func corpusDir(b *testing.B) string {
	b.Helper()
	corpus.once.Do(func() {
		n, err := benchN()
		if err != nil {
			corpus.err = err
			return
		}
		if corpus.dir, corpus.err = os.MkdirTemp("", "loa-bench-"); corpus.err != nil {
			return
		}
		root, err := os.OpenRoot(corpus.dir)
		if err != nil {
			corpus.err = err
			return
		}
		defer root.Close()
		start := time.Now()
		st, err := synth.WriteDir(context.Background(), root, synth.Config{N: n, Seed: 1})
		corpus.err = err
		b.Logf("corpus N=%d: %s, generated in %v", n, st, time.Since(start).Round(time.Millisecond))
	})
	if corpus.err != nil {
		b.Fatal(corpus.err)
	}
	return corpus.dir
}

// theme returns the default theme's layouts and static folders.
func theme() (layouts, static fs.FS, err error) {
	if layouts, err = fs.Sub(loa.DefaultTheme(), "layouts"); err != nil {
		return nil, nil, err
	}
	static, err = fs.Sub(loa.DefaultTheme(), "static")
	return layouts, static, err
}

// benchPhases holds the output of each phase, made once and shared
// read-only.
type benchPhases struct {
	once   sync.Once
	err    error
	files  []*content.File
	conv   *markdown.Converter
	bodies map[*content.File]*markdown.Result
	static assets.Files
	site   *site.Site
	r      *render.Renderer
}

var phases benchPhases

// model runs load, convert and model once and returns their results.
func model(b *testing.B) *benchPhases {
	b.Helper()
	dir := corpusDir(b)
	phases.once.Do(func() {
		p := &phases
		if p.files, p.err = load(os.DirFS(dir)); p.err != nil {
			return
		}
		p.conv = newConverter(p.files)
		if p.bodies, p.err = convert(p.conv, p.files); p.err != nil {
			return
		}
		layouts, static, err := theme()
		if err != nil {
			p.err = err
			return
		}
		if p.static, p.err = assets.List(static); p.err != nil {
			return
		}
		if p.site, p.err = newSite(p.files, p.bodies, p.static); p.err != nil {
			return
		}
		p.r, p.err = newRenderer(layouts, static, p.static)
	})
	if phases.err != nil {
		b.Fatal(phases.err)
	}
	return &phases
}

func load(fsys fs.FS) ([]*content.File, error) {
	files, errs := content.Load(context.Background(), fsys)
	return files, errs.Err()
}

// newConverter is the converter a build makes: with the numbers of the
// document pages, so that citations become links.
func newConverter(files []*content.File) *markdown.Converter {
	docs := map[string]string{}
	for _, f := range files {
		if f.Kind == content.KindDocument && f.Meta.Number != "" {
			docs[markdown.CanonicalNumber(f.Meta.Number)] = f.URL
		}
	}
	return markdown.New(markdown.Config{BasePath: "/", Documents: docs})
}

// convert converts every body on all cores, as the build does.
func convert(conv *markdown.Converter, files []*content.File) (map[*content.File]*markdown.Result, error) {
	results := make([]*markdown.Result, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			var err error
			results[i], err = conv.Convert(f.Body, markdown.Options{FirstLine: f.BodyLine, Unsafe: f.Meta.Unsafe, URL: f.URL})
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	bodies := make(map[*content.File]*markdown.Result, len(files))
	for i, f := range files {
		bodies[f] = results[i]
	}
	return bodies, nil
}

func newSite(files []*content.File, bodies map[*content.File]*markdown.Result, static assets.Files) (*site.Site, error) {
	s, errs := site.New(files, bodies, site.Config{Now: benchNow, StaticFile: static.Has})
	return s, errs.Err()
}

// newRenderer parses the theme's layouts with fingerprinted asset names,
// as the build does.
func newRenderer(layouts, static fs.FS, files assets.Files) (*render.Renderer, error) {
	names := map[string]string{}
	for _, name := range files.Names() {
		names[name] = name
		if assets.Fingerprinted(name) {
			data, err := fs.ReadFile(static, name)
			if err != nil {
				return nil, err
			}
			names[name] = assets.Fingerprint(name, data)
		}
	}
	return render.New(layouts, render.Config{BaseURL: benchBaseURL, Assets: names})
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderAll renders every route on all cores and hands each page to put.
func renderAll(r *render.Renderer, s *site.Site, put func(name string, html []byte) error) error {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, route := range s.Routes {
		g.Go(func() error {
			buf := bufPool.Get().(*bytes.Buffer)
			defer bufPool.Put(buf)
			buf.Reset()
			if err := r.Render(buf, s, route); err != nil {
				return err
			}
			return put(build.FileName(route.URL), buf.Bytes())
		})
	}
	return g.Wait()
}

func reportRate(b *testing.B, n int, unit string) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), unit)
}

// BenchmarkLoad lists, reads and parses content/ (front matter and body).
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(corpusDir(b))
	var n int
	for b.Loop() {
		files, err := load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		n = len(files)
	}
	reportRate(b, n, "files/s")
}

// BenchmarkConvert converts every Markdown body to HTML on all cores.
func BenchmarkConvert(b *testing.B) {
	p := model(b)
	for b.Loop() {
		conv := newConverter(p.files)
		if _, err := convert(conv, p.files); err != nil {
			b.Fatal(err)
		}
	}
	reportRate(b, len(p.files), "files/s")
}

// BenchmarkModel builds the site model: pages, lists, pagination, links.
func BenchmarkModel(b *testing.B) {
	p := model(b)
	for b.Loop() {
		if _, err := newSite(p.files, p.bodies, p.static); err != nil {
			b.Fatal(err)
		}
	}
	reportRate(b, len(p.files), "files/s")
}

// BenchmarkRender executes the layouts of every route into io.Discard, on
// all cores.
func BenchmarkRender(b *testing.B) {
	p := model(b)
	var size int64
	var mu sync.Mutex
	for b.Loop() {
		size = 0
		err := renderAll(p.r, p.site, func(_ string, html []byte) error {
			io.Discard.Write(html)
			mu.Lock()
			size += int64(len(html))
			mu.Unlock()
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "html-bytes")
	reportRate(b, len(p.site.Routes), "pages/s")
}

// BenchmarkSearchIndex builds the sharded search index from the model.
func BenchmarkSearchIndex(b *testing.B) {
	p := model(b)
	var size int
	for b.Loop() {
		files, err := search.Index(p.site)
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, data := range files {
			size += len(data)
		}
	}
	b.ReportMetric(float64(size), "index-bytes")
	reportRate(b, len(p.site.Routes), "pages/s")
}

// BenchmarkMinifyWrite minifies every rendered page and writes it, on all
// cores: into output.Discard (the minifier alone) and into an output.Dir
// (a fresh folder swapped in, as loa build does).
func BenchmarkMinifyWrite(b *testing.B) {
	p := model(b)
	pages := map[string][]byte{}
	var mu sync.Mutex
	err := renderAll(p.r, p.site, func(name string, html []byte) error {
		mu.Lock()
		pages[name] = slices.Clone(html)
		mu.Unlock()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	names := slices.Sorted(maps.Keys(pages))
	min := output.NewMinifier()
	write := func(sink output.Sink) error {
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for _, name := range names {
			g.Go(func() error {
				data, err := min.Bytes(name, pages[name])
				if err != nil {
					return err
				}
				return sink.Put(name, data)
			})
		}
		return g.Wait()
	}
	b.Run("discard", func(b *testing.B) {
		for b.Loop() {
			if err := write(output.Discard{}); err != nil {
				b.Fatal(err)
			}
		}
		reportRate(b, len(names), "pages/s")
	})
	b.Run("dir", func(b *testing.B) {
		target := filepath.Join(b.TempDir(), "public")
		for b.Loop() {
			dir, err := output.NewDir(target)
			if err != nil {
				b.Fatal(err)
			}
			if err := write(dir); err != nil {
				dir.Abort()
				b.Fatal(err)
			}
			if err := dir.Commit(); err != nil {
				b.Fatal(err)
			}
		}
		reportRate(b, len(names), "pages/s")
	})
}

// BenchmarkFullBuild runs build.Build, from reading content/ to the last
// file, into output.Discard and into an output.Dir (what loa build does).
func BenchmarkFullBuild(b *testing.B) {
	cfg := build.Config{Site: os.DirFS(corpusDir(b)), Theme: loa.DefaultTheme(), BaseURL: benchBaseURL, Now: benchNow}
	run := func(b *testing.B, sink func() (output.Sink, func() error)) {
		var pages int
		for b.Loop() {
			s, commit := sink()
			res, err := build.Build(context.Background(), cfg, s)
			if err == nil {
				err = commit()
			}
			if err != nil {
				b.Fatal(err)
			}
			pages = res.Pages
		}
		reportRate(b, pages, "pages/s")
	}
	b.Run("discard", func(b *testing.B) {
		run(b, func() (output.Sink, func() error) { return output.Discard{}, func() error { return nil } })
	})
	b.Run("dir", func(b *testing.B) {
		target := filepath.Join(b.TempDir(), "public")
		run(b, func() (output.Sink, func() error) {
			dir, err := output.NewDir(target)
			if err != nil {
				b.Fatal(err)
			}
			return dir, dir.Commit
		})
	})
}

// BenchmarkRenderLayout renders the routes of each layout on one core,
// reporting the time per page: where the render phase spends its time.
func BenchmarkRenderLayout(b *testing.B) {
	p := model(b)
	byLayout := map[string][]*site.Route{}
	for _, r := range p.site.Routes {
		byLayout[r.Layout] = append(byLayout[r.Layout], r)
	}
	for _, layout := range slices.Sorted(maps.Keys(byLayout)) {
		routes := byLayout[layout]
		b.Run(layout, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				for _, r := range routes {
					buf.Reset()
					if err := p.r.Render(&buf, p.site, r); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(routes)), "ns/page")
			b.ReportMetric(float64(len(routes)), "pages")
		})
	}
}
