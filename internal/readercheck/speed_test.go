package readercheck

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/site"
)

// budget is the most that the HTML and CSS of an article may weigh,
// gzipped: a reader on a slow 3G line gets the text in about a second.
const budget = 30_000

// loading is how a page loads.
type loading struct {
	Sheets   []string // stylesheets
	Blocking []string // requests that blocked the first render, as Chromium reports them
	Sync     []string // scripts that stop the parser (no defer, async or module)
	Imports  []string // @import rules of the stylesheets
	Unsized  []string // images without width and height
	Shift    float64  // cumulative layout shift
}

const readLoading = `new Promise(function (done) {
	var out = {Sheets: [], Blocking: [], Sync: [], Imports: [], Unsized: [], Shift: 0};
	document.querySelectorAll("link[rel~=stylesheet]").forEach(function (l) { out.Sheets.push(l.href); });
	performance.getEntriesByType("resource").forEach(function (e) {
		if (e.renderBlockingStatus === "blocking") out.Blocking.push(e.name);
	});
	document.querySelectorAll("script[src]").forEach(function (s) {
		if (!s.defer && !s.async && s.type !== "module") out.Sync.push(s.src);
	});
	Array.from(document.styleSheets).forEach(function (s) {
		Array.from(s.cssRules).forEach(function (r) { if (r instanceof CSSImportRule) out.Imports.push(r.href); });
	});
	document.querySelectorAll("img").forEach(function (i) {
		var s = getComputedStyle(i);
		if (!(i.getAttribute("width") && i.getAttribute("height")) && s.aspectRatio === "auto") out.Unsized.push(i.src);
	});
	new PerformanceObserver(function (list) {
		list.getEntries().forEach(function (e) { if (!e.hadRecentInput) out.Shift += e.value; });
	}).observe({type: "layout-shift", buffered: true});
	setTimeout(function () { done(out); }, 500);
})`

// TestSpeed loads every kind of page on a phone: one stylesheet and no
// other render-blocking request, no parser-blocking script, every image
// sized and no layout shift; the article's HTML and CSS as sent, gzipped,
// are under the budget.
func TestSpeed(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	for _, k := range p.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			tb := p.newTab(t, browser)
			tb.viewport(360, 640, 2, true)
			tb.open(k)
			l := eval[loading](tb, readLoading)
			if len(l.Sheets) != 1 || len(l.Imports) > 0 {
				t.Errorf("stylesheets %q, @import %q; want one stylesheet", l.Sheets, l.Imports)
			}
			// The stylesheet itself must show as blocking, or Chromium's
			// renderBlockingStatus does not work and the check proves nothing.
			if len(l.Blocking) == 0 {
				t.Error("no render-blocking request reported, not even the stylesheet")
			}
			for _, b := range l.Blocking {
				if !strings.Contains(b, "/css/") {
					t.Errorf("render-blocking request besides the stylesheet: %s", b)
				}
			}
			report(t, "on load", "parser-blocking script", l.Sync)
			report(t, "on load", "image without width and height", l.Unsized)
			if l.Shift > 0 {
				t.Errorf("layout shift %.4f, want 0", l.Shift)
			}
			if k.Name == "article" {
				rs := tb.rec.Take()
				_, page := browsertest.Total(rs, k.Path)
				_, css := browsertest.Total(rs, "/css/")
				t.Logf("article %s: HTML %d + CSS %d = %d bytes gzipped (budget %d)", k.Path, page, css, page+css, budget)
				if page == 0 || css == 0 || page+css > budget {
					t.Errorf("article HTML %d + CSS %d bytes gzipped, want > 0 and at most %d in all", page, css, budget)
				}
			}
		})
	}
}

