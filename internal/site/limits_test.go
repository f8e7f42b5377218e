package site

import (
	"fmt"
	"strings"
	"testing"
)

// TestMaxTags builds a site with 2,020 tags: the first page past MaxTags
// is named once, and no tag page is made past the limit.
func TestMaxTags(t *testing.T) {
	files := map[string]string{"content/_index.md": "---\ntitle: Trang chủ\n---\n"}
	for i := range 101 {
		var tags []string
		for j := range 20 {
			tags = append(tags, fmt.Sprintf("\"thẻ %d %d\"", i, j))
		}
		files[fmt.Sprintf("content/p%03d.md", i)] = "---\ntitle: Trang\ntags: [" + strings.Join(tags, ", ") + "]\n---\nBài.\n"
	}
	s, errs := newSite(t, Config{}, files)
	want := `content/p100.md:3: tags: "thẻ 100 0" makes the site's tag number 2001, more than the limit of 2000 (the site has 2020); use the site's existing tags (listed at /the/) rather than new ones`
	if got := errs.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(s.Tags) != MaxTags {
		t.Errorf("%d tags, want %d", len(s.Tags), MaxTags)
	}
}
