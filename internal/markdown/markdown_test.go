package markdown

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	c := New(Config{BasePath: "/portal/"})
	body := "\n## Giám sát là gì?\n\nXem [hỏi đáp](/hoi-dap/) và \"trích dẫn\" -- chính trị - xã hội.\n\n## Giám sát là gì?\n\n![ảnh](/images/a.jpg)\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html,hi)\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
	res, err := c.Convert([]byte(body), 5, false)
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	for _, want := range []string{
		`<h2 id="giam-sat-la-gi">Giám sát là gì?</h2>`,
		`<h2 id="giam-sat-la-gi-1">`,
		`<a href="/portal/hoi-dap/">hỏi đáp</a>`,
		`“trích dẫn”`,
		`– chính trị - xã hội`,
		`<img src="/portal/images/a.jpg" alt="ảnh">`,
		`<table>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s\n%s", want, html)
		}
	}
	for _, bad := range []string{"<script", "javascript:", "JaVaScRiPt", "data:text"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML holds %s\n%s", bad, html)
		}
	}
	wantLinks := []Link{{Dest: "/hoi-dap/", Line: 8}, {Dest: "/images/a.jpg", Line: 12, Image: true}}
	if len(res.Links) != 2 || res.Links[0] != wantLinks[0] || res.Links[1] != wantLinks[1] {
		t.Errorf("links = %+v, want %+v", res.Links, wantLinks)
	}
	if len(res.Headings) != 2 || res.Headings[0].ID != "giam-sat-la-gi" || res.Headings[0].Text != "Giám sát là gì?" {
		t.Errorf("headings = %+v", res.Headings)
	}
	if !strings.HasPrefix(res.Lead, "Xem hỏi đáp và") {
		t.Errorf("lead = %q", res.Lead)
	}
	if strings.Contains(res.Text, "alert") && strings.Contains(res.Text, "<script") {
		t.Errorf("text holds raw HTML: %q", res.Text)
	}
}

func TestConvertUnsafe(t *testing.T) {
	res, err := New(Config{}).Convert([]byte("<div class=\"x\">hi</div>\n\n[a](javascript:void(0))\n"), 1, true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.HTML), `<div class="x">hi</div>`) || !strings.Contains(string(res.HTML), `href="javascript:void(0)"`) {
		t.Errorf("unsafe page lost its HTML: %s", res.HTML)
	}
}
