package cms_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa"
	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/serve"
)

// smallSite is a portal with one topic, one unit, Q&A and documents.
var smallSite = map[string]string{
	"content/_index.md":                 "---\ntitle: \"Cổng thử\"\n---\n",
	"content/chu-de/_index.md":          "---\ntitle: \"Chủ đề\"\n---\n",
	"content/chu-de/vi-tri/_index.md":   "---\ntitle: \"Vị trí, vai trò\"\n---\n",
	"content/chu-de/vi-tri/co-san.md":   "---\ntitle: \"Bài có sẵn\"\ndate: 2026-01-02\n---\nNội dung.\n",
	"content/hoi-dap/_index.md":         "---\ntitle: \"Hỏi - đáp\"\n---\n",
	"content/tin-don-vi/mttq/_index.md": "---\ntitle: \"Mặt trận\"\n---\n",
	"content/gioi-thieu.md":             "---\ntitle: \"Giới thiệu\"\n---\nVề cổng.\n",
}

func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range smallSite {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startServe runs loa serve's server on the site folder dir and returns
// its address.
func startServe(t *testing.T, dir string) string {
	t.Helper()
	fsys, err := content.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv := serve.New(serve.Config{Build: build.Config{Site: fsys, Theme: loa.DefaultTheme(), BaseURL: "/"}, Dir: dir, Addr: "127.0.0.1:0", Debounce: 50 * time.Millisecond})
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, func(a string) { addr <- a }) }()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case a := <-addr:
		return "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

// fillByLabel types text into the field whose label is label.
const fillJS = `(function(label, text) {
	const l = [...document.querySelectorAll('label')].find(l => l.textContent.trim().startsWith(label));
	if (!l) return 'no label ' + label;
	const el = document.getElementById(l.htmlFor);
	if (!el) return 'no field for ' + label;
	if (el.value !== '' && el.value !== text) return 'the form of the previous entry is still shown';
	el.focus();
	const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
	Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, text);
	el.dispatchEvent(new Event('input', {bubbles: true}));
	el.dispatchEvent(new Event('change', {bubbles: true}));
	return 'ok';
})`

// clickText clicks the last visible button-like element whose text is text.
const clickJS = `(function(text) {
	const els = [...document.querySelectorAll('button, [role=button], [role=menuitem], a, span, div')]
		.filter(e => e.textContent.trim() === text && e.offsetParent !== null);
	if (!els.length) return 'none';
	els[els.length - 1].click();
	return 'ok';
})`

func call(ctx context.Context, fn string, args ...string) (string, error) {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = fmt.Sprintf("%q", a)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[string](fn+"("+strings.Join(quoted, ",")+")"))
}

// until retries fn every 100 ms until it returns "ok" or ctx ends.
func until(ctx context.Context, what string, fn func() (string, error)) error {
	last := ""
	for {
		res, err := fn()
		if err == nil && res == "ok" {
			return nil
		}
		last = res
		if err != nil {
			last = err.Error()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %s", what, last)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func pageText(ctx context.Context) string {
	s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 1500) : ''`))
	return s
}

// createEntry opens the editor's new-entry form of collection, fills in
// the fields and publishes.
func createEntry(ctx context.Context, collection string, fields [][2]string) error {
	// The editor is one page: move within it, as its links do.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash = "#/collections/`+collection+`/new"`)); err != nil {
		return err
	}
	for _, f := range fields {
		if err := until(ctx, "fill "+f[0], func() (string, error) { return call(ctx, fillJS, f[0], f[1]) }); err != nil {
			return err
		}
	}
	if err := until(ctx, "open Công bố", func() (string, error) { return call(ctx, clickJS, "Công bố") }); err != nil {
		return err
	}
	return until(ctx, "Công bố ngay", func() (string, error) { return call(ctx, clickJS, "Công bố ngay") })
}

