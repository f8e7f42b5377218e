package build

import (
	"bytes"
	"encoding/json"
	"html"
	"image"
	"image/png"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/loa-vn/loa/internal/render"
)

var (
	titleTag   = regexp.MustCompile(`<title>(.*?)</title>`)
	descTag    = regexp.MustCompile(`<meta name=description content="([^"]*)">`)
	ogDescTag  = regexp.MustCompile(`<meta property="og:description" content="([^"]*)">`)
	ogAltTag   = regexp.MustCompile(`<meta property="og:image:alt" content="([^"]*)">`)
	ogImageTag = regexp.MustCompile(`<meta property="og:image" `)
	noindexTag = regexp.MustCompile(`<meta name="?robots"? content="?noindex"?>`)
	canonical  = regexp.MustCompile(`<link rel="?canonical"? `)
	iconTag    = regexp.MustCompile(`<link rel=icon href="([^"]*)"`)
	touchTag   = regexp.MustCompile(`<link rel=apple-touch-icon href="([^"]*)"`)
	faviconTag = regexp.MustCompile(`<link rel=icon (?:type=image/png sizes=192x192 )?href="([^"]*)"`)
	emblemTag  = regexp.MustCompile(`<img class=emblem src="([^"]*)"`)
	ogImageURL = regexp.MustCompile(`<meta property="og:image" content="?([^"> ]*)`)
)

// find returns the first group of re in page, or "(none)".
func find(re *regexp.Regexp, page []byte) string {
	if m := re.FindSubmatch(page); m != nil {
		return string(m[1])
	}
	return "(none)"
}

