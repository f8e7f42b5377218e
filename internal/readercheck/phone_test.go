package readercheck

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
)

// layout is what a page's layout looks like at one viewport.
type layout struct {
	ScrollWidth, ClientWidth int
	Wide                     []string // elements reaching past the right edge of the viewport
	Small                    []string // tap targets under 44×44 CSS px
	Overlaps                 []string // text blocks that overlap
	Squeezed                 []string // text blocks too narrow to read
}

// measure reads the layout.
//
// An element is too wide when it reaches past the right edge, unless a box
// that scrolls by itself holds it (a wide table of an article).
//
// A tap target is every visible a, button, input, select, textarea and
// summary. It must be at least 44×44 CSS px (WCAG 2.5.5; 2.5.8 asks 24),
// unless it is a link inside running text: an inline link whose block (p,
// li, td, dd, blockquote, figcaption) holds other text too, as both
// criteria exempt targets "in a sentence".
//
// Two text blocks (headings, paragraphs, list items, cells, labels,
// controls…) overlap when their boxes intersect by more than 1 px while
// neither holds the other; a block is squeezed when it is under 48 px wide
// but holds more than 8 characters.
const measure = `(function () {
	var vw = document.documentElement.clientWidth, out = {ScrollWidth: document.documentElement.scrollWidth, ClientWidth: vw, Wide: [], Small: [], Overlaps: [], Squeezed: []};
	function name(e) {
		var s = e.tagName.toLowerCase();
		if (e.id) s += "#" + e.id;
		if (typeof e.className === "string" && e.className) s += "." + e.className.trim().split(/\s+/).join(".");
		var t = (e.textContent || e.value || e.placeholder || "").trim().replace(/\s+/g, " ").slice(0, 40);
		return t ? s + " «" + t + "»" : s;
	}
	function shown(e) {
		var r = e.getBoundingClientRect(), s = getComputedStyle(e);
		return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && r.bottom + scrollY > 0 && r.right + scrollX > 0;
	}
	// scrolled: e is inside a box that scrolls sideways by itself and fits
	// the screen, such as a wide table of an article (WCAG 1.4.10 allows it).
	function scrolled(e) {
		for (var b = e.parentElement; b && b !== document.body; b = b.parentElement) {
			var o = getComputedStyle(b).overflowX;
			if ((o === "auto" || o === "scroll") && b.getBoundingClientRect().right <= vw + 0.5) return true;
		}
		return false;
	}
	function inSentence(a) {
		if (a.tagName !== "A" || getComputedStyle(a).display !== "inline") return false;
		var b = a.parentElement.closest("p, li, td, dd, blockquote, figcaption");
		return b && b.textContent.trim().length > a.textContent.trim().length;
	}
	document.querySelectorAll("body *").forEach(function (e) {
		if (!shown(e)) return;
		var r = e.getBoundingClientRect();
		if (r.right > vw + 0.5 && !e.closest(".sr-only") && !scrolled(e)) out.Wide.push(name(e) + " right edge at " + Math.round(r.right));
	});
	document.querySelectorAll("a[href], button, input, select, textarea, summary").forEach(function (e) {
		if (!shown(e) || inSentence(e) || e.type === "hidden") return;
		var r = e.getBoundingClientRect();
		if (r.width < 43.5 || r.height < 43.5) out.Small.push(name(e) + " " + Math.round(r.width) + "×" + Math.round(r.height));
	});
	var blocks = Array.from(document.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, th, td, label, button, input, figcaption, caption, pre, blockquote")).filter(shown);
	for (var i = 0; i < blocks.length; i++) {
		var a = blocks[i].getBoundingClientRect();
		for (var j = i + 1; j < blocks.length; j++) {
			if (blocks[i].contains(blocks[j]) || blocks[j].contains(blocks[i])) continue;
			var b = blocks[j].getBoundingClientRect();
			var w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
			if (w > 1 && h > 1) out.Overlaps.push(name(blocks[i]) + " and " + name(blocks[j]) + " overlap by " + Math.round(w) + "×" + Math.round(h));
		}
		// A block squeezed to a few letters a line is not readable either.
		var text = blocks[i].textContent.trim();
		if (a.width < 48 && text.length > 8) out.Squeezed.push(name(blocks[i]) + " is " + Math.round(a.width) + " px wide");
	}
	return out;
})()`

// TestPhone checks every kind of page on a 360×640 phone, and at 200% zoom
// of the same phone (a layout 180 CSS px wide), and writes screenshots at
// 360 and 1280 px for people to look at.
func TestPhone(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	dir := shots(t)
	for _, k := range p.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			tb := p.newTab(t, browser)

			tb.viewport(360, 640, 1, true)
			tb.open(k)
			l := eval[layout](tb, measure)
			if l.ScrollWidth > l.ClientWidth {
				t.Errorf("at 360 px: scrolls sideways, %d px wide", l.ScrollWidth)
			}
			report(t, "at 360 px", "too wide", l.Wide)
			report(t, "at 360 px", "tap target under 44×44 px", l.Small)
			report(t, "at 360 px", "overlap", l.Overlaps)
			report(t, "at 360 px", "squeezed", l.Squeezed)
			tb.screenshot(filepath.Join(dir, k.Name+"-360.png"))

			// 200% zoom reflows the page as a screen half as wide.
			tb.viewport(180, 320, 2, true)
			tb.open(k)
			l = eval[layout](tb, measure)
			if l.ScrollWidth > l.ClientWidth {
				t.Errorf("at 200%% zoom: scrolls sideways, %d px wide in a %d px window", l.ScrollWidth, l.ClientWidth)
			}
			report(t, "at 200% zoom", "too wide", l.Wide)
			report(t, "at 200% zoom", "overlap", l.Overlaps)
			report(t, "at 200% zoom", "squeezed", l.Squeezed)

			tb.viewport(1280, 800, 1, false)
			tb.open(k)
			l = eval[layout](tb, measure)
			report(t, "at 1280 px", "overlap", l.Overlaps)
			report(t, "at 1280 px", "squeezed", l.Squeezed)
			tb.screenshot(filepath.Join(dir, k.Name+"-1280.png"))
		})
	}
}

// report fails the test once for each problem in list.
func report(t *testing.T, where, what string, list []string) {
	t.Helper()
	for _, s := range list {
		t.Errorf("%s: %s: %s", where, what, s)
	}
}

// screenshot writes a PNG of the whole page to file.
func (tb *tab) screenshot(file string) {
	tb.t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}