// waitFile waits until the file exists and returns its bytes.
func waitFile(ctx context.Context, name string) ([]byte, error) {
	for {
		if data, err := os.ReadFile(name); err == nil {
			return data, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%s was not written", name)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func get(url string) (int, string) {
	res, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestEditorWritesCheckedFiles drives the web editor of loa serve in
// Chromium: it creates an article of a topic and a Q&A item through the
// forms, and checks that the files written pass loa check's rules and
// appear on the rebuilt site.
func TestEditorWritesCheckedFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir := writeSite(t)
	base := withEditorCSP(t, startServe(t, dir))
	browser := browsertest.New(t)
	// A minute, Tab's deadline, is not enough for the editor's 5 MB of
	// script and two entries on a loaded 2-core machine.
	ctx := browsertest.TabWithin(t, browser, 3*time.Minute)
	rec := browsertest.Record(t, ctx)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/quan-tri/")); err != nil {
		t.Fatal(err)
	}
	// The local backend signs in with one click.
	if err := until(ctx, "sign in", func() (string, error) { return call(ctx, clickJS, "Đăng nhập") }); err != nil {
		t.Fatalf("%v\npage: %s", err, pageText(ctx))
	}
	cases := []struct {
		collection, file, url string
		fields                [][2]string
	}{
		{"bai-viet-vi-tri", "content/chu-de/vi-tri/dang-uy-lanh-dao-giam-sat.md", "/chu-de/vi-tri/dang-uy-lanh-dao-giam-sat/",
			[][2]string{{"Tiêu đề", "Đảng ủy lãnh đạo giám sát"}, {"Tóm tắt", "Tóm tắt của bài."}}},
		{"hoi-dap", "content/hoi-dap/ai-duoc-giam-sat-o-xa.md", "/hoi-dap/ai-duoc-giam-sat-o-xa/",
			[][2]string{{"Tiêu đề", "Ai được giám sát ở xã?"}, {"Người hỏi", "Bạn T.L., khu phố 2"}}},
	}
	for i, c := range cases {
		if err := createEntry(ctx, c.collection, c.fields); err != nil {
			t.Fatalf("%s: %v\npage: %s", c.collection, err, pageText(ctx))
		}
		if i == 0 {
			checkToolbar(t, ctx)
		}
		wctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		data, err := waitFile(wctx, filepath.Join(dir, filepath.FromSlash(c.file)))
		cancel()
		if err != nil {
			entries, _ := os.ReadDir(filepath.Dir(filepath.Join(dir, filepath.FromSlash(c.file))))
			t.Fatalf("%v (folder holds %v)\npage: %s", err, entries, pageText(ctx))
		}
		t.Logf("%s as the editor wrote it:\n%s", c.file, data)
		f, errs := content.Parse(c.file, data)
		if err := errs.Err(); err != nil {
			t.Fatalf("%s fails loa check: %v", c.file, err)
		}
		if f.Meta.Title != c.fields[0][1] || f.Meta.Date.IsZero() {
			t.Errorf("%s: title %q date %v", c.file, f.Meta.Title, f.Meta.Date)
		}
		var code int
		var body string
		for i := 0; i < 100; i++ {
			if code, body = get(base + c.url); code == 200 && strings.Contains(body, c.fields[0][1]) {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if code != 200 || !strings.Contains(body, c.fields[0][1]) {
			t.Errorf("%s: %d, the rebuilt site does not show %q", c.url, code, c.fields[0][1])
		}
	}
	// A plain page opens from the "Trang" list, which names each page
	// (a files collection), with its front matter in the form.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash = "#/collections/trang"`)); err != nil {
		t.Fatal(err)
	}
	if err := until(ctx, "open Giới thiệu", func() (string, error) { return call(ctx, clickJS, "Giới thiệu") }); err != nil {
		t.Fatalf("%v\npage: %s", err, pageText(ctx))
	}
	if err := until(ctx, "show Giới thiệu", func() (string, error) {
		return chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('input')].some(i => i.value === "Giới thiệu") ? "ok" : JSON.stringify([...document.querySelectorAll('input')].map(i => i.value))`))
	}); err != nil {
		t.Fatalf("%v\npage: %s", err, pageText(ctx))
	}
	rec.Check(t, "404") // no CSP violation, no script error
	fsys, _ := content.OpenSite(dir)
	if _, errs := content.Load(context.Background(), fsys); errs.Err() != nil {
		t.Errorf("loa check of the edited site: %v", errs.Err())
	}
}

// withEditorCSP puts a proxy before the server at target that adds the
// Content-Security-Policy netlify.toml gives /quan-tri/*, so that the
// test shows the editor works under it.
func withEditorCSP(t *testing.T, target string) string {
	t.Helper()
	csp := editorCSP(t)
	u, _ := url.Parse(target)
	p := httputil.NewSingleHostReverseProxy(u)
	p.ModifyResponse = func(r *http.Response) error {
		if strings.HasPrefix(r.Request.URL.Path, "/quan-tri/") {
			r.Header.Set("Content-Security-Policy", csp)
		}
		return nil
	}
	s := httptest.NewServer(p)
	t.Cleanup(s.Close)
	return s.URL
}

// editorCSP returns the Content-Security-Policy netlify.toml gives
// /quan-tri/*.
func editorCSP(t *testing.T) string {
	t.Helper()
	var cfg struct {
		Headers []struct {
			For    string
			Values map[string]string
		}
	}
	if _, err := toml.DecodeFile("../../netlify.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	for _, h := range cfg.Headers {
		if h.For == "/quan-tri/*" && h.Values["Content-Security-Policy"] != "" {
			return h.Values["Content-Security-Policy"]
		}
	}
	t.Fatal("netlify.toml gives /quan-tri/* no Content-Security-Policy")
	return ""
}

// checkToolbar checks that the text editor's toolbar speaks Vietnamese:
// Decap's own Vietnamese leaves it in English, and vi.js completes it.
func checkToolbar(t *testing.T, ctx context.Context) {
	t.Helper()
	var last string
	wait, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	err := until(wait, "the toolbar", func() (string, error) {
		s, err := chromedp.Run(wait, chromedp.Evaluate[string](`(function () {
			const names = [...document.querySelectorAll('button[title], [aria-label]')].map(b => b.title || b.getAttribute('aria-label'));
			return names.includes("Chữ đậm") && names.includes("Danh sách đánh số") ? "ok" : JSON.stringify(names);
		})()`))
		last = s
		return s, err
	})
	if err != nil {
		t.Errorf("the Markdown toolbar is not in Vietnamese: %v", err)
	}
	for _, english := range []string{`"Bold"`, `"Italic"`, `"Numbered List"`, `"Headings"`} {
		if strings.Contains(last, english) {
			t.Errorf("the toolbar shows %s in English", english)
		}
	}
	// The "+" menu offers the image of the text in Vietnamese (vi.js).
	err = until(wait, "the + menu", func() (string, error) {
		return chromedp.Run(wait, chromedp.Evaluate[string](`(function () {
			const plus = document.querySelector('[title="Chèn thành phần"], [aria-label="Chèn thành phần"]');
			if (!plus) return "no Chèn thành phần button";
			plus.click();
			const items = [...document.querySelectorAll('[role=menuitem]')].map(e => e.textContent.trim());
			return items.includes("Ảnh") && items.includes("Đoạn mã") && items.length === 2 ? "ok" : JSON.stringify(items);
		})()`))
	})
	if err != nil {
		t.Errorf("the + menu of the text: %v", err)
	}
	chromedp.Run(wait, chromedp.Evaluate[bool](`document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true}))`))
}