// TestDescriptions checks the meta description of each kind of page: the
// description setting on the home page (not its first paragraph), an
// item's summary, and a sentence of its own on each list page.
func TestDescriptions(t *testing.T) {
	files := buildLDSite(t)
	tests := []struct{ page, want string }{
		{"index.html", "Trang tuyên truyền Chỉ thị 18 của thị trấn."},
		{"chu-de/vai-tro/bai/index.html", `Tóm tắt &#34;có ngoặc&#34;`},
		{"tin-don-vi/mttq/hoi-nghi/index.html", "Tin hội nghị."},
		{"chu-de/index.html", "Các chủ đề tuyên truyền trên Cổng thông tin."},
		{"chu-de/vai-tro/index.html", "Bài viết, hỏi - đáp và tin về chủ đề “Vai trò” trên Cổng thông tin."},
		{"tin-don-vi/index.html", "Tin của các đơn vị trên Cổng thông tin."},
		{"tin-don-vi/mttq/index.html", "Tin và bài viết của Ủy ban MTTQ trên Cổng thông tin."},
		{"hoi-dap/index.html", "Câu hỏi và trả lời trên Cổng thông tin."},
		{"the/index.html", "Các thẻ của bài viết, hỏi - đáp và tin trên Cổng thông tin."},
		{"the/giam-sat/index.html", "Bài viết, hỏi - đáp và tin có thẻ “giám sát” trên Cổng thông tin."},
		{"tim-kiem/index.html", "Tìm bài viết, hỏi - đáp, tin và văn bản trên Cổng thông tin."},
		{"404.html", "Trang bạn tìm không có trên Cổng thông tin hoặc đã được chuyển đi."},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			page := files[tt.page]
			if got := find(descTag, page); got != tt.want {
				t.Errorf("description %q, want %q", got, tt.want)
			}
			if got := find(ogDescTag, page); got != tt.want {
				t.Errorf("og:description %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNoIndex checks that a tag page with one item, an alias's redirect
// page and the 404 page are noindex and out of the sitemap, and that the
// 404 page has no canonical URL.
func TestNoIndex(t *testing.T) {
	files := buildLDSite(t)
	sitemap := string(files["sitemap.xml"])
	tests := []struct {
		page, loc string
		noindex   bool
	}{
		{"the/mot-minh/index.html", "https://example.org/the/mot-minh/", true},
		{"the/giam-sat/index.html", "https://example.org/the/giam-sat/", false},
		{"cu/bai/index.html", "https://example.org/cu/bai/", true},
		{"404.html", "https://example.org/404.html", true},
		{"chu-de/vai-tro/bai/index.html", "https://example.org/chu-de/vai-tro/bai/", false},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			if got := noindexTag.Match(files[tt.page]); got != tt.noindex {
				t.Errorf("noindex %v, want %v", got, tt.noindex)
			}
			if got := strings.Contains(sitemap, "<loc>"+tt.loc+"</loc>"); got == tt.noindex {
				t.Errorf("in the sitemap %v, want %v", got, !tt.noindex)
			}
		})
	}
	if canonical.Match(files["404.html"]) {
		t.Error("404.html has a canonical URL")
	}
}

// TestTitles checks that <title> ends with the shortname when the site
// has one, and else with the site's title only while the whole stays
// within 60 characters.
func TestTitles(t *testing.T) {
	site := func(home string) string {
		return "-- content/_index.md --\n---\n" + home + "\n---\n" + `
-- content/chu-de/vai-tro/_index.md --
---
title: "Vai trò"
---
-- content/chu-de/vai-tro/bai.md --
---
title: "Giám sát và phản biện xã hội của Mặt trận"
date: 2026-11-20
---
Nội dung.
`
	}
	tests := []struct{ name, home, page, want string }{
		{"short site title", `title: "Loa"`, "chu-de/vai-tro/bai/index.html", "Giám sát và phản biện xã hội của Mặt trận | Loa"},
		{"long site title", `title: "Loa - Tuyên truyền Chỉ thị 18-CT/TW"`, "chu-de/vai-tro/bai/index.html", "Giám sát và phản biện xã hội của Mặt trận"},
		{"long site title, short page", `title: "Loa - Tuyên truyền Chỉ thị 18-CT/TW"`, "chu-de/vai-tro/index.html", "Vai trò | Loa - Tuyên truyền Chỉ thị 18-CT/TW"},
		{"shortname", "title: \"Loa - Tuyên truyền Chỉ thị 18-CT/TW\"\nshortname: \"Loa 18\"", "chu-de/vai-tro/bai/index.html", "Giám sát và phản biện xã hội của Mặt trận | Loa 18"},
		{"shortname, long page", "title: \"Loa - Tuyên truyền Chỉ thị 18-CT/TW\"\nshortname: \"Trang tin Chỉ thị 18\"", "chu-de/vai-tro/bai/index.html", "Giám sát và phản biện xã hội của Mặt trận"},
		{"shortname, short page", "title: \"Loa - Tuyên truyền Chỉ thị 18-CT/TW\"\nshortname: \"Trang tin Chỉ thị 18\"", "chu-de/vai-tro/index.html", "Vai trò | Trang tin Chỉ thị 18"},
		{"home", "title: \"Loa - Tuyên truyền Chỉ thị 18-CT/TW\"\nshortname: \"Loa 18\"", "index.html", "Loa - Tuyên truyền Chỉ thị 18-CT/TW"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, files, err := buildTxtar(t, txtar.Parse([]byte(site(tt.home))), "https://example.org/")
			if err != nil {
				t.Fatal(err)
			}
			if got := find(titleTag, files[tt.page]); got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
		})
	}
}

// TestShareImageAlt checks that every page with og:image describes it:
// an item's drawn card by its title and the site's name, any other page's
// the site's card (its title and body); an alias page, the card of its
// page. Every page of the site has one: none shows the theme's picture.
func TestShareImageAlt(t *testing.T) {
	files := buildLDSite(t)
	cards := map[string]string{
		"hoi-dap/hoi/index.html":              "Giám sát là gì? – Cổng thông tin",
		"chu-de/vai-tro/bai/index.html":       "Giám sát &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; phản biện – Cổng thông tin",
		"tin-don-vi/mttq/hoi-nghi/index.html": "Hội nghị – Cổng thông tin",
		// The alias page of the article shares the article's card; feed
		// writes it minified, escaping only what an attribute needs.
		"cu/bai/index.html": "Giám sát </script><script>alert(1)</script> & phản biện – Cổng thông tin",
	}
	siteCard := ""
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "quan-tri/") {
			continue
		}
		if !ogImageTag.Match(page) {
			t.Errorf("%s has no og:image", name)
			continue
		}
		want, ok := cards[name]
		if !ok {
			want = "Cổng thông tin – Đảng ủy thị trấn"
			if img := find(ogImageURL, page); siteCard == "" {
				siteCard = img
			} else if img != siteCard {
				t.Errorf("%s: og:image %s, want the site's card %s", name, img, siteCard)
			}
		}
		if got := find(ogAltTag, page); got != want {
			t.Errorf("%s: og:image:alt %q, want %q", name, got, want)
		}
		delete(cards, name)
	}
	for name := range cards {
		t.Errorf("%s has no og:image", name)
	}
	if !strings.HasPrefix(siteCard, "https://example.org/"+CardFolder+"/") {
		t.Errorf("the site's card is %q, want a drawn card", siteCard)
	}
	if _, ok := files[strings.TrimPrefix(siteCard, "https://example.org/")]; !ok {
		t.Errorf("the site's card %s is not written", siteCard)
	}
}

