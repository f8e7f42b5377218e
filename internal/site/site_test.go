package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/vntext"
)

var now = time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)

// newSite parses name → text files and models them.
func newSite(t *testing.T, cfg Config, files map[string]string) (*Site, diag.List) {
	t.Helper()
	conv := markdown.New(markdown.Config{})
	var parsed []*content.File
	bodies := map[*content.File]*markdown.Result{}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f, errs := content.Parse(name, []byte(files[name]))
		if errs != nil {
			t.Fatalf("parse %s: %v", name, errs)
		}
		res, err := conv.Convert(f.Body, markdown.Options{FirstLine: f.BodyLine, URL: f.URL})
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		bodies[f] = res
	}
	if cfg.Now.IsZero() {
		cfg.Now = now
	}
	return New(parsed, bodies, cfg)
}

func topicFiles(n int) map[string]string {
	files := map[string]string{
		"content/_index.md":          "---\ntitle: Trang\n---\n",
		"content/chu-de/t/_index.md": "---\ntitle: Chủ đề T\n---\n",
	}
	for i := range n {
		files[fmt.Sprintf("content/chu-de/t/bai-%02d.md", i)] = fmt.Sprintf("---\ntitle: Bài %02d\ndate: 2023-01-%02d\n---\nx\n", i, i+1)
	}
	return files
}

func TestPagination(t *testing.T) {
	tests := []struct {
		items, size int
		urls        []string
		last        int // items on the last page
	}{
		{0, 20, []string{"/chu-de/t/"}, 0},
		{20, 20, []string{"/chu-de/t/"}, 20},
		{21, 20, []string{"/chu-de/t/", "/chu-de/t/trang/2/"}, 1},
		{7, 3, []string{"/chu-de/t/", "/chu-de/t/trang/2/", "/chu-de/t/trang/3/"}, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d by %d", tt.items, tt.size), func(t *testing.T) {
			s, errs := newSite(t, Config{PageSize: tt.size}, topicFiles(tt.items))
			if errs.Err() != nil {
				t.Fatal(errs)
			}
			var got []*Route
			for _, r := range s.Routes {
				if strings.HasPrefix(r.URL, "/chu-de/t/") && r.Layout == "list" {
					got = append(got, r)
				}
			}
			if len(got) != len(tt.urls) {
				t.Fatalf("%d list pages, want %d", len(got), len(tt.urls))
			}
			for i, r := range got {
				if r.URL != tt.urls[i] || r.Pager.Number != i+1 || r.Pager.Total != len(tt.urls) {
					t.Errorf("page %d: %s %d/%d, want %s %d/%d", i, r.URL, r.Pager.Number, r.Pager.Total, tt.urls[i], i+1, len(tt.urls))
				}
			}
			lastPager := got[len(got)-1].Pager
			if len(lastPager.Items) != tt.last || lastPager.NextURL != "" {
				t.Errorf("last page has %d items and next %q, want %d and none", len(lastPager.Items), lastPager.NextURL, tt.last)
			}
			if tt.items > 0 && got[0].Pager.Items[0].Title != fmt.Sprintf("Bài %02d", tt.items-1) {
				t.Errorf("first item %q, want the newest", got[0].Pager.Items[0].Title)
			}
		})
	}
}

func TestPublishing(t *testing.T) {
	files := topicFiles(0)
	files["content/chu-de/t/nhap.md"] = "---\ntitle: Nháp\ndate: 2023-01-01\ndraft: true\n---\n"
	files["content/chu-de/t/sau.md"] = "---\ntitle: Sau\ndate: 2026-11-26\n---\n"
	files["content/chu-de/t/het-han.md"] = "---\ntitle: Hết hạn\ndate: 2023-01-01\nexpires: 2026-11-01\n---\n"
	files["content/chu-de/t/nay.md"] = "---\ntitle: Nay\ndate: 2026-11-25T08:00:00+07:00\n---\n"
	for _, tt := range []struct {
		drafts bool
		want   string
	}{{false, "Nay"}, {true, "Sau Nay Hết hạn Nháp"}} {
		s, errs := newSite(t, Config{Drafts: tt.drafts}, files)
		if errs.Err() != nil {
			t.Fatal(errs)
		}
		var titles []string
		for _, p := range s.Articles {
			titles = append(titles, p.Title)
		}
		if got := strings.Join(titles, " "); got != tt.want {
			t.Errorf("drafts=%v: articles %q, want %q", tt.drafts, got, tt.want)
		}
	}
}

func TestCrossChecks(t *testing.T) {
	files := topicFiles(1)
	files["content/hoi-dap/a.md"] = "---\ntitle: A?\ndate: 2023-01-01\ntopic: khong-co\n---\n"
	files["content/gioi-thieu.md"] = "---\ntitle: A\n---\n"
	files["content/lien-ket.md"] = "---\ntitle: L\n---\n\nXem [trang](/khong-co/) và [bài](/chu-de/t/bai-00) và [nháp](/chu-de/t/nhap/).\n\n![ảnh](/img/x.png)\n"
	files["content/chu-de/t/nhap.md"] = "---\ntitle: Nháp\ndate: 2023-01-01\ndraft: true\n---\n"
	files["content/gioi-thieu-2.md"] = "---\ntitle: B\nslug: gioi-thieu\n---\n"
	files["content/van-ban/x.md"] = "---\ntitle: X\nissuer: Y\nfile: files/x.pdf\n---\n"
	files["content/khac.md"] = "---\ntitle: C\naliases: [\"/chu-de/t/bai-00/\"]\n---\n"
	_, errs := newSite(t, Config{}, files)
	want := strings.Join([]string{
		`content/gioi-thieu.md:1: URL /gioi-thieu/ is also the URL of content/gioi-thieu-2.md; rename one of the files or change its slug`,
		`content/hoi-dap/a.md:4: topic: there is no topic "khong-co"; use one of: t; or create content/chu-de/khong-co/_index.md`,
		`content/khac.md:3: aliases: URL /chu-de/t/bai-00/ is also the URL of content/chu-de/t/bai-00.md; rename one of the files or change its slug`,
		`content/lien-ket.md:5: link /khong-co/ leads to no page of the site; correct the link or create the page`,
		`content/lien-ket.md:5: link /chu-de/t/nhap/ leads to no page of the site; the page is a draft or not yet published`,
		`content/lien-ket.md:7: image /img/x.png leads to no page of the site; add the file under static/img/x.png or correct the path`,
		`content/van-ban/x.md:4: file: static/files/x.pdf does not exist; add the file to static/ or correct the path`,
	}, "\n")
	if got := errs.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRelatedAndNeighbours(t *testing.T) {
	s, errs := newSite(t, Config{}, topicFiles(5))
	if errs.Err() != nil {
		t.Fatal(errs)
	}
	p := s.Articles[2] // Bài 02
	if p.Next.Title != "Bài 03" || p.Prev.Title != "Bài 01" {
		t.Errorf("neighbours of %s: next %s, prev %s", p.Title, p.Next.Title, p.Prev.Title)
	}
	if len(p.Related) != 4 || p.Related[0].Title != "Bài 01" && p.Related[0].Title != "Bài 03" {
		t.Errorf("related of %s: %d, first %s", p.Title, len(p.Related), p.Related[0].Title)
	}
}
