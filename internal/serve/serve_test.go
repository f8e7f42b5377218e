package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/vntext"
)

type testSite struct {
	t      *testing.T
	dir    string
	base   string // http://127.0.0.1:port
	evs    chan event
	log    *strings.Builder
	cancel context.CancelFunc // stops the server
	done   chan error         // receives what Run returned
}

func (ts *testSite) write(name, text string) {
	ts.t.Helper()
	p := filepath.Join(ts.dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		ts.t.Fatal(err)
	}
}

func (ts *testSite) get(path string) (int, string) {
	ts.t.Helper()
	resp, err := http.Get(ts.base + path)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// waitEvent waits for the next event named name, skipping others.
func (ts *testSite) waitEvent(name string) event {
	ts.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev := <-ts.evs:
			if ev.name == name {
				return ev
			}
		case <-deadline:
			ts.t.Fatalf("no %q event within 10 s", name)
		}
	}
}

func article(title, body string) string {
	return fmt.Sprintf("---\ntitle: %q\ndate: 2023-05-01\n---\n%s\n", title, body)
}

// startSite writes a small site, starts the server on a free port and
// subscribes to its events.
func startSite(t *testing.T, poll time.Duration) *testSite {
	return startSiteWith(t, func(cfg *Config) { cfg.Poll = poll })
}

