package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/vntext"
)

// The edit-to-visible benchmarks run loa serve in-process, with its real
// watcher, on the site in $LOA_BENCH_SITE (for example a corpus made by
// go run ./internal/bench/corpus -n 10000 -seed 1 -out /tmp/site) or,
// without it, on a copy of the repository's sample portal. Each edit
// writes one article and times until the page, fetched after the reload
// event that names it, shows the change. Between edits the benchmark waits
// for the server to fall quiet (its search index written). They report the
// median in ms as well as the mean (ns/op).

// BenchmarkServeVisibleBody measures an edit of an article's text.
func BenchmarkServeVisibleBody(b *testing.B) {
	benchVisible(b, func(i int, original []byte) ([]byte, string) {
		mark := fmt.Sprintf("Đoạn sửa số %d.", i)
		return fmt.Appendf(bytes.Clone(original), "\n%s\n", mark), mark
	})
}

// BenchmarkServeVisibleTitle measures an edit of an article's title,
// which changes every list the article is in.
func BenchmarkServeVisibleTitle(b *testing.B) {
	title := regexp.MustCompile(`(?m)^title: .*$`)
	benchVisible(b, func(i int, original []byte) ([]byte, string) {
		mark := fmt.Sprintf("Tiêu đề sửa số %d", i)
		return title.ReplaceAll(original, fmt.Appendf(nil, "title: %q", mark)), mark
	})
}

// benchVisible starts a server on the benchmark site and times b.N edits
// of one article: edit returns the new text and a mark the page shows
// once the edit is served.
func benchVisible(b *testing.B, edit func(i int, original []byte) ([]byte, string)) {
	dir := os.Getenv("LOA_BENCH_SITE")
	if dir == "" {
		dir = b.TempDir()
		if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
			b.Fatal(err)
		}
	}
	rel, url := benchArticle(b, dir)
	file := filepath.Join(dir, filepath.FromSlash(rel))
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(file, original, 0o644) })
	bs := startBench(b, dir)

	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		text, mark := edit(i, original)
		start := time.Now()
		if err := os.WriteFile(file, text, 0o644); err != nil {
			b.Fatal(err)
		}
		bs.waitVisible(url, mark)
		times = append(times, time.Since(start))
		b.StopTimer()
		bs.waitQuiet()
		b.StartTimer()
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
}

// benchArticle returns the slash path and URL of the first article of the
// site in dir.
func benchArticle(b *testing.B, dir string) (rel, url string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "content", "chu-de", "*", "*.md"))
	for _, m := range matches {
		if filepath.Base(m) != "_index.md" {
			r, _ := filepath.Rel(dir, m)
			rel = filepath.ToSlash(r)
			return rel, "/" + strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md") + "/"
		}
	}
	b.Fatal("no article to edit")
	return "", ""
}

// benchServer is a running server with its event stream and log.
type benchServer struct {
	b    *testing.B
	base string
	evs  chan event
	logs chan string
}

// logLines sends each Write about the search index to a channel,
// dropping it when nobody reads.
type logLines chan string

func (l logLines) Write(p []byte) (int, error) {
	if !bytes.HasPrefix(p, []byte("search index:")) {
		return len(p), nil
	}
	select {
	case l <- string(p):
	default:
	}
	return len(p), nil
}

func startBench(b *testing.B, dir string) *benchServer {
	bs := &benchServer{b: b, evs: make(chan event, 100), logs: make(chan string, 1000)}
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(cancel)
	srv := New(Config{
		Build: build.Config{Site: os.DirFS(dir), Theme: os.DirFS("../.."), Now: time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)},
		Dir:   dir, Addr: "127.0.0.1:0", Log: logLines(bs.logs),
	})
	ready := make(chan string)
	go srv.Run(ctx, func(addr string) { ready <- addr })
	select {
	case addr := <-ready:
		bs.base = "http://" + addr
	case <-time.After(5 * time.Minute):
		b.Fatal("server did not start")
	}
	resp, err := http.Get(bs.base + "/_loa/events")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { resp.Body.Close() })
	go readEvents(resp.Body, bs.evs)
	bs.waitQuiet()
	return bs
}

// readEvents parses a Server-Sent Events stream onto evs.
func readEvents(r io.Reader, evs chan<- event) {
	sc := bufio.NewScanner(r)
	var ev event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			if ev.data != "" {
				ev.data += "\n"
			}
			ev.data += strings.TrimPrefix(line, "data: ")
		case line == "" && ev.name != "":
			evs <- ev
			ev = event{}
		}
	}
}

// waitVisible waits for a reload event naming url after which the page
// shows mark.
func (bs *benchServer) waitVisible(url, mark string) {
	deadline := time.After(time.Minute)
	for {
		select {
		case ev := <-bs.evs:
			if ev.name == "error-report" {
				bs.b.Fatalf("build failed: %s", ev.data)
			}
			if ev.name != "reload" || !strings.Contains(ev.data, `"`+url+`"`) && !strings.Contains(ev.data, `"*"`) {
				continue
			}
			resp, err := http.Get(bs.base + url)
			if err != nil {
				bs.b.Fatal(err)
			}
			page, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if bytes.Contains(page, []byte(mark)) {
				return
			}
		case <-deadline:
			bs.b.Fatalf("%s never showed %q", url, mark)
		}
	}
}

// waitQuiet waits until the server has written its search index, which it
// does once edits pause, then drops the events and log lines so far.
func (bs *benchServer) waitQuiet() {
	deadline := time.After(5 * time.Minute)
	for {
		select {
		case line := <-bs.logs:
			if strings.HasPrefix(line, "search index:") {
				time.Sleep(50 * time.Millisecond)
				for len(bs.evs) > 0 {
					<-bs.evs
				}
				return
			}
		case <-deadline:
			bs.b.Fatal("the server did not fall quiet")
		}
	}
}
