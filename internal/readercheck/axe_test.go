package readercheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/loa-vn/loa/internal/browsertest"
)

// violation is one rule that axe-core found broken, with where.
type violation struct {
	ID, Impact, Help string
	Nodes            []string // CSS path: what is wrong
}

// runAxe runs every axe-core rule (WCAG 2.x A and AA and axe's best
// practices, such as landmarks, heading order and the skip link) on the
// whole page.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
	return r.violations.map(function (v) {
		return {ID: v.id, Impact: v.impact || "", Help: v.help, Nodes: v.nodes.map(function (n) {
			return n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ");
		})};
	});
})`

// TestAxe runs axe-core on every kind of page, at a desktop and a phone
// width, and checks the skip link and the visible focus by keyboard.
func TestAxe(t *testing.T) {
	t.Parallel()
	axe, err := os.ReadFile(filepath.Join(tools(t), "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	browser := browsertest.New(t)
	p := newPortal(t)
	for _, k := range p.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			tb := p.newTab(t, browser)
			for _, width := range []int64{1280, 360} {
				tb.viewport(width, 800, 1, width < 600)
				tb.open(k)
				// Runtime.evaluate is not subject to the page's CSP.
				tb.do(chromedp.Evaluate[chromedp.Void](string(axe)))
				for _, v := range eval[[]violation](tb, runAxe) {
					t.Errorf("%s at %d px: %s (%s, %s):\n\t%s", k.Path, width, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
				}
			}
		})
	}
}

// focusStep is what the keyboard focus is on after one Tab.
type focusStep struct {
	Tag, Text, Class string
	Outline          string  // computed outline style and width
	Shadow           string  // computed box shadow
	Top, Bottom      float64 // bounding box, CSS px from the viewport top
	Left, Right      float64
}

const readFocus = `(function () {
	var e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
	return {Tag: e.tagName.toLowerCase(), Text: (e.textContent || e.value || "").trim().slice(0, 40), Class: e.className,
		Outline: s.outlineStyle + " " + s.outlineWidth, Shadow: s.boxShadow,
		Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right};
})()`

// TestKeyboard tabs through an article: the first Tab lands on the skip
// link, which then shows on screen; every element the keyboard reaches
// shows a focus ring (outline or box shadow) and is on screen.
func TestKeyboard(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	for _, name := range []string{"article", "home", "search"} {
		t.Run(name, func(t *testing.T) {
			tb := p.newTab(t, browser)
			tb.viewport(360, 640, 1, true)
			tb.open(p.kind(name))
			seen := 0
			for i := range 400 {
				tb.do(chromedp.KeyEvent(kb.Tab))
				f := eval[focusStep](tb, readFocus)
				if f.Tag == "body" || (i > 0 && f.Class == "skip") {
					break
				}
				seen++
				where := fmt.Sprintf("Tab %d on <%s class=%q> %q", i+1, f.Tag, f.Class, f.Text)
				if i == 0 && f.Class != "skip" {
					t.Errorf("%s: the first Tab should reach the skip link", where)
				}
				if strings.HasPrefix(f.Outline, "none") && f.Shadow == "none" {
					t.Errorf("%s: no visible focus (outline %s, box-shadow %s)", where, f.Outline, f.Shadow)
				}
				if f.Bottom <= 0 || f.Right <= 0 || f.Left >= 360 || f.Top >= 640 {
					t.Errorf("%s: focused element is off screen at (%.0f,%.0f)-(%.0f,%.0f)", where, f.Left, f.Top, f.Right, f.Bottom)
				}
			}
			if seen < 5 {
				t.Errorf("Tab reached only %d elements", seen)
			}
			// The skip link moves the focus to the main content.
			tb.open(p.kind(name))
			tb.do(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter))
			if id := eval[string](tb, `document.activeElement.id`); id != "noi-dung" {
				t.Errorf("after the skip link the focus is on %q, want main#noi-dung", id)
			}
		})
	}
}