// startSiteWith is startSite with the server's Config changed by set.
func startSiteWith(t *testing.T, set func(*Config)) *testSite {
	ts := &testSite{t: t, dir: t.TempDir(), evs: make(chan event, 100), log: &strings.Builder{}}
	ts.write("content/_index.md", "---\ntitle: Trang thử\n---\nXin chào.\n")
	ts.write("content/chu-de/t/_index.md", "---\ntitle: Chủ đề\n---\n")
	ts.write("content/chu-de/t/a.md", article("Bài A", "Bản đầu tiên."))
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	theme, _ := filepath.Abs("../..")
	cfg := Config{
		Build: build.Config{Site: os.DirFS(ts.dir), Theme: os.DirFS(theme), Now: time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)},
		Dir:   ts.dir, Addr: "127.0.0.1:0", Log: io.Discard, Debounce: 50 * time.Millisecond,
	}
	set(&cfg)
	srv := New(cfg)
	ready := make(chan string)
	ts.cancel, ts.done = cancel, make(chan error, 1)
	go func() { ts.done <- srv.Run(ctx, func(addr string) { ready <- addr }) }()
	select {
	case addr := <-ready:
		ts.base = "http://" + addr
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Get(ts.base + "/_loa/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	go readEvents(resp.Body, ts.evs)
	time.Sleep(100 * time.Millisecond) // let the watcher settle
	return ts
}

func TestServeLiveReload(t *testing.T) {
	ts := startSite(t, 0)
	if code, body := ts.get("/chu-de/t/a/"); code != 200 || !strings.Contains(body, "Bản đầu tiên.") || !strings.Contains(body, "/_loa/reload.js") {
		t.Fatalf("first page: %d\n%s", code, body)
	}

	if code, _ := ts.get("/tim-kiem/chi-muc/manifest.json"); code != 200 {
		t.Errorf("search manifest: %d", code)
	}

	// Edit: the page reloads and shows the new text.
	ts.write("content/chu-de/t/a.md", article("Bài A", "Bản thứ hai."))
	if ev := ts.waitEvent("reload"); !strings.Contains(ev.data, `"/chu-de/t/a/"`) {
		t.Errorf("reload event %q does not name the page", ev.data)
	}
	if _, body := ts.get("/chu-de/t/a/"); !strings.Contains(body, "Bản thứ hai.") {
		t.Error("the edit is not served")
	}

	// Create and delete.
	ts.write("content/chu-de/t/b.md", article("Bài B", "Mới."))
	ts.waitEvent("reload")
	if code, _ := ts.get("/chu-de/t/b/"); code != 200 {
		t.Errorf("new page: %d", code)
	}
	os.Remove(filepath.Join(ts.dir, "content/chu-de/t/b.md"))
	ts.waitEvent("reload")
	if code, _ := ts.get("/chu-de/t/b/"); code != 404 {
		t.Errorf("deleted page: %d, want 404", code)
	}

	// Broken front matter: an error event naming file and line, and the
	// last good page is still served.
	ts.write("content/chu-de/t/a.md", "---\ntitle: \"Bài A\ndate: 2023-05-01\n---\nHỏng.\n")
	if ev := ts.waitEvent("error-report"); !strings.Contains(ev.data, "content/chu-de/t/a.md:2") {
		t.Errorf("error event %q lacks file:line", ev.data)
	}
	if code, body := ts.get("/chu-de/t/a/"); code != 200 || !strings.Contains(body, "Bản thứ hai.") {
		t.Errorf("after a broken save: %d, last good page not served", code)
	}
	ts.write("content/chu-de/t/a.md", article("Bài A", "Bản thứ ba."))
	ts.waitEvent("reload")
	if _, body := ts.get("/chu-de/t/a/"); !strings.Contains(body, "Bản thứ ba.") {
		t.Error("the fix is not served")
	}

	// A stylesheet change swaps CSS without reloading pages.
	ts.write("static/css/site.css", "body{color:#111}")
	if ev := ts.waitEvent("css"); !strings.Contains(ev.data, "/css/site.css") {
		t.Errorf("css event %q", ev.data)
	}
	if _, css := ts.get("/css/site.css"); css != "body{color:#111}" {
		t.Errorf("css = %q", css)
	}

	// Editors' habits: swap and backup files are ignored; an atomic save by
	// rename is seen.
	ts.write("content/chu-de/t/.a.md.swp", "garbage")
	ts.write("content/chu-de/t/a.md~", "garbage")
	tmp := filepath.Join(ts.dir, "content/chu-de/t/.a.md.tmp")
	os.WriteFile(tmp, []byte(article("Bài A", "Lưu kiểu nguyên tử.")), 0o644)
	os.Rename(tmp, filepath.Join(ts.dir, "content/chu-de/t/a.md"))
	ts.waitEvent("reload")
	if _, body := ts.get("/chu-de/t/a/"); !strings.Contains(body, "Lưu kiểu nguyên tử.") {
		t.Error("an atomic save by rename was missed")
	}

	// A new folder with files in it (a new topic).
	os.MkdirAll(filepath.Join(ts.dir, "content/chu-de/moi"), 0o755)
	ts.write("content/chu-de/moi/_index.md", "---\ntitle: Chủ đề mới\n---\n")
	ts.write("content/chu-de/moi/x.md", article("Bài X", "Trong thư mục mới."))
	deadline := time.Now().Add(10 * time.Second)
	for {
		if code, _ := ts.get("/chu-de/moi/x/"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a page in a new folder never appeared")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestServeBurst(t *testing.T) {
	ts := startSite(t, 0)
	for i := range 500 {
		ts.write(fmt.Sprintf("content/chu-de/t/burst-%03d.md", i), article(fmt.Sprintf("Bài loạt %d", i), "Nội dung."))
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, body := ts.get("/chu-de/t/trang/26/")
		if code == 200 && strings.Contains(body, "Trang 26/26") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the burst of 500 files never reached its final state")
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, i := range []int{0, 250, 499} {
		if code, _ := ts.get(fmt.Sprintf("/chu-de/t/burst-%03d/", i)); code != 200 {
			t.Errorf("burst page %d: %d", i, code)
		}
	}
}

func TestServePolling(t *testing.T) {
	ts := startSite(t, 100*time.Millisecond)
	ts.write("content/chu-de/t/a.md", article("Bài A", "Thấy nhờ thăm dò."))
	ts.waitEvent("reload")
	if _, body := ts.get("/chu-de/t/a/"); !strings.Contains(body, "Thấy nhờ thăm dò.") {
		t.Error("polling missed the edit")
	}
}

func TestServeRefuses(t *testing.T) {
	ts := startSite(t, 0)
	for _, p := range []string{"/../content/_index.md", "/%2e%2e/content/_index.md", "/chu-de/..%2f..%2fcontent/_index.md", "/a/../../etc/passwd", "/..\\content\\_index.md"} {
		req, _ := http.NewRequest("GET", ts.base+p, nil)
		req.URL.RawPath = p
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(body), "Xin chào") && strings.Contains(string(body), "---") {
			t.Errorf("GET %s: %d", p, resp.StatusCode)
		}
	}
	req, _ := http.NewRequest("POST", ts.base+"/", strings.NewReader("x"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "index.html", true},
		{"/a/", "a/index.html", true},
		{"/css/site.css", "css/site.css", true},
		{"/a/../b/", "", false},
		{"/a//b/", "", false},
		{"/..", "", false},
		{"/a\\b", "", false},
		{"/a\x00", "", false},
	}
	for _, tt := range tests {
		got, ok := fileName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("fileName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
