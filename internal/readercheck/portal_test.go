package readercheck

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/site"
)

// root is the repository: its content/ is the sample portal, its layouts/
// and static/ the default theme.
const root = "../.."

// searchQuery is what the search page is opened with; the sample portal
// has many results for it.
const searchQuery = "giám sát"

// kind is one kind of page of the portal and the path of one example.
type kind struct {
	Name string // "article"
	Path string // site path, "/chu-de/x/y/"
}

// portal is the sample portal, built for and served at a 127.0.0.1 address
// until the test ends.
type portal struct {
	*browsertest.Server
	Site  *site.Site
	Files map[string][]byte // output file → bytes
	Kinds []kind            // one page of every kind, home first
}

// lazyFS serves files that exist only once the site is built: the build
// needs the server's address, the server needs the files.
type lazyFS struct{ fsys atomic.Pointer[fstest.MapFS] }

func (l *lazyFS) Open(name string) (fs.File, error) {
	if m := l.fsys.Load(); m != nil {
		return m.Open(name)
	}
	return nil, fs.ErrNotExist
}

// identity is what a commune fills in content/_index.md and the sample
// leaves out (it has no real address or contacts): with it the reader
// checks see the whole header and footer, and the contact page.
const identity = `parent: "Đảng bộ tỉnh Mẫu"
township: "xã Mẫu"
owner: "Đảng ủy xã Mẫu"
editor: "Ban biên tập Trang thông tin"
address: "Trụ sở Đảng ủy xã Mẫu"
phone: "0200 3800 000"
email: "bientap@example.org"
zalo: "0900 000 000"
province_portal: "https://example.org/tinh/"
`

// filledIn is the sample site (content/ and static/) with identity added
// to the home page's settings, in a temporary folder. A key set twice
// is a build error, so the sample cannot drift into conflict with it.
func filledIn(t *testing.T) fs.FS {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"content", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))); err != nil {
			t.Fatal(err)
		}
	}
	home := filepath.Join(dir, "content", "_index.md")
	data, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "\n---\n", "\n"+identity+"---\n", 1))
	if err := os.WriteFile(home, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return os.DirFS(dir)
}

// newPortal builds the repository's content with its theme for the
// address of a new local server, as `loa build -baseurl` would, and serves
// it.
func newPortal(t *testing.T) *portal {
	t.Helper()
	lazy := &lazyFS{}
	srv := browsertest.Serve(t, lazy)
	mem := output.NewMemory()
	// Forms: built as on Netlify, whose form handling netlify.toml's
	// deploys get, so the question page has its form.
	cfg := build.Config{Site: filledIn(t), Theme: os.DirFS(root), BaseURL: srv.URL + "/", Now: time.Now(), Forms: true}
	res, err := build.Build(context.Background(), cfg, mem)
	if err != nil {
		t.Fatalf("build the sample portal: %v", err)
	}
	p := &portal{Server: srv, Site: res.Site, Files: mem.Files()}
	m := fstest.MapFS{}
	for name, data := range p.Files {
		m[name] = &fstest.MapFile{Data: data}
	}
	lazy.fsys.Store(&m)
	p.Kinds = p.kinds(t)
	return p
}

// kinds picks one page of every kind. The article and the document are
// the longest ones, the worst cases for size, phones and print.
func (p *portal) kinds(t *testing.T) []kind {
	s := p.Site
	first := func(ps []*site.Page) string {
		if len(ps) == 0 {
			t.Fatal("the sample portal lacks a page kind")
		}
		return ps[0].URL
	}
	var pages []*site.Page
	for _, pg := range s.Pages {
		if pg.Kind == content.KindPage {
			pages = append(pages, pg)
		}
	}
	var cited []*site.Page // the lists of the pages citing a document
	for _, d := range s.Documents {
		if d.CitedList != nil {
			cited = append(cited, d.CitedList)
		}
	}
	kinds := []kind{
		{"home", "/"},
		{"topics", s.Sections[content.SectionTopics].URL},
		{"topic", first(s.Topics)},
		{"article", p.longest(s.Articles)},
		{"qa-index", s.Sections[content.SectionQA].URL},
		{"qa", first(s.QA)},
		{"units", s.Sections[content.SectionUnits].URL},
		{"unit", first(s.Units)},
		{"news", first(s.News)},
		{"documents", s.Sections[content.SectionDocuments].URL},
		{"doc-type", first(s.DocTypes)},
		{"document", p.longest(s.Documents)},
		{"cited", first(cited)},
		{"page", first(pages)},
		{"tags", s.TagsPage.URL},
		{"tag", s.Tags[0].URL},
		{"search", s.Search.URL + "?q=" + url.QueryEscape(searchQuery)},
		{"404", "/khong-co-trang-nay/"},
	}
	for _, b := range []struct {
		name string
		p    *site.Page
	}{{"ask", s.Ask}, {"ask-sent", s.AskSent}, {"contact", s.Contact}} {
		if b.p == nil {
			t.Fatalf("the sample portal has no %s page", b.name)
		}
		kinds = append(kinds, kind{b.name, b.p.URL})
	}
	return kinds
}

