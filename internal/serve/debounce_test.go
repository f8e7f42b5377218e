package serve

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncLog is a log safe to write from the server and read from the test.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// rebuilds returns the log lines of successful rebuilds, after the first
// build.
func (l *syncLog) rebuilds() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, line := range strings.Split(l.b.String(), "\n") {
		if strings.Contains(line, "pages rendered") && !strings.HasPrefix(line, "build:") {
			out = append(out, line)
		}
	}
	return out
}

// TestServeLeadingEdge checks the debounce: a save after a quiet spell is
// rebuilt at once, not after the Debounce window, and saves within the
// window after that rebuild are gathered into one more rebuild.
func TestServeLeadingEdge(t *testing.T) {
	const window = time.Second
	log := &syncLog{}
	ts := startSiteWith(t, func(cfg *Config) { cfg.Debounce, cfg.Log = window, log })
	// save writes a file as editors do, by renaming a hidden temporary
	// file over it, so that it makes one event.
	save := func(name, text string) {
		tmp := filepath.Join(ts.dir, filepath.FromSlash(filepath.Dir(name)), "."+filepath.Base(name)+".tmp")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(ts.dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}

	start := time.Now()
	save("content/chu-de/t/a.md", article("Bài A", "Sửa lần một."))
	ts.waitEvent("reload")
	if took := time.Since(start); took >= window/2 {
		t.Errorf("the save was served after %v; want it rebuilt at once, well within the %v window", took, window)
	}

	save("content/chu-de/t/b.md", article("Bài B", "Mới."))
	save("content/chu-de/t/c.md", article("Bài C", "Mới."))
	ev := ts.waitEvent("reload")
	if !strings.Contains(ev.data, `"/chu-de/t/b/"`) || !strings.Contains(ev.data, `"/chu-de/t/c/"`) {
		t.Errorf("reload %s; want one rebuild for both saves in the window", ev.data)
	}
	time.Sleep(window + 200*time.Millisecond) // no rebuild should follow
	got := log.rebuilds()
	want := []string{"content/chu-de/t/a.md: ", "content/chu-de/t/b.md and 1 more: "}
	if len(got) != len(want) {
		t.Fatalf("%d rebuilds, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("rebuild %d: %q; want it to start %q", i+1, got[i], want[i])
		}
	}
}
