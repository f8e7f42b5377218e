package build

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/loa-vn/loa/internal/output"
)

// askSite has a Q&A item and the settings given.
func askSite(settings string, more map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"content/_index.md":    {Data: []byte("---\ntitle: T\n" + settings + "---\n")},
		"content/hoi-dap/a.md": {Data: []byte("---\ntitle: \"Hỏi gì?\"\ndate: 2023-01-01\n---\nĐáp.\n")},
	}
	for name, data := range more {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func buildAsk(t *testing.T, fsys fstest.MapFS, forms bool) map[string]string {
	t.Helper()
	mem := output.NewMemory()
	if _, err := Build(context.Background(), Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow, Forms: forms}, mem); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, data := range mem.Files() {
		out[name] = plain(data)
	}
	return out
}

// TestAskPages checks the pages Loa makes for readers' questions: the
// form only where the host takes forms, the e-mail and Zalo ways always,
// the thank-you page kept out of search engines, the Q&A list linking to
// the form, and the contact page from the settings.
func TestAskPages(t *testing.T) {
	const settings = "email: bbt@example.org\nzalo: 0912 345 678\nphone: \"0251 3822 123\"\naddress: \"Số 1, đường A\"\n"
	tests := []struct {
		name     string
		fsys     fstest.MapFS
		forms    bool
		page     string
		want     []string
		dontWant []string
	}{
		{"form on Netlify", askSite(settings, nil), true, "gui-cau-hoi/index.html",
			[]string{"<form class=ask-form name=cau-hoi method=post action=/gui-cau-hoi/da-gui/ data-netlify=true data-netlify-honeypot=bot-field>",
				"<input name=bot-field", "<h2 id=cach-gui-khac>Cách gửi khác</h2>",
				"<a href=mailto:bbt@example.org?subject=C%C3%A2u%20h%E1%BB%8Fi%20g%E1%BB%ADi%20Ban%20bi%C3%AAn%20t%E1%BA%ADp>",
				"<a href=https://zalo.me/0912345678 rel=noopener>Nhắn tin Zalo đến số 0912345678</a>"},
			nil},
		{"no form elsewhere", askSite(settings, nil), false, "gui-cau-hoi/index.html",
			[]string{"<h2 id=cach-gui-khac>Cách gửi câu hỏi</h2>", "mailto:bbt@example.org", "https://zalo.me/0912345678"},
			[]string{"<form class=ask-form", "data-netlify"}},
		{"placeholder e-mail", askSite("email: \"(cập nhật địa chỉ email)\"\n", nil), false, "gui-cau-hoi/index.html",
			[]string{"Trang chưa có địa chỉ thư điện tử hay số Zalo để nhận câu hỏi. Xin xem trang <a href=/lien-he/>Liên hệ</a>."},
			[]string{"mailto:"}},
		{"thank-you page", askSite(settings, nil), true, "gui-cau-hoi/da-gui/index.html",
			[]string{"<h1>Đã gửi câu hỏi</h1>", "<meta name=robots content=noindex", "<a href=/gui-cau-hoi/>Gửi một câu hỏi khác</a>"},
			nil},
		{"Q&A list", askSite(settings, nil), false, "hoi-dap/index.html",
			[]string{"<a class=btn href=/gui-cau-hoi/>Gửi câu hỏi</a>"}, nil},
		{"contact", askSite(settings, nil), false, "lien-he/index.html",
			[]string{"<dt>Thư điện tử</dt><dd><a href=mailto:bbt@example.org>bbt@example.org</a></dd>", "<a href=tel:02513822123>0251 3822 123</a>",
				"<dt>Địa chỉ</dt><dd>Số 1, đường A</dd>", "<a class=btn href=/gui-cau-hoi/>"},
			nil},
		{"contact with its own text", askSite(settings, map[string]string{"content/lien-he.md": "---\ntitle: Liên hệ với Ban biên tập\n---\nGiờ tiếp dân: sáng thứ Hai.\n"}), false, "lien-he/index.html",
			[]string{"<h1>Liên hệ với Ban biên tập</h1>", "Giờ tiếp dân: sáng thứ Hai.", "<dt>Zalo</dt>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := buildAsk(t, tt.fsys, tt.forms)
			page, ok := files[tt.page]
			if !ok {
				t.Fatalf("no %s", tt.page)
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("%s has no %s", tt.page, w)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(page, w) {
					t.Errorf("%s has %s", tt.page, w)
				}
			}
			if strings.Contains(files["sitemap.xml"], "da-gui") {
				t.Error("the thank-you page is in the sitemap")
			}
		})
	}
}

// TestAskPagesNeedQA checks that a site without Q&A items and without a
// way to be reached gets none of these pages.
func TestAskPagesNeedQA(t *testing.T) {
	fsys := fstest.MapFS{"content/_index.md": {Data: []byte("---\ntitle: T\n---\n")}}
	files := buildAsk(t, fsys, true)
	for _, name := range []string{"gui-cau-hoi/index.html", "gui-cau-hoi/da-gui/index.html", "lien-he/index.html"} {
		if _, ok := files[name]; ok {
			t.Errorf("%s made for a site without Q&A or contact settings", name)
		}
	}
}
