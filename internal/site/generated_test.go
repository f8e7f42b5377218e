package site

import (
	"testing"
)

// TestGeneratedURLs checks that no content file takes the URL of a page
// Loa makes, or a URL inside their folders, even as a draft.
func TestGeneratedURLs(t *testing.T) {
	tests := []struct{ name, path, in, want string }{
		{"search page", "content/tim-kiem.md", "---\ntitle: Tìm\n---\n",
			"content/tim-kiem.md: URL /tim-kiem/ is the search page, which Loa makes; rename the file or give it another slug"},
		{"search section", "content/tim-kiem/_index.md", "---\ntitle: Tìm\n---\n",
			"content/tim-kiem/_index.md: URL /tim-kiem/ is the search page, which Loa makes; rename the file or give it another slug"},
		{"inside search", "content/tim-kiem/chi-muc.md", "---\ntitle: Chỉ mục\n---\n",
			"content/tim-kiem/chi-muc.md: URL /tim-kiem/chi-muc/ is inside /tim-kiem/, the folder of the search page and its index, which Loa makes; move the file out of content/tim-kiem/"},
		{"tag page", "content/the/x.md", "---\ntitle: X\n---\n",
			"content/the/x.md: URL /the/x/ is inside /the/, the folder of the tag pages, which Loa makes; move the file out of content/the/"},
		{"tag list", "content/the/_index.md", "---\ntitle: Thẻ\n---\n",
			"content/the/_index.md: URL /the/ is the list of tags, which Loa makes; rename the file or give it another slug"},
		{"slug", "content/cac-the.md", "---\ntitle: Thẻ\nslug: the\n---\n",
			"content/cac-the.md:3: URL /the/ is the list of tags, which Loa makes; rename the file or give it another slug"},
		{"draft", "content/the/y.md", "---\ntitle: Y\ndraft: true\n---\n",
			"content/the/y.md: URL /the/y/ is inside /the/, the folder of the tag pages, which Loa makes; move the file out of content/the/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := topicFiles(1)
			files["content/chu-de/t/bai-00.md"] = "---\ntitle: Bài\ndate: 2023-01-01\ntags: [x, y]\n---\nx\n"
			files[tt.path] = tt.in
			s, errs := newSite(t, Config{}, files)
			if got := errs.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			// The generated pages stay, with their own kinds.
			for url, kind := range map[string]any{"/tim-kiem/": KindSearch, "/the/": KindTags} {
				if p := s.Page(url); p == nil || p.Kind != kind {
					t.Errorf("%s is not the page of kind %s that Loa makes", url, kind)
				}
			}
			for _, r := range s.Routes {
				if r.Page.File != nil && r.Page.File.Path == tt.path {
					t.Errorf("%s has a route %s", tt.path, r.URL)
				}
			}
		})
	}
}
