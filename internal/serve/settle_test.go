package serve

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/diag"
)

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

// TestServeShowsLastingTempName checks that a file that only looks like
// sed's temporary file, and stays, is still reported, after settleTime.
func TestServeShowsLastingTempName(t *testing.T) {
	ts := startSite(t, 0)
	ts.write("content/chu-de/t/sedZZZ999", "không phải Markdown")
	ts.write("content/chu-de/t/b.md", article("Bài B", "Mới."))
	start := time.Now()
	ev := ts.waitEvent("error-report")
	t.Logf("shown after %v", time.Since(start))
	if want := "content/chu-de/t/sedZZZ999: is not a Markdown (.md) file"; !strings.HasPrefix(ev.data, want) {
		t.Errorf("error %q; want it to start %q", ev.data, want)
	}
	if took := time.Since(start); took < settleTime {
		t.Errorf("shown after %v, before settleTime", took)
	}
}

func TestUnsettled(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content/t"), 0o755)
	os.WriteFile(filepath.Join(dir, "content/t/a.md"), nil, 0o644)
	s := &Server{cfg: Config{Dir: dir}}
	errAt := func(file string) error {
		var l diag.List
		l.Add(diag.Pos{File: file, Line: 1}, "", "cannot read", "")
		return l
	}
	tests := []struct {
		name    string
		err     error
		changed []string
		want    bool
	}{
		{"sed's temporary file", errAt("content/t/sedAbC123"), nil, true},
		{"a changed file that is gone", errAt("content/t/gone.md"), []string{"content/t/gone.md"}, true},
		{"in a changed folder that is gone", errAt("content/u/x.md"), []string{"content/u"}, true},
		{"a file never there", errAt("content/v/_index.md"), []string{"content/v/x.md"}, false},
		{"a changed file still there", errAt("content/t/a.md"), []string{"content/t/a.md"}, false},
		{"not sed's name", errAt("content/t/sedAbC12"), nil, false},
		{"not a diagnostic", errors.New("content/t/sedAbC123"), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.unsettled(tt.err, tt.changed); got != tt.want {
				t.Errorf("unsettled = %v, want %v", got, tt.want)
			}
		})
	}
}
