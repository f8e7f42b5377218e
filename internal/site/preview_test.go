package site

import (
	"fmt"
	"testing"
)

// TestPreviews checks that the preview lists are the first items of their
// lists, as many as the cuts allow.
func TestPreviews(t *testing.T) {
	for _, n := range []int{0, 1, ItemsPreview, NewsPreview + 1, QAPreview + 2} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			files := topicFiles(n)
			files["content/tin-don-vi/u/_index.md"] = "---\ntitle: Đơn vị U\n---\n"
			for i := range n {
				files[fmt.Sprintf("content/tin-don-vi/u/tin-%02d.md", i)] = fmt.Sprintf("---\ntitle: Tin %02d\ndate: 2023-02-%02d\nfeatured: %t\n---\nx\n", i, i+1, i%2 == 0)
				files[fmt.Sprintf("content/hoi-dap/hoi-%02d.md", i)] = fmt.Sprintf("---\ntitle: Hỏi %02d\ndate: 2023-03-%02d\n---\nx\n", i, i+1)
			}
			s, errs := newSite(t, Config{}, files)
			if errs.Err() != nil {
				t.Fatal(errs.Err())
			}
			tests := []struct {
				name          string
				preview, list []*Page
				cut           int
			}{
				{"LatestFeatured", s.LatestFeatured, s.Featured, FeaturedPreview},
				{"LatestNews", s.LatestNews, s.News, NewsPreview},
				{"LatestQA", s.LatestQA, s.QA, QAPreview},
				{"topic Preview", s.Topics[0].Preview, s.Topics[0].Items, ItemsPreview},
				{"unit Preview", s.Units[0].Preview, s.Units[0].Items, ItemsPreview},
			}
			for _, tt := range tests {
				want := tt.list[:min(tt.cut, len(tt.list))]
				if len(tt.preview) != len(want) {
					t.Errorf("%s: %d items, want %d of %d", tt.name, len(tt.preview), len(want), len(tt.list))
					continue
				}
				for i := range want {
					if tt.preview[i] != want[i] {
						t.Errorf("%s[%d] = %s, want %s", tt.name, i, tt.preview[i].URL, want[i].URL)
					}
				}
				if len(tt.preview) > 0 && cap(tt.preview) != len(tt.preview) {
					t.Errorf("%s: capacity %d past its length %d: an append would write into the list", tt.name, cap(tt.preview), len(tt.preview))
				}
			}
		})
	}
}
