package search_test

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/tools/txtar"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/search"
	"github.com/loa-vn/loa/internal/vntext"
)

// buildSite builds testdata/site.txtar for the URL path base with the
// repository theme, and adds the search index if the build did not.
func buildSite(t *testing.T, base string) map[string][]byte {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	mem := output.NewMemory()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)
	res, err := build.Build(context.Background(), build.Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: base, Now: now}, mem)
	if err != nil {
		t.Fatal(err)
	}
	files := mem.Files()
	if _, ok := files[search.Dir+"manifest.json"]; !ok {
		index, err := search.Index(res.Site)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range index {
			files[name] = data
		}
	}
	return files
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// result is one result item as the page shows it.
type result struct {
	Href, Title, Meta, Sum string
	Marks                  []string
}

const readResults = `Array.from(document.querySelectorAll("[data-search-results] li")).map(function (li) {
	var a = li.querySelector("a"), s = li.querySelector(".item-sum");
	return {Href: a.getAttribute("href"), Title: a.textContent, Meta: li.querySelector(".item-meta").textContent,
		Sum: s ? s.textContent : "", Marks: Array.from(li.querySelectorAll("mark")).map(function (m) { return m.textContent; })};
})`

// page is a tab on the search page of the test site.
type page struct {
	t   *testing.T
	ctx context.Context
	srv *browsertest.Server
	rec *browsertest.Recorder
}

func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

// open loads the search page with the query q and waits for its answer.
func (p *page) open(q string) {
	p.t.Helper()
	u := p.srv.Page("/tim-kiem/")
	if q != "" {
		u += "?q=" + url.QueryEscape(q)
	}
	p.do(chromedp.Navigate(u))
	p.wait(q)
}

// wait waits until the page shows the answer to the query q.
func (p *page) wait(q string) {
	p.t.Helper()
	qj, _ := json.Marshal(q)
	p.do(chromedp.Poll[chromedp.Void](`window.LoaSearch && LoaSearch.state === "idle" && LoaSearch.q === `+string(qj),
		chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
}

func (p *page) results() []result {
	p.t.Helper()
	rs, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]result](readResults))
	if err != nil {
		p.t.Fatal(err)
	}
	return rs
}

func (p *page) text(sel string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		p.t.Fatal(err)
	}
	return s
}

func (p *page) eval(expr string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return s
}

