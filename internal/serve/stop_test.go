package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeStops checks that the server stops soon when its context ends,
// even with a page's event stream open (startSite opens one).
func TestServeStops(t *testing.T) {
	ts := startSite(t, 0)
	start := time.Now()
	ts.cancel()
	select {
	case err := <-ts.done:
		took := time.Since(start)
		t.Logf("Run returned %v after the end of its context", took)
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		if took > time.Second {
			t.Errorf("Run returned %v after the end of its context; want under a second", took)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10 s of the end of its context")
	}
}

// TestServeSedInPlace edits a file as `sed -i` does: it writes a temporary
// file named sedXXXXXX beside it, then renames it over the file. A rebuild
// that runs meanwhile (here the temporary file lives longer than the quiet
// time, and another file is saved) must not show an error for the
// temporary file; the renamed file is what gets built.
func TestServeSedInPlace(t *testing.T) {
	for _, other := range []bool{false, true} {
		name := "slow sed"
		if other {
			name = "sed during a rebuild"
		}
		t.Run(name, func(t *testing.T) {
			ts := startSite(t, 0)
			dir := filepath.Join(ts.dir, "content/chu-de/t")
			tmp := filepath.Join(dir, "sedAbC123")
			if err := os.WriteFile(tmp, []byte(article("Bài A", "Sửa bằng sed.")), 0o644); err != nil {
				t.Fatal(err)
			}
			if other {
				ts.write("content/chu-de/t/b.md", article("Bài B", "Lưu trong lúc sed chạy."))
			}
			time.Sleep(300 * time.Millisecond) // six times the quiet time
			if err := os.Rename(tmp, filepath.Join(dir, "a.md")); err != nil {
				t.Fatal(err)
			}
			deadline := time.After(10 * time.Second)
			for {
				select {
				case ev := <-ts.evs:
					if ev.name == "error-report" {
						t.Fatalf("an error was shown: %s", ev.data)
					}
				case <-time.After(50 * time.Millisecond):
				case <-deadline:
					t.Fatal("the edit by sed was never served")
				}
				if _, body := ts.get("/chu-de/t/a/"); strings.Contains(body, "Sửa bằng sed.") {
					break
				}
			}
			// Events that were on their way.
			for len(ts.evs) > 0 {
				if ev := <-ts.evs; ev.name == "error-report" {
					t.Fatalf("an error was shown: %s", ev.data)
				}
			}
			if other {
				if code, _ := ts.get("/chu-de/t/b/"); code != 200 {
					t.Errorf("the file saved during sed: %d", code)
				}
			}
		})
	}
}
