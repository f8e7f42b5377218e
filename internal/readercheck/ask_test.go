package readercheck

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
)

// netlifyForms stands in for Netlify Forms in front of a built site: a
// POST of a form the site declares (a <form> with data-netlify="true" and
// that name, sent with its name in form-name) is recorded and answered
// with the page at the form's action, the path it was posted to, as
// Netlify answers it; any other POST is refused. Safe for concurrent use.
type netlifyForms struct {
	site  *portal
	mu    sync.Mutex
	posts []url.Values
}

var netlifyForm = regexp.MustCompile(`<form\s[^>]*\bname="?([^"\s>]+)"?[^>]*\bdata-netlify="?true"?`)

func (n *netlifyForms) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		n.site.ServeHTTP(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	name := r.PostForm.Get("form-name")
	declared := false
	for _, data := range n.site.Files {
		for _, m := range netlifyForm.FindAllSubmatch(data, -1) {
			declared = declared || string(m[1]) == name
		}
	}
	if !declared {
		http.Error(w, "no form named "+name, http.StatusNotFound)
		return
	}
	n.mu.Lock()
	n.posts = append(n.posts, r.PostForm)
	n.mu.Unlock()
	get := r.Clone(r.Context())
	get.Method = http.MethodGet
	n.site.ServeHTTP(w, get)
}

// inlineScript finds <script> elements without src, other than JSON-LD
// data blocks, which run no code.
var inlineScript = regexp.MustCompile(`<script(?:\s[^>]*)?>`)

func inlineScripts(doc string) []string {
	var out []string
	for _, tag := range inlineScript.FindAllString(doc, -1) {
		if !strings.Contains(tag, "src=") && !strings.Contains(tag, "application/ld+json") {
			out = append(out, tag)
		}
	}
	return out
}

// TestAskForm submits the question form in Chromium to a stand-in for
// Netlify Forms and checks that the reader lands on the thank-you page,
// that the post carried the form's name, fields and an empty honeypot,
// that the form has the honeypot Netlify is told of, and that the page
// has no inline script (the CSP would block it).
func TestAskForm(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	stand := &netlifyForms{site: p}
	srv := httptest.NewServer(stand)
	t.Cleanup(srv.Close)
	// The site was built for p's address; the stand-in serves the same
	// files, so links stay on the stand-in by being root-relative.
	page := string(p.Files[htmlFile(p.Site.Ask.URL)])
	if got := inlineScripts(page); len(got) > 0 {
		t.Errorf("inline script on the question page: %q", got)
	}
	for _, want := range []string{`data-netlify=true`, `data-netlify-honeypot=bot-field`, `<input name=bot-field`, `action="/gui-cau-hoi/da-gui/"`, `<input type=hidden name=form-name value=cau-hoi>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the question page has no %s", want)
		}
	}

	tb := p.newTab(t, browser)
	tb.viewport(360, 640, 1, true)
	tb.do(chromedp.Navigate(srv.URL + p.Site.Ask.URL))
	if eval[bool](tb, `getComputedStyle(document.querySelector("[name=bot-field]")).display !== "none" && document.querySelector("[name=bot-field]").getClientRects().length > 0`) {
		t.Error("the honeypot field shows")
	}
	tb.do(
		chromedp.SendKeys(`#hoi-khu-vuc`, "Khu phố 2"),
		chromedp.SendKeys(`#hoi-cau-hoi`, "Kết quả giám sát được công khai ở đâu?"),
		chromedp.Click(`#hoi-dong-y`),
	)
	submit(tb)
	waitLoaded(tb, p.Site.AskSent.URL)
	if h1 := eval[string](tb, `document.querySelector("h1").textContent`); h1 != p.Site.AskSent.Title {
		t.Errorf("landed on a page titled %q, want %q", h1, p.Site.AskSent.Title)
	}
	stand.mu.Lock()
	defer stand.mu.Unlock()
	if len(stand.posts) != 1 {
		t.Fatalf("%d posts reached the stand-in, want 1", len(stand.posts))
	}
	got := stand.posts[0]
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"bot-field", "cau-hoi", "dong-y", "form-name", "khu-vuc", "ten"}
	if !slices.Equal(keys, want) {
		t.Errorf("posted fields %q, want %q", keys, want)
	}
	if got.Get("form-name") != "cau-hoi" || got.Get("bot-field") != "" || got.Get("khu-vuc") != "Khu phố 2" || got.Get("cau-hoi") != "Kết quả giám sát được công khai ở đâu?" {
		t.Errorf("posted %v", got)
	}
}

// submit clicks the form's button. The click may start a navigation,
// which ends the click's own wait for the page: that is no error.
func submit(tb *tab) {
	tb.t.Helper()
	err := chromedp.Do(tb.ctx, chromedp.Click(`.ask-form button[type=submit]`))
	if err != nil && !strings.Contains(err.Error(), "navigated") {
		tb.t.Fatal(err)
	}
}

// waitLoaded waits until the tab shows the loaded page at path. While
// the tab navigates, evaluating fails; those errors are waited out.
func waitLoaded(tb *tab, path string) {
	tb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`location.pathname === `+strconv.Quote(path)+` && document.readyState === "complete"`))
		if err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.t.Fatalf("the tab did not load %s", path)
}

// TestAskFormNeedsQuestion checks that the browser does not send the
// form without the required fields and the consent.
func TestAskFormNeedsQuestion(t *testing.T) {
	t.Parallel()
	browser := browsertest.New(t)
	p := newPortal(t)
	stand := &netlifyForms{site: p}
	srv := httptest.NewServer(stand)
	t.Cleanup(srv.Close)
	tb := p.newTab(t, browser)
	tb.do(chromedp.Navigate(srv.URL+p.Site.Ask.URL),
		chromedp.SendKeys(`#hoi-khu-vuc`, "Thôn Đông"),
		chromedp.SendKeys(`#hoi-cau-hoi`, "Câu hỏi")) // no consent
	submit(tb)
	time.Sleep(300 * time.Millisecond)
	if path := eval[string](tb, `location.pathname`); path != p.Site.Ask.URL {
		t.Errorf("sent without consent: now at %s", path)
	}
	stand.mu.Lock()
	defer stand.mu.Unlock()
	if len(stand.posts) != 0 {
		t.Errorf("%d posts without consent, want 0", len(stand.posts))
	}
}
