package build

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/vntext"
	"golang.org/x/tools/txtar"
)

// modSite has an article with an updated key, news items committed after,
// on and before their dates, and one never committed.
const modSite = `
-- content/_index.md --
---
title: "Cổng"
---
-- content/chu-de/vai-tro/_index.md --
---
title: "Vai trò"
---
-- content/chu-de/vai-tro/sua.md --
---
title: "Có ngày sửa"
date: 2026-11-20
updated: 2026-11-22
---
Nội dung.
-- content/chu-de/vai-tro/sau.md --
---
title: "Sửa sau"
date: 2026-11-20
---
Nội dung.
-- content/chu-de/vai-tro/cung-ngay.md --
---
title: "Cùng ngày"
date: 2026-11-20T08:00:00+07:00
---
Nội dung.
-- content/chu-de/vai-tro/truoc.md --
---
title: "Đăng sau khi gửi"
date: 2026-11-20
---
Nội dung.
-- content/chu-de/vai-tro/moi.md --
---
title: "Chưa gửi"
date: 2026-11-20
---
Nội dung.
`

var (
	ldModified = regexp.MustCompile(`"dateModified":"([^"]*)"`)
	bylineRe   = regexp.MustCompile(`<p class=byline>.*?</p>`)
)

// TestDateModifiedFromCommits checks each page's dateModified and
// "Cập nhật" line: the updated key wins over the last commit; a commit
// after the date counts; one on the same day is a change but not shown;
// one before the date, or none, leaves the date.
func TestDateModifiedFromCommits(t *testing.T) {
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, vntext.Zone).UTC() }
	commits := map[string]time.Time{
		"content/chu-de/vai-tro/sua.md":       at(28, 9),
		"content/chu-de/vai-tro/sau.md":       at(24, 15),
		"content/chu-de/vai-tro/cung-ngay.md": at(20, 17),
		"content/chu-de/vai-tro/truoc.md":     at(10, 9),
	}
	calls := 0
	committed := func(p string) time.Time { calls++; return commits[p] }
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(modSite)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	cfg := Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow, Committed: committed}
	b := NewBuilder(cfg)
	mem := output.NewMemory()
	if _, err := b.Build(context.Background(), mem); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page, modified, shown string
	}{
		{"chu-de/vai-tro/sua/index.html", "2026-11-22T00:00:00+07:00", "22/11/2026"},
		{"chu-de/vai-tro/sau/index.html", "2026-11-24T15:00:00+07:00", "24/11/2026"},
		{"chu-de/vai-tro/cung-ngay/index.html", "2026-11-20T17:00:00+07:00", ""},
		{"chu-de/vai-tro/truoc/index.html", "2026-11-20T00:00:00+07:00", ""},
		{"chu-de/vai-tro/moi/index.html", "2026-11-20T00:00:00+07:00", ""},
	}
	check := func(files map[string][]byte) {
		t.Helper()
		for _, tt := range tests {
			page := files[tt.page]
			if m := ldModified.FindSubmatch(page); m == nil || string(m[1]) != tt.modified {
				t.Errorf("%s: dateModified %q, want %q", tt.page, m, tt.modified)
			}
			// The sitemap gives the day of the last change.
			loc := "<loc>https://example.org/" + strings.TrimSuffix(tt.page, "index.html") + `</loc>\s*<lastmod>` + tt.modified[:10] + "</lastmod>"
			if !regexp.MustCompile(loc).Match(files["sitemap.xml"]) {
				t.Errorf("sitemap.xml has no %q", loc)
			}
			byline := string(bylineRe.Find(page))
			wantShown := regexp.MustCompile(`Cập nhật: <time datetime="[^"]+">` + regexp.QuoteMeta(tt.shown) + `</time>`)
			if has := regexp.MustCompile(`Cập nhật`).MatchString(byline); has != (tt.shown != "") || tt.shown != "" && !wantShown.MatchString(byline) {
				t.Errorf("%s: byline %q, want Cập nhật %q", tt.page, byline, tt.shown)
			}
		}
	}
	check(mem.Files())

	// A rebuild after an edit that adds an updated key changes the
	// page's last change, and keeps the others' commit dates.
	fsys["content/chu-de/vai-tro/sau.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"Sửa sau\"\ndate: 2026-11-20\nupdated: 2026-11-26\n---\nNội dung.\n")}
	tests[1].modified, tests[1].shown = "2026-11-26T00:00:00+07:00", "26/11/2026"
	if _, err := b.Rebuild(context.Background(), []string{"content/chu-de/vai-tro/sau.md"}, mem); err != nil {
		t.Fatal(err)
	}
	check(mem.Files())
	if calls == 0 {
		t.Error("Committed was never called")
	}
}
