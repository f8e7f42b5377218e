package build

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var metaTag = regexp.MustCompile(`<meta (?:property|name)=("[^"]*"|[^\s>]+) content=("[^"]*"|'[^']*'|[^\s>]+)>`)

// metaTags returns the meta tags of a page by name, their values decoded.
func metaTags(page []byte) map[string]string {
	tags := map[string]string{}
	for _, m := range metaTag.FindAllSubmatch(page, -1) {
		tags[unquote(string(m[1]))] = html.UnescapeString(unquote(string(m[2])))
	}
	return tags
}

// unquote takes the quotes off an attribute value.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// TestAliasPageCard checks the page of an alias (/cu/bai/ of ldSite's
// article): noindex, and the Open Graph tags of the page it leads to, with
// absolute URLs when the site's address is known and none without; its
// image is the article's share card.
func TestAliasPageCard(t *testing.T) {
	tests := []struct {
		base string
		want map[string]string
	}{
		{"https://example.org/portal/", map[string]string{
			"robots": "noindex", "og:type": "article", "og:title": "Giám sát </script><script>alert(1)</script> & phản biện",
			"og:description": `Tóm tắt "có ngoặc"`, "og:url": "https://example.org/portal/chu-de/vai-tro/bai/",
			"og:image": "https://example.org/portal/anh-chia-se/*", "og:image:alt": "Giám sát </script><script>alert(1)</script> & phản biện – Cổng thông tin",
			"og:site_name": "Cổng thông tin", "og:locale": "vi_VN",
		}},
		{"", map[string]string{
			"robots": "noindex", "og:type": "article", "og:title": "Giám sát </script><script>alert(1)</script> & phản biện",
			"og:description": `Tóm tắt "có ngoặc"`, "og:site_name": "Cổng thông tin", "og:locale": "vi_VN",
		}},
	}
	for _, tt := range tests {
		t.Run("base="+tt.base, func(t *testing.T) {
			_, files, err := buildTxtar(t, txtar.Parse([]byte(ldSite)), tt.base)
			if err != nil {
				t.Fatal(err)
			}
			got := metaTags(files["cu/bai/index.html"])
			for k, want := range tt.want {
				if prefix, ok := strings.CutSuffix(want, "*"); ok && strings.HasPrefix(got[k], prefix) {
					continue // the article's share card, named by its hash
				}
				if got[k] != want {
					t.Errorf("%s = %q, want %q", k, got[k], want)
				}
			}
			for k := range got {
				if _, ok := tt.want[k]; !ok {
					t.Errorf("unexpected %s = %q", k, got[k])
				}
			}
			// The article's own page says the same.
			own := metaTags(files["chu-de/vai-tro/bai/index.html"])
			for _, k := range []string{"og:type", "og:title", "og:description", "og:url", "og:image", "og:image:alt"} {
				if own[k] != got[k] {
					t.Errorf("%s: alias page %q, own page %q", k, got[k], own[k])
				}
			}
		})
	}
}
