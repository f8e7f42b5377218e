package content

import (
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, path, in, want string
	}{
		{"unknown key", "content/hoi-dap/a.md", "---\ntitle: \"A?\"\ndate: 2023-05-01\ntitel: x\n---\nbody\n",
			"content/hoi-dap/a.md:4: titel: unknown key for a Q&A item; did you mean title?"},
		{"unknown key list", "content/tin-don-vi/u/_index.md", "---\ntitle: U\ncolour: red\n---\n",
			"content/tin-don-vi/u/_index.md:3: colour: unknown key for a unit; keys here are: aliases, draft, summary, title, weight"},
		{"missing date", "content/chu-de/t/a.md", "---\ntitle: A\n---\nbody\n",
			"content/chu-de/t/a.md:1: date: missing; add a line date: 2023-05-12 to the front matter"},
		{"impossible date", "content/chu-de/t/a.md", "---\ntitle: A\ndate: 2026-02-31\n---\n",
			"content/chu-de/t/a.md:3: date: \"2026-02-31\" is not a date; that day does not exist; did you mean 2026-02-28?"},
		{"vietnamese date order", "content/chu-de/t/a.md", "\n\n---\ntitle: A\ndate: 25/11/2026\n---\n",
			"content/chu-de/t/a.md:5: date: \"25/11/2026\" is not a date; write year-month-day: date: 2026-11-25"},
		{"updated before date", "content/chu-de/t/a.md", "---\ntitle: A\ndate: 2026-03-02\nupdated: 2026-03-01\n---\n",
			"content/chu-de/t/a.md:4: updated: 2026-03-01 is before the date 2026-03-02; write a date on or after the date, or remove updated"},
		{"updated not a date", "content/chu-de/t/a.md", "---\ntitle: A\ndate: 2026-03-02\nupdated: hôm qua\n---\n",
			"content/chu-de/t/a.md:4: updated: \"hôm qua\" is not a date; write year-month-day, e.g. updated: 2023-05-12 or 2023-05-12T08:00:00+07:00"},
		{"shortname too long", "content/_index.md", "---\ntitle: A\nshortname: \"Cổng thông tin điện tử thị trấn mẫu\"\n---\n",
			"content/_index.md:3: shortname: is 35 characters long; write at most 30, e.g. shortname: \"Trang tin Chỉ thị 18\""},
		{"publisher of older versions", "content/_index.md", "---\ntitle: A\npublisher: \"Đảng ủy xã B\"\n---\n",
			"content/_index.md:3: publisher: was renamed body; write body: \"Đảng ủy xã …\", the name of the body that publishes the site"},
		{"province_portal not a web address", "content/_index.md", "---\ntitle: A\nprovince_portal: tinh.dcs.vn\n---\n",
			"content/_index.md:3: province_portal: \"tinh.dcs.vn\" is not a web address; write e.g. province_portal: https://example.org/portal/"},
		{"emblem outside static", "content/_index.md", "---\ntitle: A\nemblem: ../logo.png\n---\n",
			"content/_index.md:3: emblem: \"../logo.png\" is not a path inside static/; write a path such as emblem: img/logo.png"},
		{"body on a page", "content/gioi-thieu.md", "---\ntitle: A\nbody: B\n---\n",
			"content/gioi-thieu.md:3: body: unknown key for a page; keys here are: aliases, alt, author, date, draft, example, expires, featured, image, menu, slug, summary, tags, title, unsafe, updated, weight"},
		{"shortname on a page", "content/gioi-thieu.md", "---\ntitle: A\nshortname: B\n---\n",
			"content/gioi-thieu.md:3: shortname: unknown key for a page; keys here are: aliases, alt, author, date, draft, example, expires, featured, image, menu, slug, summary, tags, title, unsafe, updated, weight"},
		{"broken yaml", "content/x.md", "---\ntitle: A\nsummary: [a\nweight: 2\n---\n",
			"content/x.md:3: front matter is not valid YAML: did not find expected ',' or ']'; write one key: value per line; put text holding a colon or quote in double quotes"},
		{"broken toml", "content/x.md", "+++\ntitle = \"A\"\nweight = \n+++\n",
			"content/x.md:3: front matter is not valid TOML: expected value but found '\\n' instead; write one key = value per line; put text in double quotes"},
		{"not closed", "content/x.md", "---\ntitle: A\n",
			"content/x.md:1: front matter is not closed; add a line --- after the last key"},
		{"no front matter", "content/x.md", "# Hello\n",
			"content/x.md:1: no front matter; start the file with a line ---, then title: \"…\" and the other keys, then a line ---"},
		{"empty", "content/x.md", " \n\n",
			"content/x.md: file is empty; write front matter and text, or delete the file"},
		{"binary", "content/x.md", "\x89PNG\r\n\x1a\n\x00\x00",
			"content/x.md:3: is a binary file, not Markdown text; put images and attachments in static/ and link them from a .md file"},
		{"windows-1258", "content/x.md", "---\ntitle: \"Gi\xe1m s\xe1t\"\n---\n",
			"content/x.md:2: is not UTF-8 text; it is probably in a legacy Vietnamese encoding (Windows-1258, TCVN3/ABC or VNI); save it as UTF-8 in your editor, or convert it, e.g. iconv -f CP1258 -t UTF-8 (Unikey's converter handles TCVN3 and VNI)"},
		{"image without alt", "content/x.md", "---\ntitle: A\nimage: a.jpg\n---\n",
			"content/x.md:3: alt: missing for the image; add alt: a short description of what the image shows, for readers who cannot see it"},
		{"escaping alias", "content/x.md", "---\ntitle: A\naliases: [\"/../../etc/\"]\n---\n",
			"content/x.md:3: aliases: \"/../../etc/\" holds a \"..\" segment; an old address is a plain path from the site root, e.g. \"/tin-cu/bai-1/\", without spaces, .. or any of * : ! ? # % \\ \" < > |"},
		{"escaping file", "content/van-ban/a.md", "---\ntitle: A\nissuer: B\nfile: ../../secret\n---\n",
			"content/van-ban/a.md:4: file: \"../../secret\" is not a path inside static/; write a path such as file: files/van-ban.pdf"},
		{"bad slug", "content/x.md", "---\ntitle: A\nslug: \"../x\"\n---\n",
			"content/x.md:3: slug: \"../x\" is not a slug; use only a–z, 0–9 and single hyphens, e.g. slug: x"},
		{"topic mismatch", "content/chu-de/t/a.md", "---\ntitle: A\ndate: 2023-01-02\ntopic: u\n---\n",
			"content/chu-de/t/a.md:4: topic: \"u\" differs from the folder \"t\" the file is in; remove the key or move the file"},
		{"duplicate key", "content/x.md", "---\ntitle: A\ntitle: B\n---\n",
			"content/x.md:3: title: key given twice (first on line 2); keep one"},
		{"article outside topic", "content/chu-de/a.md", "---\ntitle: A\n---\n",
			"content/chu-de/a.md: article files belong in a folder of their own topic under chu-de/"},
		{"bool", "content/x.md", "---\ntitle: A\ndraft: maybe\n---\n",
			"content/x.md:3: draft: \"maybe\" is not true or false; write draft: true or draft: false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := Parse(tt.path, []byte(tt.in))
			if f != nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			if got := errs.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseOK(t *testing.T) {
	in := "\ufeff---\r\ntitle: \"" + norm.NFD.String("Giám sát là gì?") + "\"\r\ndate: 2023-05-12T08:00:00+07:00\r\ntags: [\"giám sát\", Ðảng]\r\ntopic: vi-tri-vai-tro\r\n---\r\n\r\nBody line\r\n"
	f, errs := Parse("content/hoi-dap/giam-sat.md", []byte(in))
	if errs != nil {
		t.Fatal(errs)
	}
	want := time.Date(2023, 5, 12, 8, 0, 0, 0, vntext.Zone)
	if f.Meta.Title != "Giám sát là gì?" || !norm.NFC.IsNormalString(f.Meta.Title) {
		t.Errorf("title = %q, want NFC Giám sát là gì?", f.Meta.Title)
	}
	if !f.Meta.Date.Equal(want) {
		t.Errorf("date = %v, want %v", f.Meta.Date, want)
	}
	if strings.Join(f.Meta.Tags, "|") != "giám sát|Đảng" {
		t.Errorf("tags = %q", f.Meta.Tags)
	}
	if f.Kind != KindQA || f.URL != "/hoi-dap/giam-sat/" || f.Meta.Topic != "vi-tri-vai-tro" {
		t.Errorf("kind, url, topic = %s %s %s", f.Kind, f.URL, f.Meta.Topic)
	}
	if string(f.Body) != "\nBody line\n" || f.BodyLine != 7 {
		t.Errorf("body = %q at line %d, want \"\\nBody line\\n\" at 7", f.Body, f.BodyLine)
	}
	if f.Meta.Line("tags") != 4 {
		t.Errorf("tags line = %d, want 4", f.Meta.Line("tags"))
	}
}

func TestParseTOML(t *testing.T) {
	in := "+++\ntitle = \"Chỉ thị 18\"\nissuer = \"Ban Bí thư\"\nissued = 2022-10-26\nnumber = \"18-CT/TW\"\n+++\nText\n"
	f, errs := Parse("content/van-ban/chi-thi-18.md", []byte(in))
	if errs != nil {
		t.Fatal(errs)
	}
	if got := vntext.ShortDate(f.Meta.Issued); got != "26/10/2022" {
		t.Errorf("issued = %s, want 26/10/2022", got)
	}
	if !f.Meta.Date.Equal(f.Meta.Issued) {
		t.Errorf("date = %v, want issued %v", f.Meta.Date, f.Meta.Issued)
	}
	if f.Meta.Line("number") != 5 || f.BodyLine != 7 {
		t.Errorf("number line %d, body line %d; want 5, 7", f.Meta.Line("number"), f.BodyLine)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		path string
		kind Kind
		url  string
	}{
		{"content/_index.md", KindHome, "/"},
		{"content/gioi-thieu.md", KindPage, "/gioi-thieu/"},
		{"content/chu-de/_index.md", KindSection, "/chu-de/"},
		{"content/chu-de/the-che-hoa/_index.md", KindTopic, "/chu-de/the-che-hoa/"},
		{"content/chu-de/the-che-hoa/bai-1.md", KindArticle, "/chu-de/the-che-hoa/bai-1/"},
		{"content/hoi-dap/cau-1.md", KindQA, "/hoi-dap/cau-1/"},
		{"content/tin-don-vi/mttq/_index.md", KindUnit, "/tin-don-vi/mttq/"},
		{"content/tin-don-vi/mttq/tin.md", KindNews, "/tin-don-vi/mttq/tin/"},
		{"content/van-ban/ct-18.md", KindDocument, "/van-ban/ct-18/"},
		{"content/khac/Trang Một.md", KindPage, "/khac/trang-mot/"},
	}
	for _, tt := range tests {
		kind, _, _, err := classify(tt.path)
		if err != nil || kind != tt.kind {
			t.Errorf("classify(%s) = %s, %v; want %s", tt.path, kind, err, tt.kind)
		}
		if got := fileURL(tt.path, kind, ""); got != tt.url {
			t.Errorf("fileURL(%s) = %s, want %s", tt.path, got, tt.url)
		}
	}
}
