package browsertest

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

var site = fstest.MapFS{
	"index.html":   {Data: []byte(`<!doctype html><title>ok</title><script src="/js/a.js"></script><p id=p>static</p>`)},
	"js/a.js":      {Data: []byte(`document.addEventListener("DOMContentLoaded", function () { document.getElementById("p").textContent = "ran"; });`)},
	"inline.html":  {Data: []byte(`<!doctype html><title>inline</title><p id=p>static</p><script>document.getElementById("p").textContent = "ran";</script>`)},
	"404.html":     {Data: []byte(`<!doctype html><title>missing</title>`)},
	"a/index.html": {Data: []byte(`<!doctype html><title>a</title>`)},
}

func TestServe(t *testing.T) {
	srv := ServeAt(t, "/portal/", site)
	tests := []struct {
		path, title string
		code        int
	}{
		{"/portal/", "ok", 200},
		{"/portal/a/", "a", 200},
		{"/portal/nope", "missing", 404},
		{"/a/", "missing", 404},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatalf("%s: not gzipped: %v", tt.path, err)
		}
		body, _ := io.ReadAll(zr)
		resp.Body.Close()
		if resp.StatusCode != tt.code || !strings.Contains(string(body), "<title>"+tt.title+"</title>") {
			t.Errorf("GET %s: %d %s, want %d and title %q", tt.path, resp.StatusCode, body, tt.code, tt.title)
		}
		if resp.Header.Get("Content-Security-Policy") != CSP {
			t.Errorf("GET %s: no CSP", tt.path)
		}
	}
	if sent := srv.Sent(); sent["/portal/"] == 0 {
		t.Errorf("Sent() = %v", sent)
	}
}

// TestBrowser checks that pages run their own scripts, that the CSP
// blocks inline script, and that the recorder reports it.
func TestBrowser(t *testing.T) {
	browser := New(t)
	srv := Serve(t, site)

	ctx := Tab(t, browser)
	rec := Record(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.Page("/"))); err != nil {
		t.Fatal(err)
	}
	if text, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("p"))); err != nil || text != "ran" {
		t.Errorf("script file did not run: %q, %v", text, err)
	}
	rec.Check(t)
	if files, n := Total(rec.Take(), "/js/a.js"); files != 1 || n <= 0 {
		t.Errorf("a.js: %d files, %d bytes recorded", files, n)
	}

	ctx = Tab(t, browser)
	rec = Record(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.Page("/inline.html"))); err != nil {
		t.Fatal(err)
	}
	if text, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("p"))); err != nil || text != "static" {
		t.Errorf("inline script ran under the CSP: %q, %v", text, err)
	}
	chromedp.Do(ctx, chromedp.Sleep(200e6))
	rec.mu.Lock()
	problems := strings.Join(rec.problems, "\n")
	rec.mu.Unlock()
	if !strings.Contains(problems, "Content Security Policy") {
		t.Errorf("the CSP violation was not recorded; problems: %q", problems)
	}
}
