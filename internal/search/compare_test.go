package search_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/vntext"
)

// TestCompare runs the judged queries through Loa's client and through
// Pagefind in Chromium, on the same built site, each query in a fresh tab
// with an empty cache, and prints success@1, MRR@10, the bytes each query
// fetched (gzip, as sent) and the time from the query to its first 10
// results with their titles:
//
//	npm ci --prefix internal/bench/pagefind   # Pagefind 1.6.0, pinned in its package.json
//	LOA_COMPARE=sample LOA_PAGEFIND=internal/bench/pagefind/node_modules/.bin/pagefind \
//	  go test ./internal/search -run TestCompare -v -timeout 30m
//
// LOA_COMPARE is "sample" (the repository's content and sample.tsv) or
// "synth" (the corpus of synth.tsv, 1000 articles). Pagefind indexes the
// pages that Loa indexes (articles, Q&A, news, documents, plain pages),
// within <main>, with its defaults otherwise.
func TestCompare(t *testing.T) {
	which, pagefind := os.Getenv("LOA_COMPARE"), os.Getenv("LOA_PAGEFIND")
	if which == "" {
		t.Skip("set LOA_COMPARE=sample, synth or a built site folder, and LOA_PAGEFIND to the pagefind binary")
	}
	dir := t.TempDir()
	var qs []judged
	switch which {
	case "sample":
		qs = readJudged(t, "testdata/judged/sample.tsv")
		buildInto(t, os.DirFS("../.."), dir)
	case "synth":
		qs = readJudged(t, "testdata/judged/synth.tsv")
		buildInto(t, synthSite(t), dir)
	default:
		qs, dir = readJudged(t, "testdata/judged/synth.tsv"), which
	}
	if pagefind != "" {
		cmd := exec.Command(pagefind, "--site", dir, "--root-selector", "main",
			"--glob", "{chu-de/*/*/index.html,hoi-dap/*/index.html,tin-don-vi/*/*/index.html,van-ban/*/index.html,gioi-thieu/index.html}")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pagefind: %v\n%s", err, out)
		}
	}
	// A bare page for Pagefind, whose WebAssembly the site's CSP forbids.
	page := `<!doctype html><meta charset=utf-8><script type=module>
import * as pf from "/pagefind/pagefind.js"; await pf.init(); window.pf = pf; window.pfReady = true;</script>`
	if err := os.WriteFile(dir+"/pf.html", []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	browser := browsertest.New(t)
	srv := browsertest.Serve(t, os.DirFS(dir))
	pfSrv := httptest.NewServer(noCSP{srv})
	t.Cleanup(pfSrv.Close)
	loa := runEngine(t, browser, srv, srv.URL+"/tim-kiem/", `window.LoaSearch && LoaSearch.state === "idle"`, loaQuery, func(u string) (bool, bool) {
		return strings.Contains(u, "/tim-kiem/chi-muc/"), strings.Contains(u, "/js/search.")
	}, qs)
	runs := []engineRun{loa}
	if pagefind != "" {
		runs = append(runs, runEngine(t, browser, srv, pfSrv.URL+"/pf.html", `window.pfReady`, pfQuery, func(u string) (bool, bool) {
			code := strings.HasSuffix(u, ".js") || strings.Contains(u, "wasm")
			return strings.Contains(u, "/pagefind/") && !code, strings.Contains(u, "/pagefind/") && code
		}, qs))
	}
	t.Logf("| %s (%d queries) | success@1 | MRR@10 | index KB/query (median, max) | index and code KB | ms to results (median) |", which, len(qs))
	t.Logf("|---|---|---|---|---|---|")
	for i, r := range runs {
		t.Logf("| %s | %.1f%% | %.3f | %.1f, %.1f | %.1f | %.0f |", []string{"Loa", "Pagefind 1.6.0"}[i], 100*r.at1, r.mrr,
			median(r.index)/1024, slices.Max(r.index)/1024, median(r.total)/1024, median(r.ms))
	}
}

// noCSP serves the test server's files without its CSP.
type noCSP struct{ s *browsertest.Server }

func (h noCSP) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.s.ServeHTTP(stripCSP{w}, r)
}

type stripCSP struct{ http.ResponseWriter }

func (w stripCSP) WriteHeader(code int) {
	w.Header().Del("Content-Security-Policy")
	w.ResponseWriter.WriteHeader(code)
}

// buildInto builds the site in fsys into dir.
func buildInto(t *testing.T, fsys fs.FS, dir string) {
	t.Helper()
	out, err := output.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)
	if _, err := build.Build(context.Background(), build.Config{Site: fsys, Theme: os.DirFS("../.."), Now: now}, out); err != nil {
		t.Fatal(err)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
}

const (
	loaQuery = `(function (q, typing) {
		var t = performance.now();
		return LoaSearch.search(q, typing).then(function (r) {
			return LoaSearch.records(r.m, r.docs.slice(0, 10)).then(function (recs) {
				return {urls: recs.map(function (x) { return x[0]; }), ms: performance.now() - t};
			});
		});
	})`
	pfQuery = `(function (q) {
		var t = performance.now();
		return pf.search(q).then(function (r) {
			return Promise.all(r.results.slice(0, 10).map(function (x) { return x.data(); })).then(function (ds) {
				return {urls: ds.map(function (d) { return d.url.replace(/index\.html$/, ""); }), ms: performance.now() - t};
			});
		});
	})`
)

// engineRun is the measures of one engine on a judged set.
type engineRun struct {
	at1, mrr         float64
	index, total, ms []float64
}

// runEngine opens page in a fresh tab per query, waits for ready, runs
// the query with the function query and measures it: the bytes srv sent
// for the files that kind calls index or code, and the time in the page.
func runEngine(t *testing.T, browser context.Context, srv *browsertest.Server, page, ready, query string, kind func(url string) (index, code bool), qs []judged) engineRun {
	var run engineRun
	for _, j := range qs {
		ctx := browsertest.Tab(t, browser)
		rec := browsertest.Record(t, ctx)
		srv.Sent()
		if _, err := chromedp.Run(ctx, chromedp.Navigate(page)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](ready, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			rec.Check(t)
			t.Fatalf("%s: %v", page, err)
		}
		args, _ := json.Marshal([]any{j.q, j.typing})
		type answer struct {
			URLs []string `json:"urls"`
			MS   float64  `json:"ms"`
		}
		a, err := chromedp.Run(ctx, chromedp.Evaluate[answer](query+".apply(null, "+string(args)+")", chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%q: %v", j.q, err)
		}
		time.Sleep(50 * time.Millisecond) // let the last responses finish
		rec.Check(t)
		var index, code int
		for u, n := range srv.Sent() {
			switch i, c := kind(u); {
			case i:
				index += n
			case c:
				code += n
			}
		}
		rank := slices.IndexFunc(a.URLs, j.relevant) + 1
		if rank == 1 {
			run.at1++
		}
		if rank > 0 {
			run.mrr += 1 / float64(rank)
		}
		run.index = append(run.index, float64(index))
		run.total = append(run.total, float64(index+code))
		run.ms = append(run.ms, a.MS)
		t.Logf("%-45q rank %2d, %6d B, %4.0f ms", j.q, rank, index, a.MS)
	}
	n := float64(len(qs))
	run.at1, run.mrr = run.at1/n, run.mrr/n
	return run
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