// TestBrowser runs the search client in headless Chromium on a built test
// site served under a sub-path with the site's strict CSP, and checks it
// against the Go reference reader.
func TestBrowser(t *testing.T) {
	browser := browsertest.New(t)
	const base = "/portal/"
	files := buildSite(t, base)
	srv := browsertest.ServeAt(t, base, mapFS(files))
	reader, err := search.NewReader(files)
	if err != nil {
		t.Fatal(err)
	}
	newPage := func(t *testing.T) *page {
		ctx := browsertest.Tab(t, browser)
		p := &page{t: t, ctx: ctx, srv: srv, rec: browsertest.Record(t, ctx)}
		t.Cleanup(func() { p.rec.Check(t) })
		return p
	}
	// want returns the hrefs of the first n results of the Go reader.
	want := func(t *testing.T, q string, typing bool, n int) []string {
		res, err := reader.Search(q, typing)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range res.Docs[:min(n, len(res.Docs))] {
			rec, _ := reader.Doc(d)
			out = append(out, strings.TrimSuffix(base, "/")+rec[0])
		}
		return out
	}
	hrefs := func(rs []result) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Href)
		}
		return out
	}

	t.Run("vectors", func(t *testing.T) {
		vs, err := search.ReadVectors()
		if err != nil {
			t.Fatal(err)
		}
		p := newPage(t)
		p.open("")
		in, _ := json.Marshal(vs)
		got, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]search.Vector](`(function (vs) {
			return vs.map(function (v) {
				var t = LoaSearch.words(v.in), pairs = [];
				t.forEach(function (x, i) { if (i && !x.b) pairs.push(t[i - 1].w + " " + x.w); });
				return {in: v.in, nfc: LoaSearch.nfc(v.in), folded: LoaSearch.fold(LoaSearch.nfc(v.in)),
					tokens: t.map(function (x) { return x.w; }), keys: t.map(function (x) { return LoaSearch.fold(x.w); }), pairs: pairs};
			});
		})(`+string(in)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range vs {
			g := got[i]
			if g.NFC != v.NFC || g.Folded != v.Folded || !slices.Equal(g.Tokens, v.Tokens) || !slices.Equal(g.Keys, v.Keys) || !slices.Equal(g.Pairs, v.Pairs) {
				t.Errorf("%q:\nJS %+v\nGo %+v", v.In, g, v)
			}
		}
	})

	t.Run("queries", func(t *testing.T) {
		p := newPage(t)
		for _, tt := range []struct {
			q     string
			first string // path of the first result, "" for none
		}{
			// The article whose title starts with the words (its head)
			// outranks the shorter Q&A item that ends with them.
			{"giam sat", "/chu-de/giam-sat/giam-sat-phan-bien/"},
			{"giám sát", "/chu-de/giam-sat/giam-sat-phan-bien/"},
			{norm.NFD.String("GIÁM SÁT"), "/chu-de/giam-sat/giam-sat-phan-bien/"},
			{"bàn", "/chu-de/dan-chu/ban-ve-dan-chu/"},
			{"bán", "/chu-de/dan-chu/hop-tac-xa-ban-nong-san/"},
			{"duong", "/chu-de/dan-chu/duong-lang/"},
			{"ÐƯỜNG", "/chu-de/dan-chu/duong-lang/"},
			{"phản biện xã hội", "/chu-de/giam-sat/giam-sat-phan-bien/"},
			{"18-CT/TW", "/van-ban/chi-thi-18/"},
			{"mat tran giam sat", "/hoi-dap/ai-duoc-giam-sat/"},
		} {
			p.rec.Take()
			p.open(tt.q)
			rs := p.results()
			// The page fetched the shards the Go reader reads, and no more.
			fresh, _ := search.NewReader(files)
			fresh.Read = nil
			fresh.Search(tt.q, false)
			var got, wantShards []string
			fetched := p.rec.Take()
			for _, x := range fetched {
				if i := strings.Index(x.URL, search.Dir); i >= 0 && strings.Contains(x.URL, "/t/") {
					got = append(got, x.URL[i:])
				}
			}
			for _, name := range fresh.Read {
				wantShards = append(wantShards, name)
			}
			slices.Sort(got)
			slices.Sort(wantShards)
			if !slices.Equal(got, slices.Compact(wantShards)) {
				t.Errorf("%q: page fetched shards %q, Go reader read %q", tt.q, got, wantShards)
			}
			_, n := browsertest.Total(fetched, search.Dir)
			t.Logf("%q: %d bytes of index fetched (gzip)", tt.q, n)
			if w := want(t, tt.q, false, 10); !slices.Equal(hrefs(rs), w) {
				t.Errorf("%q: page shows %q, Go reader %q", tt.q, hrefs(rs), w)
			}
			if len(rs) == 0 || rs[0].Href != strings.TrimSuffix(base, "/")+tt.first {
				t.Errorf("%q: first result %v, want %s", tt.q, rs, tt.first)
				continue
			}
			// Every mark is a word of the query, whatever its marks.
			keys := map[string]bool{}
			for _, k := range vntext.Tokens(tt.q) {
				keys[vntext.Fold(k)] = true
			}
			for _, r := range rs {
				for _, m := range r.Marks {
					for _, w := range vntext.Tokens(m) {
						if !keys[vntext.Fold(w)] {
							t.Errorf("%q: %q marks %q", tt.q, r.Title, m)
						}
					}
				}
			}
			if len(rs[0].Marks) == 0 && tt.q != "18-CT/TW" {
				t.Errorf("%q: nothing marked in %+v", tt.q, rs[0])
			}
			if status := p.text("[data-search-status]"); !strings.Contains(status, "kết quả cho «"+strings.TrimSpace(tt.q)+"»") {
				t.Errorf("%q: status %q", tt.q, status)
			}
		}
		// Exact marks first, kind and date shown.
		p.open("bàn")
		rs := p.results()
		if len(rs) < 3 || len(rs[0].Marks) == 0 || rs[0].Marks[0] != "Bàn" || !strings.Contains(rs[0].Meta, "Bài viết · 01/10/2026 · Dân chủ cơ sở") {
			t.Errorf("bàn: %+v", rs)
		}
		p.open("phản biện xã hội")
		rs = p.results()
		if got := rs[0].Marks; !slices.Contains(got, "phản biện xã hội") {
			t.Errorf("phrase not marked as one: %q", got)
		}
		if i := slices.Index(hrefs(rs), strings.TrimSuffix(base, "/")+"/chu-de/giam-sat/hoi-nghi-tong-ket/"); i >= 0 && i < 2 {
			t.Errorf("scattered syllables ranked %d: %q", i+1, hrefs(rs))
		}
	})

	t.Run("typing", func(t *testing.T) {
		p := newPage(t)
		p.open("")
		p.do(chromedp.SendKeys(chromedp.ID("q"), "giám s"))
		p.wait("giám s")
		rs := p.results()
		if w := want(t, "giám s", true, 10); len(w) == 0 || !slices.Equal(hrefs(rs), w) {
			t.Errorf("typing: page shows %q, Go reader %q", hrefs(rs), w)
		}
		if loc := p.eval("location.search"); loc != "?q="+url.QueryEscape("giám s") {
			t.Errorf("location.search = %q", loc)
		}
		// Back returns to the empty page, forward to the query.
		p.do(chromedp.NavigateBack())
		p.wait("")
		if v := p.eval(`document.getElementById("q").value`); v != "" {
			t.Errorf("after back, the box holds %q", v)
		}
	})

	t.Run("history", func(t *testing.T) {
		p := newPage(t)
		p.open("giam sat")
		first := hrefs(p.results())
		p.do(chromedp.SendKeys(chromedp.ID("q"), " phan bien"))
		p.wait("giam sat phan bien")
		p.do(chromedp.KeyEvent("\r"))
		p.wait("giam sat phan bien")
		p.do(chromedp.NavigateBack())
		p.wait("giam sat")
		if v := p.eval(`document.getElementById("q").value`); v != "giam sat" {
			t.Errorf("after back, the box holds %q", v)
		}
		if got := hrefs(p.results()); !slices.Equal(got, first) {
			t.Errorf("after back: %q, want %q", got, first)
		}
		p.do(chromedp.NavigateForward())
		p.wait("giam sat phan bien")
	})

	t.Run("more", func(t *testing.T) {
		p := newPage(t)
		p.open("xa")
		if n := len(p.results()); n != 10 {
			t.Fatalf("%d results before 'more', want 10", n)
		}
		p.do(chromedp.Click(chromedp.CSS("button.more")))
		p.do(chromedp.Poll[chromedp.Void](`document.querySelectorAll("[data-search-results] li").length > 10`))
		if got, w := hrefs(p.results()), want(t, "xa", false, 20); !slices.Equal(got, w) {
			t.Errorf("after 'more': %q, want %q", got, w)
		}
		if focused := p.eval(`document.activeElement.textContent`); focused == "" {
			t.Error("focus did not move to the first new result")
		}
	})

	t.Run("partial", func(t *testing.T) {
		p := newPage(t)
		for _, tt := range []struct {
			q          string
			full, all  int    // full matches and results, as the Go reader counts them
			wantStatus string // the status line, as search.js writes it
		}{
			// Fewer than Few pages hold every word: the others follow.
			{"mặt trận giám sát", 2, 3, "2 kết quả cho «mặt trận giám sát», thêm 1 kết quả chỉ khớp một phần."},
			// No page holds every word: partial matches only.
			{"giám sát nông thôn", 0, 6, "Không trang nào có đủ các từ của «giám sát nông thôn»; 6 kết quả khớp một phần, trang khớp nhiều từ hơn ở trên."},
		} {
			res, err := reader.Search(tt.q, false)
			if err != nil {
				t.Fatal(err)
			}
			if res.Full != tt.full || len(res.Docs) != tt.all {
				t.Errorf("%q: Go reader finds %d full matches of %d, want %d of %d", tt.q, res.Full, len(res.Docs), tt.full, tt.all)
			}
			p.open(tt.q)
			if got, w := hrefs(p.results()), want(t, tt.q, false, 10); !slices.Equal(got, w) {
				t.Errorf("%q: page shows %q, Go reader %q", tt.q, got, w)
			}
			if status := p.text("[data-search-status]"); !strings.Contains(status, tt.wantStatus) {
				t.Errorf("%q: status %q, want %q", tt.q, status, tt.wantStatus)
			}
		}
	})

	t.Run("nothing", func(t *testing.T) {
		p := newPage(t)
		links := func() []string {
			l, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("[data-search-status] a")).map(function (a) { return a.getAttribute("href"); })`))
			if err != nil {
				t.Fatal(err)
			}
			return l
		}
		// Nothing close: no dead-end link, the topics instead.
		p.open("xyzzy qwrtp")
		if rs := p.results(); len(rs) != 0 {
			t.Errorf("results: %+v", rs)
		}
		status := p.text("[data-search-status]")
		if !strings.Contains(status, "Không tìm thấy kết quả nào cho «xyzzy qwrtp»") || strings.Contains(status, "không dấu") || !strings.Contains(status, "chủ đề") {
			t.Errorf("status %q", status)
		}
		if got, w := links(), []string{"/portal/chu-de/giam-sat/", "/portal/chu-de/dan-chu/"}; !slices.Equal(sorted(got), sorted(w)) {
			t.Errorf("links %q, want the topics %q", got, w)
		}
		// A word too far from any for a correction gets a suggestion that
		// finds something.
		p.open("giamsat")
		res, err := reader.Search("giamsat", false)
		if err != nil || len(res.Docs) != 0 || len(res.Suggest) == 0 {
			t.Fatalf("Go reader: %+v, %v; want no results and a suggestion", res, err)
		}
		if got := links(); len(got) < 1 || got[0] != "?q="+strings.ReplaceAll(url.QueryEscape(res.Suggest[0]), "+", "%20") {
			t.Fatalf("links %q, want the suggestion %q first", got, res.Suggest[0])
		}
		p.open(res.Suggest[0]) // where the link leads
		if rs := p.results(); len(rs) == 0 {
			t.Errorf("the suggestion %q finds nothing", res.Suggest[0])
		}
	})

	t.Run("markup in queries", func(t *testing.T) {
		p := newPage(t)
		for _, q := range []string{`<img src=x onerror="document.title='pwned'">`, "<script>alert(1)</script> giám sát", strings.Repeat("giám sát ", 120)} {
			p.open(q)
			if n := p.eval(`String(document.querySelectorAll("main img, main script:not([src])").length)`); n != "0" {
				t.Errorf("%q: the page holds %s new elements", q, n)
			}
			if title := p.eval("document.title"); title == "pwned" {
				t.Errorf("%q ran script", q)
			}
		}
	})

	t.Run("header box", func(t *testing.T) {
		p := newPage(t)
		p.do(chromedp.Navigate(srv.Page("/")))
		// What a site-wide script does when the box gets focus.
		p.eval(`(function () {
			var s = document.createElement("script");
			s.src = document.getElementById("q-head").getAttribute("data-search-src");
			document.head.appendChild(s);
			return "";
		})()`)
		p.do(chromedp.Poll[chromedp.Void](`window.LoaSearch`))
		p.do(chromedp.SendKeys(chromedp.ID("q-head"), "giám s"))
		p.wait("giám s")
		links, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".search-pop a")).map(function (a) { return a.getAttribute("href"); })`))
		if err != nil {
			t.Fatal(err)
		}
		w := append(want(t, "giám s", true, 5), strings.TrimSuffix(base, "/")+"/tim-kiem/?q="+strings.ReplaceAll(url.QueryEscape("giám s"), "+", "%20"))
		if !slices.Equal(links, w) {
			t.Errorf("header box links %q, want %q", links, w)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		p := newPage(t)
		if _, err := chromedp.Call(p.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		p.do(chromedp.Navigate(srv.Page("/tim-kiem/?q=giam+sat")))
		if status := p.text("[data-search-status]"); !strings.Contains(status, "JavaScript") {
			t.Errorf("no notice without JavaScript: %q", status)
		}
	})
}
