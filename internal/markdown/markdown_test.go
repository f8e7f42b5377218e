package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestConvert(t *testing.T) {
	c := New(Config{BasePath: "/portal/"})
	body := "\n## Giám sát là gì?\n\nXem [hỏi đáp](/hoi-dap/) và \"trích dẫn\" -- chính trị - xã hội.\n\n## Giám sát là gì?\n\n![ảnh](/images/a.jpg)\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html,hi)\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
	res, err := c.Convert([]byte(body), Options{FirstLine: 5})
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
	res, err := New(Config{}).Convert([]byte("<div class=\"x\">hi</div>\n\n[a](javascript:void(0))\n"), Options{FirstLine: 1, Unsafe: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.HTML), `<div class="x">hi</div>`) || !strings.Contains(string(res.HTML), `href="javascript:void(0)"`) {
		t.Errorf("unsafe page lost its HTML: %s", res.HTML)
	}
}

func TestDocumentNumbers(t *testing.T) {
	c := New(Config{BasePath: "/p", Documents: map[string]string{
		"18-CT/TW": "/van-ban/ct-18/", "50-HD/HU": "/van-ban/hd-50/", "42/2022/NĐ-CP": "/van-ban/nd-42/",
	}})
	tests := []struct {
		in, html string
		cites    []string
	}{
		{"Chỉ thị số 18-CT/TW, ngày 26/10/2022.", `Chỉ thị số <a href="/p/van-ban/ct-18/"><span class="docno">18-CT/TW</span></a>, ngày 26/10/2022.`, []string{"18-CT/TW"}},
		{"Hướng dẫn số 50 - HD/HU và Nghị định 42/2022/NĐ-CP.", `Hướng dẫn số <a href="/p/van-ban/hd-50/"><span class="docno">50 - HD/HU</span></a> và Nghị định <a href="/p/van-ban/nd-42/"><span class="docno">42/2022/NĐ-CP</span></a>.`, []string{"50-HD/HU", "42/2022/NĐ-CP"}},
		{"Số 7/2023 hay 18-CT?", `Số 7/2023 hay 18-CT?`, nil},
		// The parser splits text where a dash might start ("18" "-CT/TW"):
		// numbers across the split are found too.
		{"Chỉ thị 18-CT/TW", `Chỉ thị <a href="/p/van-ban/ct-18/"><span class="docno">18-CT/TW</span></a>`, []string{"18-CT/TW"}},
		{"Theo 18-CT/TW và 60-NQ/TW", `Theo <a href="/p/van-ban/ct-18/"><span class="docno">18-CT/TW</span></a> và <span class="docno">60-NQ/TW</span>`, []string{"18-CT/TW", "60-NQ/TW"}},
		{"Luật 75/2015/QH13 chưa có trang.", `Luật <span class="docno">75/2015/QH13</span> chưa có trang.`, []string{"75/2015/QH13"}},
		{"`18-CT/TW` và [18-CT/TW](/x/) và *18-CT/TW*", `<code>18-CT/TW</code> và <a href="/p/x/">18-CT/TW</a> và <em><a href="/p/van-ban/ct-18/"><span class="docno">18-CT/TW</span></a></em>`, []string{"18-CT/TW"}},
		{"## Chỉ thị 18-CT/TW", `<h2 id="chi-thi-18-ct-tw">Chỉ thị <span class="docno">18-CT/TW</span></h2>`, nil},
		{"Nhiệm kỳ 2020 - 2025, ngày 05/4/2023, TCVN 6909:2001, a18-CT/TW, /18-CT/TW.", `Nhiệm kỳ 2020 - 2025, ngày 05/4/2023, TCVN 6909:2001, a18-CT/TW, /18-CT/TW.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			res, err := c.Convert([]byte(tt.in), Options{FirstLine: 3})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(res.HTML), tt.html) {
				t.Errorf("HTML %s\nwant it to hold %s", res.HTML, tt.html)
			}
			var cites []string
			for _, ct := range res.Citations {
				cites = append(cites, ct.Number)
				if ct.Line != 3 {
					t.Errorf("citation %s on line %d, want 3", ct.Number, ct.Line)
				}
			}
			if strings.Join(cites, " ") != strings.Join(tt.cites, " ") {
				t.Errorf("citations %q, want %q", cites, tt.cites)
			}
		})
	}
	// A document page does not link to itself.
	res, _ := c.Convert([]byte("Chỉ thị 18-CT/TW."), Options{URL: "/van-ban/ct-18/"})
	if strings.Contains(string(res.HTML), "<a") {
		t.Errorf("self link: %s", res.HTML)
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"# Tiêu đề\n\nChỉ thị 18-CT/TW", "[x](javascript:alert(1))", "<script>alert(1)</script>", "| a |\n|---|\n| <b> |", "`18-CT/TW` *50-HD/HU*"} {
		f.Add(s)
	}
	c := New(Config{BasePath: "/p", Documents: map[string]string{"18-CT/TW": "/van-ban/a/"}})
	f.Fuzz(func(t *testing.T, in string) {
		res, err := c.Convert([]byte(in), Options{FirstLine: 1})
		if err != nil {
			return
		}
		html := string(res.HTML)
		if !utf8.ValidString(html) && utf8.ValidString(in) {
			t.Fatalf("invalid UTF-8 output for valid input %q", in)
		}
		if strings.Contains(strings.ToLower(html), "<script") {
			t.Fatalf("unescaped <script in output of %q: %s", in, html)
		}
		if strings.Contains(strings.ToLower(html), "javascript:") && !strings.Contains(strings.ToLower(in), "javascript:") {
			t.Fatalf("javascript: appeared from nowhere: %q", in)
		}
	})
}

func TestImageSize(t *testing.T) {
	c := New(Config{BasePath: "/p", ImageSize: func(p string) (int, int, bool) {
		if p == "/img/a.png" {
			return 640, 480, true
		}
		return 0, 0, false
	}})
	res, err := c.Convert([]byte("![Ảnh](/img/a.png) ![Khác](/img/b.png)"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<img src="/p/img/a.png" alt="Ảnh" width="640" height="480">`, `<img src="/p/img/b.png" alt="Khác">`} {
		if !strings.Contains(string(res.HTML), want) {
			t.Errorf("HTML %s lacks %s", res.HTML, want)
		}
	}
}

func TestGoneLinks(t *testing.T) {
	c := New(Config{BasePath: "/p", Gone: func(p string) bool { return p == "/tin/cu/" || p == "/tin/cũ/" }})
	tests := []struct{ in, want string }{
		{"Xem [tin cũ](/tin/cu/).", "<p>Xem tin cũ.</p>\n"},
		{"Xem [*tin* cũ](/tin/cu/#a \"tiêu đề\") và [mới](/tin/moi/).", "<p>Xem <em>tin</em> cũ và <a href=\"/p/tin/moi/\">mới</a>.</p>\n"},
		{"[tin](/tin/c%C5%A9/?x=1)", "<p>tin</p>\n"},
		{"[![Ảnh](/img/a.png)](/tin/cu/)", "<p><img src=\"/p/img/a.png\" alt=\"Ảnh\"></p>\n"},
		{"![Ảnh](/tin/cu/)", "<p><img src=\"/p/tin/cu/\" alt=\"Ảnh\"></p>\n"},
		{"[tin](/tin/cu)", "<p><a href=\"/p/tin/cu\">tin</a></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			res, err := c.Convert([]byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if string(res.HTML) != tt.want {
				t.Errorf("got %q, want %q", res.HTML, tt.want)
			}
			if len(res.Links) == 0 {
				t.Error("the link is not reported")
			}
		})
	}
}
