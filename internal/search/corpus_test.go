//go:build unix

package search_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/search"
)

// TestCorpus measures the index of a big site, such as the benchmark
// corpus of ../../../shared/bench/gencorpus.py:
//
//	LOA_SEARCH_CORPUS=/path/to/site [LOA_SEARCH_OUT=/path/to/public] go test ./internal/search -run TestCorpus -v
//
// With LOA_SEARCH_OUT it also writes the built site with its index there,
// for the browser measurements of TestBrowserCorpus.
func TestCorpus(t *testing.T) {
	dir := os.Getenv("LOA_SEARCH_CORPUS")
	if dir == "" {
		t.Skip("set LOA_SEARCH_CORPUS to a site folder to measure its index")
	}
	var sink output.Sink = output.Discard{}
	var out *output.Dir
	if o := os.Getenv("LOA_SEARCH_OUT"); o != "" {
		var err error
		if out, err = output.NewDir(o); err != nil {
			t.Fatal(err)
		}
		sink = out
	}
	start := time.Now()
	res, err := build.Build(context.Background(), build.Config{Site: os.DirFS(dir), Theme: os.DirFS("../..")}, sink)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("site build: %v, %d pages", time.Since(start), res.Pages)

	if p := os.Getenv("LOA_SEARCH_PROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	var files map[string][]byte
	var times, cpus []time.Duration
	var before, after runtime.MemStats
	for range 3 {
		runtime.GC()
		runtime.ReadMemStats(&before)
		start, cpu := time.Now(), cpuTime()
		files, err = search.Index(res.Site)
		if err != nil {
			t.Fatal(err)
		}
		times = append(times, time.Since(start))
		cpus = append(cpus, cpuTime()-cpu)
		runtime.ReadMemStats(&after)
	}
	t.Logf("index: wall %v, CPU %v (runs: wall %v, CPU %v), %d files, %d MB allocated per run",
		slices.Min(times), slices.Min(cpus), times, cpus, len(files), (after.TotalAlloc-before.TotalAlloc)>>20)

	var raw, shardRaw, shardGz, chunkRaw, chunkGz, maxShard int
	var names []string
	for name, data := range files {
		names = append(names, name)
		raw += len(data)
		gz := gzipLen(data)
		switch {
		case strings.Contains(name, "/t/"):
			shardRaw += len(data)
			shardGz += gz
			maxShard = max(maxShard, len(data))
		case strings.Contains(name, "/d/"):
			chunkRaw += len(data)
			chunkGz += gz
		default:
			t.Logf("%s: %s", name, data)
		}
	}
	t.Logf("total %d bytes; shards %d raw / %d gzip (max %d raw); store %d raw / %d gzip", raw, shardRaw, shardGz, maxShard, chunkRaw, chunkGz)
	if out != nil {
		slices.Sort(names)
		for _, name := range names {
			if err := out.Put(name, files[name]); err != nil {
				t.Fatal(err)
			}
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipLen(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// TestBrowserCorpus measures queries on a big built site in Chromium:
// bytes fetched (gzip) and time to first results, each query in a fresh
// browser context with an empty cache.
//
//	LOA_SEARCH_SITE=/path/to/public go test ./internal/search -run TestBrowserCorpus -v
//
// With LOA_SEARCH_SLOW=1 the tab plays a slow phone as Lighthouse does:
// CPU 4× slower, 150 ms round trips, 1.6 Mbit/s down.
func TestBrowserCorpus(t *testing.T) {
	dir := os.Getenv("LOA_SEARCH_SITE")
	if dir == "" {
		t.Skip("set LOA_SEARCH_SITE to a built site folder to measure queries on it")
	}
	browser := browsertest.New(t)
	srv := browsertest.Serve(t, os.DirFS(dir))
	for _, q := range []string{"giám sát", "giam sat phan bien", "Mặt trận Tổ quốc", "đường", "dân chủ ở cơ sở", "xyzzy"} {
		for run := range 3 {
			// A subtest per run, so that each tab closes before the next opens.
			t.Run(fmt.Sprintf("%s/%d", q, run+1), func(t *testing.T) {
				ctx := browsertest.Tab(t, browser)
				p := &page{t: t, ctx: ctx, srv: srv, rec: browsertest.Record(t, ctx)}
				if os.Getenv("LOA_SEARCH_SLOW") != "" {
					slowPhone(t, ctx)
				}
				srv.Sent()
				start := time.Now()
				p.open(q)
				wall := time.Since(start)
				shown := p.eval(`String(Math.round(LoaSearch.shown || 0))`)
				status := p.text("[data-search-status]")
				rs := p.rec.Take()
				p.rec.Check(t)
				var sent int
				for u, n := range srv.Sent() {
					if strings.Contains(u, "/tim-kiem/chi-muc/") {
						sent += n
					}
				}
				idxFiles, idxBytes := browsertest.Total(rs, "/tim-kiem/chi-muc/")
				shardFiles, shardBytes := browsertest.Total(rs, "/t/")
				docFiles, docBytes := browsertest.Total(rs, "/d/")
				_, jsBytes := browsertest.Total(rs, "/js/search.")
				_, pageBytes := browsertest.Total(rs, "/tim-kiem/?q=")
				t.Logf("%s | index %d files %d B (server: %d B; manifest, %d shards %d B, %d store chunks %d B), search.js %d B, page %d B | first results at %s ms, wall %v",
					status, idxFiles, idxBytes, sent, shardFiles, shardBytes, docFiles, docBytes, jsBytes, pageBytes, shown, wall.Round(time.Millisecond))
				if idxBytes+jsBytes > 150<<10 {
					t.Errorf("fetched %d bytes of index and script, over the 150 KB budget", idxBytes+jsBytes)
				}
			})
		}
	}
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// slowPhone throttles the tab ctx like Lighthouse's mobile profile.
func slowPhone(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		t.Fatal("CPU throttling: ", err)
	}
	// Chromium 148 wants "offline" beside the rules, which cdproto lacks.
	type params struct {
		Offline bool                  `json:"offline"`
		Rules   []*network.Conditions `json:"matchedNetworkConditions"`
	}
	cmd := cdp.Command[params, network.EmulateNetworkConditionsByRuleResult]{Method: network.CommandEmulateNetworkConditionsByRule}
	cond := []*network.Conditions{{Latency: 150, DownloadThroughput: 1.6e6 / 8, UploadThroughput: 750e3 / 8}}
	if _, err := chromedp.Call(ctx, cmd, params{Rules: cond}); err != nil {
		t.Fatal("network throttling: ", err)
	}
}
