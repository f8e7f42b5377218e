package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/search"
	"github.com/loa-vn/loa/internal/vntext"
)

// answer is what a query returns, as the browser test compares it.
type answer struct {
	Docs    []int32     `json:"docs"` // the first 10
	Full    int         `json:"full"`
	Fixes   [][2]string `json:"fixes"`
	Suggest []string    `json:"suggest"`
}

// agreeQueries are queries beyond the judged sets that exercise each rule
// of the ranking: stop words only, unknown words, suggestions, marks.
var agreeQueries = []judged{
	{q: "có không là gì"}, {q: "xyzzy qwrtp"}, {q: "giám xat"}, {q: "hiệp thươgn"}, {q: "thuongg"},
	{q: "trù dập", typing: true}, {q: "đ", typing: true}, {q: "Mặt trận Tổ quốc Việt Nam"}, {q: "ban bí thư"},
	{q: "97/2025/QH15"}, {q: "luật 97"}, {q: "18"}, {q: "phan bi", typing: true}, {q: "phản biện, xã hội"},
}

// TestBrowserJudged runs the judged queries of the sample portal, and the
// agreeQueries, through the client in Chromium and requires the answers of
// the Go reference reader: the same first 10 results, the same number of
// full matches, corrections and suggestions. So the judged numbers that
// TestJudged prints are the browser's.
func TestBrowserJudged(t *testing.T) {
	browser := browsertest.New(t)
	mem := output.NewMemory()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)
	if _, err := build.Build(context.Background(), build.Config{Site: os.DirFS("../.."), Theme: os.DirFS("../.."), Now: now}, mem); err != nil {
		t.Fatal(err)
	}
	files := mem.Files()
	srv := browsertest.Serve(t, mapFS(files))
	ctx := browsertest.Tab(t, browser)
	p := &page{t: t, ctx: ctx, srv: srv, rec: browsertest.Record(t, ctx)}
	p.open("")
	qs := append(readJudged(t, "testdata/judged/sample.tsv"), agreeQueries...)
	var in [][2]any
	for _, j := range qs {
		in = append(in, [2]any{j.q, j.typing})
	}
	inJSON, _ := json.Marshal(in)
	got, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]answer](`Promise.all(`+string(inJSON)+`.map(function (x) {
		return LoaSearch.search(x[0], x[1]).then(function (r) {
			return {docs: r.docs.slice(0, 10), full: r.full, fixes: r.fixes, suggest: r.suggest};
		});
	}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for i, j := range qs {
		r, err := search.NewReader(files)
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Search(j.q, j.typing)
		if err != nil {
			t.Fatal(err)
		}
		want := answer{Docs: res.Docs[:min(10, len(res.Docs))], Full: res.Full, Fixes: res.Fixes, Suggest: res.Suggest}
		g := got[i]
		if !slices.Equal(g.Docs, want.Docs) || g.Full != want.Full || fmt.Sprint(g.Fixes) != fmt.Sprint(want.Fixes) || !slices.Equal(g.Suggest, want.Suggest) {
			t.Errorf("%q (typing %v):\nJS %+v\nGo %+v", j.q, j.typing, g, want)
		}
	}
	p.rec.Check(t)
}
