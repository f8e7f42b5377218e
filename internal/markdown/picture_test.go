package markdown

import (
	"strings"
	"testing"
)

func TestPicture(t *testing.T) {
	pic := &Picture{Width: 1600, Height: 1200, Sources: []Source{
		{Type: "image/webp", Files: []File{{"/anh/hop.k.360.webp", 360}, {"/anh/hop.k.720.webp", 720}}},
		{Type: "image/jpeg", Files: []File{{"/anh/hop.k.360.jpg", 360}, {"/anh/hop.k.720.jpg", 720}}},
	}}
	small := &Picture{Width: 100, Height: 50, Sources: []Source{
		{Type: "image/webp", Files: []File{{"/anh/a b,c.k.100.webp", 100}}},
		{Type: "image/png", Files: []File{{"/anh/a b,c.k.100.png", 100}}},
	}}
	c := New(Config{BasePath: "/p/", Picture: func(p string) (*Picture, bool) {
		return map[string]*Picture{"/anh/hop.jpg": pic, "/anh/a b,c.png": small}[p], p != "/anh/khac.jpg"
	}})
	const (
		lazy  = `<picture><source type="image/webp" srcset="/p/anh/hop.k.360.webp 360w, /p/anh/hop.k.720.webp 720w" sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"><img src="/p/anh/hop.k.720.jpg" srcset="/p/anh/hop.k.360.jpg 360w, /p/anh/hop.k.720.jpg 720w" sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)" width="1600" height="1200" alt="Hội nghị &lt;1&gt;" loading="lazy" decoding="async"></picture>`
		eager = `<picture><source type="image/webp" srcset="/p/anh/hop.k.360.webp 360w, /p/anh/hop.k.720.webp 720w" sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"><img src="/p/anh/hop.k.720.jpg" srcset="/p/anh/hop.k.360.jpg 360w, /p/anh/hop.k.720.jpg 720w" sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)" width="1600" height="1200" alt="Hội nghị &lt;1&gt;" fetchpriority="high"></picture>`
		tiny  = `<picture><source type="image/webp" srcset="/p/anh/a%20b%2Cc.k.100.webp 100w" sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"><img src="/p/anh/a%20b%2Cc.k.100.png" srcset="/p/anh/a%20b%2Cc.k.100.png 100w" sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)" width="100" height="50" alt="nhỏ" loading="lazy" decoding="async"></picture>`
	)
	tests := []struct {
		name, body string
		lead       bool
		want       string
	}{
		{"first large image is eager", "![Hội nghị <1>](/anh/hop.jpg)\n\n![Hội nghị <1>](/anh/hop.jpg)", false, "<p>" + eager + "</p>\n<p>" + lazy + "</p>\n"},
		{"after a lead image, all lazy", "![Hội nghị <1>](/anh/hop.jpg)", true, "<p>" + lazy + "</p>\n"},
		{"a small image is not the large one", "![nhỏ](</anh/a b,c.png>) ![Hội nghị <1>](/anh/hop.jpg)", false, "<p>" + tiny + " " + eager + "</p>\n"},
		{"no picture: plain img", "![khác](/anh/khac.jpg)", false, `<p><img src="/p/anh/khac.jpg" alt="khác"></p>` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.Convert([]byte(tt.body), Options{LeadImage: tt.lead})
			if err != nil {
				t.Fatal(err)
			}
			if got := string(res.HTML); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if len(res.Links) == 0 || !res.Links[0].Image {
				t.Errorf("the image is not reported as a link: %+v", res.Links)
			}
			if !strings.Contains(res.Text, "Hội nghị") && !strings.Contains(res.Text, "nhỏ") && !strings.Contains(res.Text, "khác") {
				t.Errorf("alt text missing from the plain text %q", res.Text)
			}
		})
	}
}
