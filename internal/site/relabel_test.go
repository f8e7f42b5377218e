package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/markdown"
)

// tiedFiles is a site whose items share dates, so that titles decide
// their order: in the site's lists, topics, units, tags, the Q&A list,
// the featured list, a section of plain pages, the menu and the pages
// citing a document.
func tiedFiles() map[string]string {
	files := map[string]string{
		"content/_index.md":               "---\ntitle: Trang\n---\n",
		"content/chu-de/a/_index.md":      "---\ntitle: Chủ đề A\n---\n",
		"content/chu-de/b/_index.md":      "---\ntitle: Chủ đề B\n---\n",
		"content/tin-don-vi/u/_index.md":  "---\ntitle: Đơn vị U\n---\n",
		"content/tin-don-vi/v/_index.md":  "---\ntitle: Đơn vị V\n---\n",
		"content/hoi-dap/_index.md":       "---\ntitle: Hỏi - đáp\n---\n",
		"content/gioi-thieu/_index.md":    "---\ntitle: Giới thiệu\n---\n",
		"content/van-ban/ct-1.md":         "---\ntitle: Chỉ thị 1\nnumber: 1-CT/TW\nissuer: Ban Bí thư\nissued: 2022-01-01\n---\nx\n",
		"content/van-ban/ct-2.md":         "---\ntitle: Chỉ thị 2\nnumber: 2-CT/TW\nissuer: Ban Bí thư\nissued: 2022-01-01\n---\nx\n",
		"content/lien-he.md":              "---\ntitle: Liên hệ\nmenu: true\n---\nx\n",
		"content/so-do.md":                "---\ntitle: Sơ đồ\nmenu: true\n---\nx\n",
		"content/gioi-thieu/lich-su.md":   "---\ntitle: Lịch sử\ndate: 2023-01-01\n---\nx\n",
		"content/gioi-thieu/to-chuc.md":   "---\ntitle: Tổ chức\ndate: 2023-01-01\n---\nx\n",
		"content/gioi-thieu/nhiem-vu.md":  "---\ntitle: Nhiệm vụ\ndate: 2023-01-01\n---\nx\n",
		"content/tin-don-vi/u/tin-1.md":   "---\ntitle: Tin một\ndate: 2023-01-02\nfeatured: true\ntags: [a]\n---\nx\n",
		"content/tin-don-vi/u/tin-2.md":   "---\ntitle: Tin hai\ndate: 2023-01-02\ntags: [a]\n---\nx\n",
		"content/tin-don-vi/v/tin-3.md":   "---\ntitle: Tin ba\ndate: 2023-01-02\ntopic: a\n---\nx\n",
		"content/hoi-dap/hoi-1.md":        "---\ntitle: Hỏi một\ndate: 2023-01-02\ntopic: a\n---\nx\n",
		"content/hoi-dap/hoi-2.md":        "---\ntitle: Hỏi hai\ndate: 2023-01-02\ntopic: a\ntags: [b]\n---\nx\n",
		"content/hoi-dap/hoi-3.md":        "---\ntitle: Hỏi ba\ndate: 2023-01-02\n---\nx\n",
		"content/chu-de/b/bai-khac.md":    "---\ntitle: Bài khác\ndate: 2023-01-02\ntags: [b]\n---\nTheo Chỉ thị số 2-CT/TW.\n",
		"content/chu-de/a/bai-cuoi.md":    "---\ntitle: Bài cuối\ndate: 2023-01-03\n---\nx\n",
		"content/chu-de/a/bai-dau.md":     "---\ntitle: Bài đầu\ndate: 2022-12-01\n---\nx\n",
		"content/chu-de/b/bai-nhe.md":     "---\ntitle: Bài nhẹ\ndate: 2023-01-02\nweight: 1\ntags: [a, b]\nfeatured: true\n---\nTheo Chỉ thị số 2-CT/TW.\n",
		"content/tin-don-vi/v/tin-4.md":   "---\ntitle: Tin bốn\ndate: 2023-01-02\nfeatured: true\n---\nx\n",
		"content/chu-de/a/bai-thu-ba.md":  "---\ntitle: Bài thứ ba\ndate: 2023-01-02\ntags: [a]\n---\nx\n",
		"content/chu-de/a/bai-thu-tu.md":  "---\ntitle: Bài thứ tư\ndate: 2023-01-02\ntags: [b]\nfeatured: true\n---\nTheo Chỉ thị số 2-CT/TW.\n",
		"content/chu-de/a/bai-thu-nam.md": "---\ntitle: Bài thứ năm\ndate: 2023-01-02\n---\nx\n",
	}
	for i := range 8 {
		files[fmt.Sprintf("content/chu-de/a/them-%d.md", i)] = fmt.Sprintf("---\ntitle: Thêm %d\ndate: 2023-01-02\ntags: [a]\n---\nx\n", i)
	}
	return files
}

