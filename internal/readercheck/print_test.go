package readercheck

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
)

// a4Width is the text width of an A4 page with Chromium's default margins
// of 1 cm, in CSS px: (210 mm - 20 mm) at 96 px per inch.
const a4Width = 718

// printed is what a page shows on paper.
type printed struct {
	Shown     []string // navigation, search and share controls still printed
	Links     []string // links of the text whose printed address is missing
	Source    string   // the printed source line, with the page's address
	Meta      string   // the printed metadata table of a document
	Byline    string   // the printed byline of an article
	Overflows []string // elements whose content does not fit the text width
}

const readPrint = `(function () {
	window.dispatchEvent(new Event("beforeprint")); // what a browser does before it prints
	var out = {Shown: [], Links: [], Source: "", Meta: "", Byline: "", Overflows: []}, vw = document.documentElement.clientWidth;
	function name(e) {
		var t = (e.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
		return e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().replace(/\s+/g, ".") : "") + (t ? " «" + t + "»" : "");
	}
	function printedText(sel) {
		var e = document.querySelector(sel);
		return e && e.getClientRects().length ? e.innerText.trim() : "";
	}
	document.querySelectorAll(".site-header, .site-nav, .site-footer, .share, .skip, .crumbs, .prevnext, form, button, input").forEach(function (e) {
		if (e.getClientRects().length) out.Shown.push(name(e));
	});
	document.querySelectorAll(".prose a[href]").forEach(function (a) {
		if (a.getAttribute("href").charAt(0) === "#") return;
		var after = getComputedStyle(a, "::after").content;
		if (after.indexOf(a.href) < 0) out.Links.push(name(a) + " prints " + after + ", not " + a.href);
	});
	out.Source = printedText(".source");
	out.Meta = printedText(".meta-table");
	out.Byline = printedText(".byline");
	document.querySelectorAll("body *").forEach(function (e) {
		if (!e.getClientRects().length || e.closest(".sr-only")) return;
		var r = e.getBoundingClientRect();
		if (r.right > vw + 0.5) out.Overflows.push(name(e) + " reaches " + Math.round(r.right) + " px");
		else if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible") out.Overflows.push(name(e) + " cuts its content: " + e.scrollWidth + " px in " + e.clientWidth);
	});
	return out;
})()`

// TestPrint prints an article, a Q&A item and a document: with print media
// at the width of A4 text, the page shows no controls, prints the address
// of every link and its own address, the byline or the document's
// metadata, and fits its text. Chromium then prints the article to an A4
// PDF, checked by printPDF; the PDF and an image of its first page go to
// the screenshot folder.
func TestPrint(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	for _, name := range []string{"article", "qa", "document", "news"} {
		k := p.kind(name)
		t.Run(name, func(t *testing.T) {
			tb := p.newTab(t, browser)
			tb.viewport(a4Width, 1000, 1, false)
			tb.media("print")
			tb.open(k)
			pr := eval[printed](tb, readPrint)
			report(t, "in print", "still shown", pr.Shown)
			report(t, "in print", "link address not printed", pr.Links)
			report(t, "in print at A4 width", "does not fit", pr.Overflows)
			if want := p.Page(k.Path); !strings.Contains(pr.Source, want) {
				t.Errorf("printed source line is %q, want the page address %s", pr.Source, want)
			}
			if name == "document" && !strings.Contains(pr.Meta, "Cơ quan ban hành") {
				t.Errorf("printed document metadata is %q, want the issuer and the rest", pr.Meta)
			}
			if name != "document" && !strings.Contains(pr.Byline, "/20") {
				t.Errorf("printed byline is %q, want the date", pr.Byline)
			}
			if name == "article" {
				printPDF(t, tb)
			}
		})
	}
}

// pdfMargin is the page margin of the PDF, in inches (1 cm).
const pdfMargin = 0.3937

// printPDF prints the page of tb on A4 and checks with pdftotext
// (poppler-utils) that every word lies inside the text area of its page,
// so that no line is cut at a page edge or runs off the side, and that
// Chromium did not shrink the page to fit: a word is as wide as on screen.
func printPDF(t *testing.T, tb *tab) {
	word := eval[struct {
		Text  string
		Width float64
	}](tb, `(function () {
		var n = document.querySelector("h1").firstChild, w = n.textContent.trim().split(/\s+/)[0], r = document.createRange();
		r.setStart(n, n.textContent.indexOf(w));
		r.setEnd(n, n.textContent.indexOf(w) + w.length);
		return {Text: w, Width: r.getBoundingClientRect().width};
	})()`)
	pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargin(pdfMargin), chromedp.PDFOutlineAndTagged()))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("PrintToPDF gave no PDF: %.20q", pdf)
	}
	dir := shots(t)
	file := filepath.Join(dir, "article-a4.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found: install poppler-utils")
		}
		t.Log("pdftotext not found (install poppler-utils): the PDF's layout is not checked")
		return
	}
	out, err := exec.Command("pdftotext", "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := pdfWords(out)
	t.Logf("article on A4: %d pages, %d bytes", len(pages), len(pdf))
	if len(pages) == 0 {
		t.Fatal("the PDF has no page")
	}
	const tol = 2.0 // pt, for glyphs that reach a little past their advance
	m := pdfMargin * 72
	for i, pg := range pages {
		for _, w := range pg.words {
			if w.x0 < m-tol || w.x1 > pg.w-m+tol || w.y0 < m-tol || w.y1 > pg.h-m+tol {
				t.Errorf("page %d: %q at (%.0f,%.0f)-(%.0f,%.0f) pt is outside the text area of the %.0f×%.0f pt page", i+1, w.text, w.x0, w.y0, w.x1, w.y1, pg.w, pg.h)
			}
		}
	}
	if first := pages[0].find(word.Text); first == nil {
		t.Errorf("the first word of the title, %q, is not on page 1", word.Text)
	} else if scale := (first.x1 - first.x0) / (word.Width * 0.75); scale < 0.97 || scale > 1.03 {
		t.Errorf("the page was printed at %.0f%%: something is wider than A4 and Chromium shrank the page to fit", scale*100)
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		page1 := filepath.Join(dir, "article-a4-page1")
		if out, err := exec.Command("pdftoppm", "-r", "96", "-png", "-f", "1", "-l", "1", "-singlefile", file, page1).CombinedOutput(); err != nil {
			t.Errorf("pdftoppm: %v\n%s", err, out)
		}
	}
}

// pdfPage is one page of pdftotext -bbox output.
type pdfPage struct {
	w, h  float64
	words []pdfWord
}

type pdfWord struct {
	text           string
	x0, y0, x1, y1 float64 // pt from the top left corner
}

func (p *pdfPage) find(text string) *pdfWord {
	for i := range p.words {
		if p.words[i].text == text {
			return &p.words[i]
		}
	}
	return nil
}

var (
	pageTag = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordTag = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// pdfWords reads the pages and words of pdftotext -bbox output.
func pdfWords(out []byte) []pdfPage {
	var pages []pdfPage
	for _, line := range strings.Split(string(out), "\n") {
		if m := pageTag.FindStringSubmatch(line); m != nil {
			pages = append(pages, pdfPage{w: num(m[1]), h: num(m[2])})
		} else if m := wordTag.FindStringSubmatch(line); m != nil && len(pages) > 0 {
			pg := &pages[len(pages)-1]
			pg.words = append(pg.words, pdfWord{html.UnescapeString(m[5]), num(m[1]), num(m[2]), num(m[3]), num(m[4])})
		}
	}
	return pages
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
