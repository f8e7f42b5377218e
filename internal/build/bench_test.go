package build

// Benchmarks of each phase of the pipeline, and of whole and incremental
// builds, on a synthetic portal from internal/bench/synth: LOA_BENCH_N
// articles (default 1000) plus 5% Q&A, 25% unit news and a few documents.
//
//	go test ./internal/build -run XXX -bench . -benchtime=1x           # CI: do they still run?
//	LOA_BENCH_N=10000 go test ./internal/build -run XXX -bench . -count 5 -benchtime=3x
//
// The corpus is generated once per test process into a temporary folder.
// A Builder builds it once, outside the timer; each phase benchmark then
// runs the build's own function for that phase on what the Builder kept.
// files/s counts content files; pages/s counts HTML pages (routes).

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	loa "github.com/loa-vn/loa"
	"github.com/loa-vn/loa/internal/bench/synth"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/par"
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

// benchState is what a Builder kept of the corpus, made once and shared
// read-only by the phase benchmarks.
var benchState struct {
	once sync.Once
	err  error
	b    *Builder
}

// model builds the corpus once with a Builder and returns it.
func model(b *testing.B) *Builder {
	b.Helper()
	dir := corpusDir(b)
	benchState.once.Do(func() {
		bl := NewBuilder(Config{Site: os.DirFS(dir), Theme: loa.DefaultTheme(), BaseURL: benchBaseURL, Now: benchNow})
		_, benchState.err = bl.Build(context.Background(), output.Discard{})
		benchState.b = bl
	})
	if benchState.err != nil {
		b.Fatal(benchState.err)
	}
	return benchState.b
}

func reportRate(b *testing.B, n int, unit string) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), unit)
}

// BenchmarkLoad lists, reads and parses content/ (front matter and body).
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(corpusDir(b))
	var n int
	for b.Loop() {
		files, errs := content.Load(context.Background(), fsys)
		if err := errs.Err(); err != nil {
			b.Fatal(err)
		}
		n = len(files)
	}
	reportRate(b, n, "files/s")
}

// BenchmarkConvert converts every Markdown body to HTML on all cores.
func BenchmarkConvert(b *testing.B) {
	st := model(b).st
	for b.Loop() {
		if _, errs := convert(context.Background(), st.conv, st.sorted); errs.Err() != nil {
			b.Fatal(errs.Err())
		}
	}
	reportRate(b, len(st.sorted), "files/s")
}

// BenchmarkModel builds the site model: pages, lists, pagination, links.
func BenchmarkModel(b *testing.B) {
	st := model(b).st
	cfg := site.Config{Now: benchNow, StaticFile: func(name string) bool { _, ok := st.statics[name]; return ok }}
	for b.Loop() {
		if _, errs := site.New(st.sorted, st.bodies, cfg); errs.Err() != nil {
			b.Fatal(errs.Err())
		}
	}
	reportRate(b, len(st.sorted), "files/s")
}

// BenchmarkRender renders every route on all cores, as the build does,
// into output.Discard.
func BenchmarkRender(b *testing.B) {
	bl := model(b)
	var size int64
	for b.Loop() {
		w := &writer{sink: output.Discard{}, min: bl.min}
		if err := w.pages(context.Background(), bl.st.renderer, bl.st.site, bl.st.site.Routes, false); err != nil {
			b.Fatal(err)
		}
		size = w.bytes.Load()
	}
	b.ReportMetric(float64(size), "html-bytes")
	reportRate(b, len(bl.st.site.Routes), "pages/s")
}

// BenchmarkSearchIndex builds the sharded search index from the model.
func BenchmarkSearchIndex(b *testing.B) {
	st := model(b).st
	var size int
	for b.Loop() {
		files, err := search.Index(st.site)
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, data := range files {
			size += len(data)
		}
	}
	b.ReportMetric(float64(size), "index-bytes")
	reportRate(b, len(st.site.Routes), "pages/s")
}

// BenchmarkWrite writes every rendered page into an output.Dir, as loa
// build does: "fresh" into an empty folder each time, "again" over the
// output kept by the build before (every file already right).
func BenchmarkWrite(b *testing.B) {
	bl := model(b)
	mem := output.NewMemory()
	w := &writer{sink: mem, min: bl.min}
	if err := w.pages(context.Background(), bl.st.renderer, bl.st.site, bl.st.site.Routes, false); err != nil {
		b.Fatal(err)
	}
	pages := mem.Files()
	names := slices.Sorted(maps.Keys(pages))
	write := func(b *testing.B, target string) {
		dir, err := output.NewDir(target)
		if err != nil {
			b.Fatal(err)
		}
		err = par.ForEach(context.Background(), len(names), 2*runtime.GOMAXPROCS(0), func(i int) error {
			return dir.Put(names[i], pages[names[i]])
		})
		if err == nil {
			err = dir.Commit()
		} else {
			dir.Abort()
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("fresh", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			target := filepath.Join(b.TempDir(), "public")
			b.StartTimer()
			write(b, target)
		}
		reportRate(b, len(names), "pages/s")
	})
	b.Run("again", func(b *testing.B) {
		target := filepath.Join(b.TempDir(), "public")
		write(b, target)
		write(b, target) // now a kept output exists
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			write(b, target)
		}
		reportRate(b, len(names), "pages/s")
	})
}

// BenchmarkFullBuild runs Build, from reading content/ to the last file,
// into output.Discard and into an output.Dir (what loa build does).
func BenchmarkFullBuild(b *testing.B) {
	cfg := Config{Site: os.DirFS(corpusDir(b)), Theme: loa.DefaultTheme(), BaseURL: benchBaseURL, Now: benchNow}
	run := func(b *testing.B, sink func() (output.Sink, func() error)) {
		var pages int
		for b.Loop() {
			s, commit := sink()
			res, err := Build(context.Background(), cfg, s)
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
	st := model(b).st
	byLayout := map[string][]*site.Route{}
	for _, r := range st.site.Routes {
		byLayout[r.Layout] = append(byLayout[r.Layout], r)
	}
	for _, layout := range slices.Sorted(maps.Keys(byLayout)) {
		routes := byLayout[layout]
		b.Run(layout, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				for _, r := range routes {
					buf.Reset()
					if err := st.renderer.Render(&buf, st.site, r); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(routes)), "ns/page")
			b.ReportMetric(float64(len(routes)), "pages")
		})
	}
}