// TestRelabel changes the title of every page of a site whose items tie
// in date, to a title sorting first and to one sorting last, and checks
// that Update and Relabel give the model a new one has: the same lists in
// the same order, previews, pagers, neighbours and related pages. Every
// page whose neighbours or related pages changed must be among the pages
// Relabel returns.
func TestRelabel(t *testing.T) {
	files := tiedFiles()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if name == "content/_index.md" {
			continue
		}
		for _, title := range []string{"A trước hết", "Ư sau cùng"} {
			t.Run(name+"/"+title, func(t *testing.T) {
				s, _ := newSite(t, Config{PageSize: 2}, files)
				before := links(s)
				edited := maps.Clone(files)
				_, rest, _ := strings.Cut(files[name], "title: ")
				_, rest, _ = strings.Cut(rest, "\n")
				edited[name] = "---\ntitle: " + title + "\n" + rest
				f, body := parseOne(t, name, edited[name])
				if !s.Update(f, body) {
					t.Fatal("Update found no page")
				}
				touched := s.Relabel([]*Page{s.Page(f.URL)})
				fresh, _ := newSite(t, Config{PageSize: 2}, edited)
				if got, want := describe(s), describe(fresh); got != want {
					t.Fatalf("relabeled model differs from a new one:\n got:\n%s\nwant:\n%s", got, want)
				}
				after := links(s)
				for url, was := range before {
					if after[url] != was && url != f.URL && !slices.ContainsFunc(touched, func(p *Page) bool { return p.URL == url }) {
						t.Errorf("%s: neighbours or related pages changed, but Relabel did not return the page:\n was %s\n now %s", url, was, after[url])
					}
				}
			})
		}
	}
}

// parseOne parses and converts one file as newSite does.
func parseOne(t *testing.T, name, text string) (*content.File, *markdown.Result) {
	t.Helper()
	f, errs := content.Parse(name, []byte(text))
	if errs != nil {
		t.Fatalf("parse %s: %v", name, errs)
	}
	body, err := markdown.New(markdown.Config{}).Convert(f.Body, markdown.Options{FirstLine: f.BodyLine, URL: f.URL})
	if err != nil {
		t.Fatal(err)
	}
	return f, body
}

// links returns, by page URL, the neighbours and related pages of each page.
func links(s *Site) map[string]string {
	out := map[string]string{}
	for _, p := range s.Pages {
		out[p.URL] = fmt.Sprintf("prev %s next %s related %s", urlOf(p.Prev), urlOf(p.Next), urls(p.Related))
	}
	return out
}

// describe writes out, by URL, every list of the model in its order.
func describe(s *Site) string {
	var b strings.Builder
	for _, l := range []struct {
		name  string
		pages []*Page
	}{
		{"articles", s.Articles}, {"news", s.News}, {"qa", s.QA}, {"documents", s.Documents},
		{"featured", s.Featured}, {"topics", s.Topics}, {"units", s.Units}, {"menu", s.Menu},
		{"latest featured", s.LatestFeatured}, {"latest news", s.LatestNews}, {"latest qa", s.LatestQA},
	} {
		fmt.Fprintf(&b, "%s: %s\n", l.name, urls(l.pages))
	}
	for _, p := range s.Pages {
		fmt.Fprintf(&b, "%s %q: items %s preview %s prev %s next %s related %s cited by %s\n",
			p.URL, p.Title, urls(p.Items), urls(p.Preview), urlOf(p.Prev), urlOf(p.Next), urls(p.Related), urls(p.CitedBy))
	}
	for _, t := range s.Tags {
		fmt.Fprintf(&b, "tag %s: %s preview %s\n", t.Name, urls(t.Pages), urls(t.Page.Preview))
	}
	for _, r := range s.Routes {
		if r.Pager != nil {
			fmt.Fprintf(&b, "route %s: %s\n", r.URL, urls(r.Pager.Items))
		}
	}
	return b.String()
}

func urlOf(p *Page) string {
	if p == nil {
		return "-"
	}
	return p.URL
}

func urls(pages []*Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, urlOf(p))
	}
	return "[" + strings.Join(out, " ") + "]"
}