// longest returns the URL of the page whose HTML file is the largest.
func (p *portal) longest(ps []*site.Page) string {
	best, size := "", -1
	for _, pg := range ps {
		if n := len(p.Files[htmlFile(pg.URL)]); n > size {
			best, size = pg.URL, n
		}
	}
	return best
}

// kind returns the example page of the kind name.
func (p *portal) kind(name string) kind {
	for _, k := range p.Kinds {
		if k.Name == name {
			return k
		}
	}
	panic("no page kind " + name)
}

// htmlFile is the output file of the site path u.
func htmlFile(u string) string {
	return strings.TrimPrefix(u, "/") + "index.html"
}

// tab is a browser tab with its recorder of network and errors.
type tab struct {
	t     *testing.T
	ctx   context.Context
	rec   *browsertest.Recorder
	p     *portal
	allow []string // console errors that are expected
}

// newTab opens a fresh tab; at the end of the test it fails for every
// script error, failed request or CSP violation the tab saw.
func (p *portal) newTab(t *testing.T, browser context.Context) *tab {
	t.Helper()
	ctx := browsertest.Tab(t, browser)
	tb := &tab{t: t, ctx: ctx, rec: browsertest.Record(t, ctx), p: p}
	t.Cleanup(func() { tb.rec.Check(t, tb.allow...) })
	return tb
}

// do runs actions, failing the test on error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// open loads the page of k and waits until it is ready: for the search
// page, until the results are shown.
func (tb *tab) open(k kind) {
	tb.t.Helper()
	if k.Name == "404" {
		// Chromium logs the status of a page served as not found.
		tb.allow = append(tb.allow, "status of 404 (Not Found)")
	}
	tb.do(chromedp.Navigate(tb.p.Page(k.Path)))
	if k.Name == "search" {
		q, _ := json.Marshal(searchQuery)
		tb.do(chromedp.Poll[chromedp.Void](`window.LoaSearch && LoaSearch.state === "idle" && LoaSearch.q === `+string(q)+
			` && document.querySelectorAll("[data-search-results] li").length > 0`,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	}
}

// eval evaluates the JavaScript expression expr, awaiting a promise, and
// decodes its value into T.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%.80s…: %v", expr, err)
	}
	return v
}

// viewport emulates a screen width×height CSS px at scale device pixels
// per CSS px; mobile turns on the phone's viewport meta handling and touch.
func (tb *tab) viewport(width, height int64, scale float64, mobile bool) {
	tb.t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(scale), chromedp.EmulatePortrait}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	tb.do(chromedp.EmulateViewport(width, height, opts...))
}

// media emulates the CSS media type ("print", or "" for the default).
func (tb *tab) media(m string) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m}); err != nil {
		tb.t.Fatal(err)
	}
}

// tools returns the folder of the Node packages pinned in
// .ci/browser/package.json ($LOA_BROWSER_TOOLS/node_modules if set). When
// they or node are missing it skips the test, or fails it in CI.
func tools(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(root, ".ci", "browser")
	if d := os.Getenv("LOA_BROWSER_TOOLS"); d != "" {
		dir = d
	}
	modules, _ := filepath.Abs(filepath.Join(dir, "node_modules"))
	_, errAxe := os.Stat(filepath.Join(modules, "axe-core", "axe.min.js"))
	_, errLH := os.Stat(filepath.Join(modules, "lighthouse", "cli", "index.js"))
	_, errNode := exec.LookPath("node")
	if errAxe == nil && errLH == nil && errNode == nil {
		return modules
	}
	msg := "axe-core and Lighthouse not found in " + modules + ": run npm ci --prefix .ci/browser (needs Node.js 18.16 or later)"
	if errNode != nil {
		msg = "node not found: install Node.js 18.16 or later, then run npm ci --prefix .ci/browser"
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; browser tests must run in CI")
	}
	t.Skip(msg + "; skipping")
	return ""
}

// shots returns the folder for screenshots: $LOA_SCREENSHOTS, created if
// needed, or a temporary folder kept after the test. The log names it.
func shots(t *testing.T) string {
	t.Helper()
	dir, err := shotDir()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// shotDir makes the screenshot folder once for all tests of a run.
var shotDir = sync.OnceValues(func() (string, error) {
	dir := os.Getenv("LOA_SCREENSHOTS")
	if dir == "" {
		return os.MkdirTemp("", "loa-screenshots-")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return filepath.Abs(dir)
})
