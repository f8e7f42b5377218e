package build

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/vntext"
)

// expirySite has an article linking twice to a news item that expires on
// 2026-11-20, and once to a Q&A item that does not expire.
var expirySite = fstest.MapFS{
	"content/_index.md":                {Data: []byte("---\ntitle: Trang\n---\n")},
	"content/chu-de/t/_index.md":       {Data: []byte("---\ntitle: Chủ đề\n---\n")},
	"content/tin-don-vi/u/_index.md":   {Data: []byte("---\ntitle: Đơn vị\n---\n")},
	"content/tin-don-vi/u/hoi-nghi.md": {Data: []byte("---\ntitle: Hội nghị\ndate: 2026-11-01\nexpires: 2026-11-20\n---\nThông báo.\n")},
	"content/hoi-dap/hoi.md":           {Data: []byte("---\ntitle: Hỏi\ndate: 2026-10-01\n---\nĐáp.\n")},
	"content/chu-de/t/a.md": {Data: []byte("---\ntitle: Bài A\ndate: 2026-10-01\n---\n" +
		"Xem [thông báo hội nghị](/tin-don-vi/u/hoi-nghi/) và [câu hỏi](/hoi-dap/hoi/).\n\n" +
		"Lần nữa: [**hội nghị**](/tin-don-vi/u/hoi-nghi/#lich).\n")},
}

// TestExpiredLinkTarget builds the same site before and after the expiry
// date: after it, the build succeeds, each link to the expired item is a
// notice naming the linking file and line and the expired file, and its
// text stays without a link.
func TestExpiredLinkTarget(t *testing.T) {
	tests := []struct {
		name    string
		now     time.Time
		notices []string
		linked  bool
	}{
		{"before the expiry", time.Date(2026, 11, 19, 9, 0, 0, 0, vntext.Zone), nil, true},
		{"after the expiry", time.Date(2026, 11, 21, 9, 0, 0, 0, vntext.Zone), []string{
			"content/chu-de/t/a.md:5: notice: link /tin-don-vi/u/hoi-nghi/ leads to content/tin-don-vi/u/hoi-nghi.md, which expired on 2026-11-20; its text is shown without a link (remove the link, or change expires:)",
			"content/chu-de/t/a.md:7: notice: link /tin-don-vi/u/hoi-nghi/#lich leads to content/tin-don-vi/u/hoi-nghi.md, which expired on 2026-11-20; its text is shown without a link (remove the link, or change expires:)",
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem := output.NewMemory()
			res, err := Build(context.Background(), Config{Site: expirySite, Theme: os.DirFS("../.."), Now: tt.now}, mem)
			if err != nil {
				t.Fatalf("build failed: %v", err)
			}
			var got []string
			for _, n := range otherNotices(res) {
				got = append(got, n.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.notices, "\n") {
				t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.notices, "\n"))
			}
			page := string(mem.Files()["chu-de/t/a/index.html"])
			if !strings.Contains(page, `<a href="/hoi-dap/hoi/">câu hỏi</a>`) {
				t.Errorf("the link to the published item is gone:\n%s", page)
			}
			linked := strings.Contains(page, `href="/tin-don-vi/u/hoi-nghi/`)
			if linked != tt.linked {
				t.Errorf("link to the expired item present: %v, want %v\n%s", linked, tt.linked, page)
			}
			if !tt.linked && (!strings.Contains(page, "<p>Xem thông báo hội nghị và") || !strings.Contains(page, "Lần nữa: <strong>hội nghị</strong>.")) {
				t.Errorf("the text of the links to the expired item is not kept:\n%s", page)
			}
		})
	}
}

// TestExpiryDuringServe runs loa serve's builder while its clock passes
// the expiry date, with no edit: the rebuild drops the link and gives the
// output of a fresh build at that time.
func TestExpiryDuringServe(t *testing.T) {
	clock := time.Date(2026, 11, 19, 9, 0, 0, 0, vntext.Zone)
	cfg := Config{Site: expirySite, Theme: os.DirFS("../.."), Dev: true, DeferSearch: true, Clock: func() time.Time { return clock }}
	b := NewBuilder(cfg)
	served := output.NewMemory()
	if _, err := rebuild(b, nil, served); err != nil {
		t.Fatal(err)
	}
	if page := served.Files()["chu-de/t/a/index.html"]; !strings.Contains(string(page), `href="/tin-don-vi/u/hoi-nghi/`) {
		t.Fatal("before the expiry the link is missing")
	}
	clock = time.Date(2026, 11, 21, 9, 0, 0, 0, vntext.Zone)
	res, err := rebuild(b, nil, served)
	if err != nil {
		t.Fatalf("rebuild after the expiry: %v", err)
	}
	if n := otherNotices(res); len(n) != 2 {
		t.Errorf("notices: %v, want the two links", n)
	}
	fresh := output.NewMemory()
	cfg.Clock, cfg.DeferSearch = nil, false
	cfg.Now = clock
	if _, err := Build(context.Background(), cfg, fresh); err != nil {
		t.Fatal(err)
	}
	if diff := diffFiles(served.Files(), fresh.Files()); diff != "" {
		t.Errorf("after the expiry the served site differs from a fresh build:\n%s", diff)
	}
}
