package build

import (
	"context"
	"github.com/loa-vn/loa/internal/cms"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/loa-vn/loa/internal/output"
)

// builtWith is the footer's one line that names Loa.
const builtWith = "<p class=built>Xây dựng bằng Loa</p>"

// TestSampleBrand checks that the built sample portal names the product
// only in the footer's built-with line: not as the site's title, header,
// og:site_name, manifest name or home heading, and not in its text; and
// that no page shows a "(cập nhật …)" placeholder for a setting.
func TestSampleBrand(t *testing.T) {
	mem := output.NewMemory()
	if _, err := Build(context.Background(), Config{Site: os.DirFS("../.."), Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow}, mem); err != nil {
		t.Fatal(err)
	}
	loa := regexp.MustCompile(`\bLoa\b`)
	pages := 0
	for name, data := range mem.Files() {
		if strings.HasPrefix(name, cms.Dir+"/") {
			continue // the web editor is not a page of the portal
		}
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".webmanifest") && !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".json") {
			continue
		}
		text := string(data)
		if strings.HasSuffix(name, ".html") && !strings.Contains(name, "chi-muc") {
			pages++
			if strings.Count(text, builtWith) != 1 {
				t.Errorf("%s: the built-with line appears %d times, want once", name, strings.Count(text, builtWith))
			}
			text = strings.Replace(text, builtWith, "", 1)
		}
		if m := loa.FindStringIndex(text); m != nil {
			t.Errorf("%s: names Loa: …%s…", name, text[max(0, m[0]-60):min(len(text), m[1]+40)])
		}
		if i := strings.Index(text, "(cập nhật"); i >= 0 {
			t.Errorf("%s: shows a placeholder: …%s…", name, text[i:min(len(text), i+40)])
		}
	}
	if pages < 100 {
		t.Errorf("checked %d pages, want the whole sample portal", pages)
	}
}
