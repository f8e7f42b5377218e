package readercheck

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
)

// maxHeader is the tallest the header may be on a 360 px phone, so that
// the page's own content starts within the first fifth of the screen.
const maxHeader = 120

// headerState is what the header shows at one moment.
type headerState struct {
	Height     float64  // of the header, CSS px
	Menu       []string // visible links of the folded menu
	Nav        []string // visible links of the desktop navigation bar
	Search     string   // href of the visible search link, or "" when none shows
	SearchBox  bool     // the header's search box shows
	SmallLinks []string // visible menu links under 44×44 px
}

const readHeader = `(function () {
	function shown(e) { var r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== "hidden"; }
	function links(sel) { return Array.from(document.querySelectorAll(sel)).filter(shown).map(function (a) { return a.textContent.trim(); }); }
	var find = document.querySelector(".site-header a[href$='/tim-kiem/']");
	return {
		Height: document.querySelector(".site-header").getBoundingClientRect().height,
		Menu: links(".menu-nav a"),
		Nav: links(".site-nav a"),
		Search: find && shown(find) ? find.getAttribute("href") : "",
		SearchBox: shown(document.getElementById("q-head")),
		SmallLinks: Array.from(document.querySelectorAll(".menu-nav a")).filter(shown).filter(function (a) {
			var r = a.getBoundingClientRect(); return r.width < 43.5 || r.height < 43.5;
		}).map(function (a) { return a.textContent.trim(); })
	};
})()`

// TestHeader checks the header of every page kind with JavaScript off:
// at 360 px it is at most maxHeader px tall, the navigation is folded
// behind a button that opens it, and search is one tap away (a link to
// the search page); at 1280 px the navigation bar and the search box
// show and the button does not.
func TestHeader(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	sections := 4 + len(p.Site.Menu) + 1 // the sections, the menu pages and home
	for _, k := range p.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			tb := p.newTab(t, browser)
			if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
			if k.Name == "search" {
				k = kind{"search page", p.Site.Search.URL} // without JavaScript no results come
			}
			tb.viewport(360, 640, 1, true)
			tb.open(k)
			h := eval[headerState](tb, readHeader)
			t.Logf("at 360 px the header is %.0f px tall", h.Height)
			if h.Height > maxHeader {
				t.Errorf("at 360 px the header is %.0f px tall, want at most %d", h.Height, maxHeader)
			}
			if len(h.Menu) > 0 || len(h.Nav) > 0 {
				t.Errorf("at 360 px the navigation shows before the menu button is pressed: %q %q", h.Menu, h.Nav)
			}
			if h.Search != p.Site.Search.URL {
				t.Errorf("at 360 px the search link is %q, want %q", h.Search, p.Site.Search.URL)
			}
			tb.do(chromedp.Click(chromedp.CSS(".menu > summary")))
			h = eval[headerState](tb, readHeader)
			if len(h.Menu) != sections {
				t.Errorf("the menu button opened %d links %q, want %d", len(h.Menu), h.Menu, sections)
			}
			report(t, "the open menu", "link under 44×44 px", h.SmallLinks)

			tb.viewport(1280, 800, 1, false)
			tb.open(k)
			h = eval[headerState](tb, readHeader)
			if len(h.Nav) != sections || len(h.Menu) != 0 || !h.SearchBox {
				t.Errorf("at 1280 px: navigation bar %q (want %d links), folded menu %q, search box shown %v", h.Nav, sections, h.Menu, h.SearchBox)
			}
		})
	}
}