// TestManifest checks the web app manifest and its link from the pages.
func TestManifest(t *testing.T) {
	ar := txtar.Parse([]byte(ldSite))
	ar.Files[0].Data = []byte(strings.Replace(string(ar.Files[0].Data), "---\n", "---\nshortname: \"Loa\"\n", 1))
	_, files, err := buildTxtar(t, ar, "https://example.org/portal/")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(files["manifest.webmanifest"], &got); err != nil {
		t.Fatalf("manifest.webmanifest: %v\n%s", err, files["manifest.webmanifest"])
	}
	icon := find(iconTag, files["index.html"]) // the emblem, fingerprinted or not
	if icon == "(none)" || !strings.HasPrefix(icon, "/portal/img/emblem") {
		t.Fatalf("favicon link %q", icon)
	}
	want := map[string]any{
		"name": "Cổng thông tin", "short_name": "Loa", "lang": "vi", "start_url": "/portal/", "scope": "/portal/",
		"display": "standalone", "theme_color": "#a3161b", "background_color": "#ffffff",
		"icons": []any{
			map[string]any{"src": icon, "sizes": "any", "type": "image/svg+xml"},
			map[string]any{"src": "/portal/img/emblem-192.png", "sizes": "192x192", "type": "image/png"},
			map[string]any{"src": "/portal/img/emblem-512.png", "sizes": "512x512", "type": "image/png"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("manifest\ngot  %v\nwant %v", got, want)
	}
	if !strings.Contains(string(files["index.html"]), `<link rel=manifest href="/portal/manifest.webmanifest">`) {
		t.Error("index.html does not link the manifest")
	}
	if touch := find(touchTag, files["index.html"]); touch != "/portal/img/emblem-180.png" {
		t.Errorf("apple-touch-icon %q, want the theme's 180 px rendering of its mark", touch)
	}
	for _, name := range []string{"img/emblem-180.png", "img/emblem-192.png", "img/emblem-512.png"} {
		if len(files[name]) == 0 {
			t.Errorf("%s not written", name)
		}
	}
}

// TestOwnEmblemIcons: a site with its own emblem gets it as the
// manifest's "any size" icon, and square PNG icons of 180 (the
// apple-touch-icon), 192 and 512 pixels: the renderings it puts beside
// the emblem when they have the right size, else icons Loa makes from a
// PNG or JPEG emblem. An SVG emblem with no renderings gets none, and a
// notice on the emblem line says how to have them.
func TestOwnEmblemIcons(t *testing.T) {
	made := regexp.MustCompile(`^/img/logo\.[0-9a-f]{10}\.icon(\d+)\.png$`)
	for _, tc := range []struct {
		name       string
		emblem     string
		files      map[string][]byte
		want       []string // manifest icons; "made N" is an icon Loa made of N pixels
		touch      string   // the apple-touch-icon; "made 180" as above
		wantNotice bool
	}{
		{"renderings, one of the wrong size", "img/logo.png",
			map[string][]byte{"img/logo.png": pngOf(t, 600, 600), "img/logo-180.png": pngOf(t, 180, 180), "img/logo-192.png": pngOf(t, 192, 192), "img/logo-512.png": pngOf(t, 500, 500)},
			[]string{"/img/logo.png 600x600 image/png", "/img/logo-192.png 192x192 image/png", "made 512"}, "/img/logo-180.png", false},
		{"a PNG emblem alone", "img/logo.png",
			map[string][]byte{"img/logo.png": pngOf(t, 300, 200)},
			[]string{"/img/logo.png 300x200 image/png", "made 192", "made 512"}, "made 180", false},
		{"an SVG emblem alone", "img/logo.svg",
			map[string][]byte{"img/logo.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>`)},
			[]string{"/img/logo.svg any image/svg+xml"}, "(none)", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ar := txtar.Parse([]byte(ldSite))
			ar.Files[0].Data = []byte(strings.Replace(string(ar.Files[0].Data), "---\n", "---\nemblem: "+tc.emblem+"\n", 1))
			for _, name := range slices.Sorted(maps.Keys(tc.files)) {
				ar.Files = append(ar.Files, txtar.File{Name: "static/" + name, Data: tc.files[name]})
			}
			res, files, err := buildTxtar(t, ar, "https://example.org/")
			if err != nil {
				t.Fatal(err)
			}
			var got struct{ Icons []map[string]string }
			if err := json.Unmarshal(files["manifest.webmanifest"], &got); err != nil {
				t.Fatal(err)
			}
			// madeIcon checks a made icon's file and names it "made N".
			madeIcon := func(src string) string {
				m := made.FindStringSubmatch(src)
				if m == nil {
					return src
				}
				img, err := png.Decode(bytes.NewReader(files[strings.TrimPrefix(src, "/")]))
				if err != nil {
					t.Errorf("%s: %v", src, err)
				} else if b := img.Bounds(); strconv.Itoa(b.Dx()) != m[1] || b.Dx() != b.Dy() {
					t.Errorf("%s is %d×%d", src, b.Dx(), b.Dy())
				}
				return "made " + m[1]
			}
			var srcs []string
			for _, ic := range got.Icons {
				if s := madeIcon(ic["src"]); strings.HasPrefix(s, "made ") {
					srcs = append(srcs, s)
					if want := strings.TrimPrefix(s, "made ") + "x" + strings.TrimPrefix(s, "made "); ic["sizes"] != want || ic["type"] != "image/png" {
						t.Errorf("%s: sizes %q, type %q", ic["src"], ic["sizes"], ic["type"])
					}
				} else {
					srcs = append(srcs, ic["src"]+" "+ic["sizes"]+" "+ic["type"])
				}
			}
			if !reflect.DeepEqual(srcs, tc.want) {
				t.Errorf("icons %q, want %q", srcs, tc.want)
			}
			if touch := madeIcon(find(touchTag, files["index.html"])); touch != tc.touch {
				t.Errorf("apple-touch-icon %q, want %q", touch, tc.touch)
			}
			// The favicon is the SVG emblem, else the 192-pixel icon; the
			// header shows a raster emblem 128 pixels wide (these are
			// wider), not as it was put in static/.
			icon, header := find(faviconTag, files["index.html"]), find(emblemTag, files["index.html"])
			if strings.HasSuffix(tc.emblem, ".svg") {
				if icon != "/"+tc.emblem || header != "/"+tc.emblem {
					t.Errorf("favicon %q, header emblem %q, want the SVG", icon, header)
				}
			} else {
				if len(got.Icons) < 2 || icon != got.Icons[1]["src"] {
					t.Errorf("favicon %q, want the 192-pixel icon", icon)
				}
				img, err := png.Decode(bytes.NewReader(files[strings.TrimPrefix(header, "/")]))
				if err != nil || img.Bounds().Dx() != 128 {
					t.Errorf("header emblem %q: %v, want a 128-pixel copy", header, err)
				}
			}
			var notice string
			for _, n := range otherNotices(res) {
				if n.Field == "emblem" {
					notice = n.Error()
				}
			}
			if tc.wantNotice != (notice != "") || tc.wantNotice && !strings.Contains(notice, "content/_index.md:2: notice: emblem: ") {
				t.Errorf("emblem notice %q, want one: %v", notice, tc.wantNotice)
			}
		})
	}
}

// pngOf is a w×h PNG.
func pngOf(t *testing.T, w, h int) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSampleTitles checks that no <title> of the sample portal passes
// render.MaxTitle characters because of the site's name after it: a page
// whose own title is that long shows it alone.
func TestSampleTitles(t *testing.T) {
	_, files := buildSample(t, "https://example.org/")
	suffixed := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "quan-tri/") {
			continue
		}
		title := html.UnescapeString(find(titleTag, data))
		if title == "" {
			t.Errorf("%s has no <title>", name)
		}
		if !strings.Contains(title, " | ") {
			continue
		}
		suffixed++
		if n := utf8.RuneCountInString(title); n > render.MaxTitle {
			t.Errorf("%s: <title> %q is %d characters, more than %d", name, title, n, render.MaxTitle)
		}
	}
	if suffixed < 50 {
		t.Errorf("only %d titles carry the site's name; want the short ones to", suffixed)
	}
}