// TestWeight checks the budget for every article, Q&A item and news item
// of the portal, from the built files gzipped as the server sends them.
func TestWeight(t *testing.T) {
	t.Parallel()
	p := newPortal(t)
	var css int
	for name, data := range p.Files {
		if strings.HasPrefix(name, "css/") && strings.HasSuffix(name, ".css") {
			css += len(browsertest.Gzip(data))
		}
	}
	worst, worstURL := 0, ""
	for _, group := range [][]*site.Page{p.Site.Articles, p.Site.QA, p.Site.News} {
		for _, pg := range group {
			n := len(browsertest.Gzip(p.Files[htmlFile(pg.URL)])) + css
			if n > worst {
				worst, worstURL = n, pg.URL
			}
			if n > budget {
				t.Errorf("%s: HTML and CSS weigh %d bytes gzipped, over the budget of %d", pg.URL, n, budget)
			}
		}
	}
	t.Logf("heaviest: %s, %d bytes gzipped with the CSS (%d)", worstURL, worst, css)
}

// heroSite is a small site with one article that has a front-matter
// image, which the sample portal lacks.
func heroSite(t *testing.T) fstest.MapFS {
	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	src := fstest.MapFS{
		"content/_index.md":          {Data: []byte("---\ntitle: \"Cổng thử\"\ndescription: \"Thử ảnh.\"\n---\nTrang chủ.\n")},
		"content/chu-de/t/_index.md": {Data: []byte("---\ntitle: \"Chủ đề\"\n---\n")},
		"content/chu-de/t/anh.md":    {Data: []byte("---\ntitle: \"Bài có ảnh\"\ndate: 2026-11-01\nimage: images/hoi-nghi.png\nalt: \"Quang cảnh hội nghị\"\n---\nNội dung bài.\n")},
		"static/images/hoi-nghi.png": {Data: buf.Bytes()},
	}
	mem := output.NewMemory()
	if _, err := build.Build(context.Background(), build.Config{Site: src, Theme: os.DirFS(root), BaseURL: "/", Now: time.Now()}, mem); err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	for name, data := range mem.Files() {
		out[name] = &fstest.MapFile{Data: data}
	}
	return out
}

// hero is the box of an article's image.
type hero struct {
	Lazy          bool
	Width, Height float64
	Loaded        bool
}

// TestHeroImage checks that an article's image keeps its place before it
// arrives (no layout shift however slow the line): with the image blocked,
// its box is as tall as its shape asks; and that it is not lazy-loaded, as
// it is the largest thing on the first screen.
func TestHeroImage(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	srv := browsertest.Serve(t, heroSite(t))
	for _, blocked := range []bool{false, true} {
		ctx := browsertest.Tab(t, browser)
		rec := browsertest.Record(t, ctx)
		tb := &tab{t: t, ctx: ctx, rec: rec}
		tb.viewport(360, 640, 1, true)
		if blocked {
			if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
				URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/images/*", Block: true}},
			}); err != nil {
				t.Fatal(err)
			}
		}
		tb.do(chromedp.Navigate(srv.Page("/chu-de/t/anh/")))
		h := eval[hero](tb, `(function () {
			var i = document.querySelector(".hero img"), r = i.getBoundingClientRect();
			return {Lazy: i.loading === "lazy", Width: r.width, Height: r.height, Loaded: i.complete && i.naturalWidth > 0};
		})()`)
		l := eval[loading](tb, readLoading)
		t.Logf("blocked %t: %+v, layout shift %.4f", blocked, h, l.Shift)
		if h.Lazy {
			t.Error("the article's image is lazy-loaded")
		}
		if h.Loaded == blocked {
			t.Fatalf("image loaded %t with the image blocked %t", h.Loaded, blocked)
		}
		if h.Width < 300 || h.Height < h.Width/2 {
			t.Errorf("blocked %t: the image box is %.0f×%.0f px; it should keep its place", blocked, h.Width, h.Height)
		}
		report(t, "hero", "image without size", l.Unsized)
		if l.Shift > 0 {
			t.Errorf("layout shift %.4f, want 0", l.Shift)
		}
		rec.Check(t, "request failed:  inspector") // the blocked image
	}
}
