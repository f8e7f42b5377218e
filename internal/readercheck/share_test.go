package readercheck

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/site"
)

var (
	metaTag  = regexp.MustCompile(`<meta\s([^>]*)>`)
	attrPair = regexp.MustCompile(`([a-zA-Z:_-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
)

// openGraph returns the Open Graph and Twitter properties of the page
// doc: property → content.
func openGraph(doc []byte) map[string]string {
	props := map[string]string{}
	for _, m := range metaTag.FindAllSubmatch(doc, -1) {
		attrs := map[string]string{}
		for _, a := range attrPair.FindAllSubmatch(m[1], -1) {
			attrs[string(a[1])] = html.UnescapeString(string(a[2]) + string(a[3]) + string(a[4]))
		}
		if key := attrs["property"] + attrs["name"]; key != "" {
			props[key] = attrs["content"]
		}
	}
	return props
}

// TestOpenGraph checks that every article, Q&A item, news item and
// document tells Facebook and Zalo its title, description, image and
// address, all absolute, and that the image is served.
func TestOpenGraph(t *testing.T) {
	t.Parallel()
	p := newPortal(t)
	images := map[string]bool{}
	for _, group := range [][]*site.Page{p.Site.Articles, p.Site.QA, p.Site.News, p.Site.Documents} {
		for _, pg := range group {
			og := openGraph(p.Files[htmlFile(pg.URL)])
			want := map[string]string{"og:title": pg.Title, "og:url": p.Page(pg.URL), "og:type": "", "og:description": "", "og:image": ""}
			for key, value := range want {
				got, ok := og[key]
				switch {
				case !ok || got == "":
					t.Errorf("%s: no %s", pg.URL, key)
				case value != "" && got != value:
					t.Errorf("%s: %s is %q, want %q", pg.URL, key, got, value)
				}
			}
			if img := og["og:image"]; !strings.HasPrefix(img, p.URL+"/") {
				t.Errorf("%s: og:image %q is not an absolute URL of the site", pg.URL, img)
			} else {
				images[img] = true
			}
		}
	}
	for img := range images {
		resp, err := http.Get(img)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "image/") {
			t.Errorf("og:image %s: %s %s", img, resp.Status, resp.Header.Get("Content-Type"))
		}
	}
}

// shareStub stands in for the Web Share API of phone browsers; it records
// what the page shared.
const shareStub = `Object.defineProperty(Navigator.prototype, "share", {configurable: true, value: function (data) {
	window.loaShared = data;
	return Promise.resolve();
}});`

// TestShareButton checks that the Web Share button ("Chia sẻ (Zalo…)")
// stays hidden where the browser cannot share (desktop Chromium on Linux
// has no navigator.share), and shows and shares the page where it can.
func TestShareButton(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	for _, name := range []string{"article", "qa", "document"} {
		k := p.kind(name)
		t.Run(name, func(t *testing.T) {
			tb := p.newTab(t, browser)
			tb.viewport(360, 640, 1, true)
			tb.open(k)
			if eval[bool](tb, `"share" in navigator`) {
				t.Fatal("this Chromium has navigator.share; the test needs one without")
			}
			if eval[bool](tb, `document.querySelector("[data-share]").getClientRects().length > 0`) {
				t.Error("the share button shows without navigator.share")
			}

			tb = p.newTab(t, browser)
			tb.viewport(360, 640, 1, true)
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: shareStub}); err != nil {
				t.Fatal(err)
			}
			tb.open(k)
			if !eval[bool](tb, `document.querySelector("[data-share]").getClientRects().length > 0`) {
				t.Fatal("the share button is hidden although navigator.share exists")
			}
			tb.do(chromedp.Click(`[data-share]`))
			if got := eval[string](tb, `window.loaShared ? window.loaShared.url : ""`); got != p.Page(k.Path) {
				t.Errorf("shared %q, want %s", got, p.Page(k.Path))
			}
		})
	}
}

var shareLink = regexp.MustCompile(`<a class=btn href="?(https://(?:www\.facebook\.com/sharer/sharer\.php\?u=|sp\.zalo\.me/share_inline\?url=)[^"\s>]+)`)

// TestShareLinks checks that every article, Q&A item, news item and
// document links to Facebook's and Zalo's share pages with its own
// absolute address, and that a page loads nothing from another host: the
// share links are plain links, no third-party script.
func TestShareLinks(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	for _, group := range [][]*site.Page{p.Site.Articles, p.Site.QA, p.Site.News, p.Site.Documents} {
		for _, pg := range group {
			doc := p.Files[htmlFile(pg.URL)]
			hosts := map[string]bool{}
			for _, m := range shareLink.FindAllSubmatch(doc, -1) {
				u, err := url.Parse(html.UnescapeString(string(m[1])))
				if err != nil {
					t.Fatal(err)
				}
				shared := u.Query().Get("u") + u.Query().Get("url")
				if shared != p.Page(pg.URL) {
					t.Errorf("%s: %s shares %q, want %s", pg.URL, u.Host, shared, p.Page(pg.URL))
				}
				hosts[u.Host] = true
			}
			if !hosts["www.facebook.com"] || !hosts["sp.zalo.me"] {
				t.Errorf("%s: share links to %v, want Facebook and Zalo", pg.URL, hosts)
			}
		}
	}
	tb := p.newTab(t, browser)
	tb.open(p.kind("article"))
	for _, u := range browsertest.URLs(tb.rec.Take()) {
		if !strings.HasPrefix(u, p.URL+"/") {
			t.Errorf("the article loads %s, from another host", u)
		}
	}
}
