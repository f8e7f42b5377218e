//go:build unix

package serve

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeSpecialFiles checks that a named pipe appearing in a watched
// folder, seen by fsnotify and by polling, is reported by name while the
// last good site is still served, and that the server goes on rebuilding
// once it is gone.
func TestServeSpecialFiles(t *testing.T) {
	for _, poll := range []time.Duration{0, 50 * time.Millisecond} {
		for _, name := range []string{"content/chu-de/t/pipe.md", "static/pipe.txt", "layouts/partials/pipe.html"} {
			t.Run(name+map[bool]string{true: " polled", false: ""}[poll > 0], func(t *testing.T) {
				ts := startSite(t, poll)
				p := filepath.Join(ts.dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := syscall.Mkfifo(p, 0o644); err != nil {
					t.Fatal(err)
				}
				want := name + ": is a named pipe (FIFO), not a regular file; remove it"
				if ev := ts.waitEvent("error-report"); !strings.Contains(ev.data, want) {
					t.Errorf("error event %q lacks %q", ev.data, want)
				}
				if code, body := ts.get("/chu-de/t/a/"); code != 200 || !strings.Contains(body, "Bản đầu tiên.") {
					t.Errorf("last good page not served: %d", code)
				}
				os.Remove(p)
				ts.write("content/chu-de/t/a.md", article("Bài A", "Bản sau."))
				ts.waitEvent("reload")
				if _, body := ts.get("/chu-de/t/a/"); !strings.Contains(body, "Bản sau.") {
					t.Error("the edit after the pipe is gone is not served")
				}
			})
		}
	}
}
