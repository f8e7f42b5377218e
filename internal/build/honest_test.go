package build

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/site"
	"github.com/loa-vn/loa/internal/vntext"
)

// reorganised is when two-level local government began: from then on
// there is no district and no thị trấn as such, only communes (xã) and
// wards (phường).
var reorganised = time.Date(2025, 7, 1, 0, 0, 0, 0, vntext.Zone)

// bodies are the authors the sample portal may name: the bodies section
// IV of the plan charges with the work, as they are named today (the
// commune's Party committee, People's Committee and Fatherland Front
// committee); the units of tin-don-vi/ (the organisations and the Party
// cells) are added from the model.
var bodies = []string{"Đảng ủy xã", "Ủy ban nhân dân xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"}

// TestSampleHonest pins the honesty of the sample portal: every page
// that is not a real published text (every article, Q&A item, news item
// and plain page) is marked example: true; no Q&A item names an asker;
// authors are bodies the plan names; sample items are dated after the
// 2025 reorganisation they are written for; titles are at most 60
// characters; every sample page shows "Bài mẫu"; and every document is a real one, with its number and
// date, or the plan itself, in full.
func TestSampleHonest(t *testing.T) {
	// A Builder keeps the pages' text, which a one-shot Build lets go.
	mem := output.NewMemory()
	res, err := NewBuilder(Config{Site: os.DirFS("../.."), Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow}).Build(context.Background(), mem)
	if err != nil {
		t.Fatal(err)
	}
	files := mem.Files()
	s := res.Site
	known := slices.Clone(bodies)
	for _, u := range s.Units {
		known = append(known, u.Title)
	}
	for _, p := range s.Pages {
		if p.File == nil || p.File.IsIndex() {
			continue
		}
		m := p.Meta
		switch p.Kind {
		case content.KindArticle, content.KindQA, content.KindNews, content.KindPage:
			if !m.Example {
				t.Errorf("%s: a sample text without example: true", p.Path())
			} else if !strings.Contains(pageHead(files[FileName(p.URL)]), ">Bài mẫu</span>") {
				t.Errorf("%s: its page does not show Bài mẫu under its title", p.Path())
			}
			if !m.Date.IsZero() && m.Date.Before(reorganised) {
				t.Errorf("%s: dated %s, before the 2025 reorganisation its bodies belong to", p.Path(), m.Date.Format("2006-01-02"))
			}
		case content.KindDocument:
			if m.Example {
				t.Errorf("%s: a real document marked example: true", p.Path())
			}
			if m.Number == "" && !isPlan(p) {
				t.Errorf("%s: a document with no number that is not the plan", p.Path())
			}
		}
		if m.Asker != "" {
			t.Errorf("%s: asker %q; the sample names no asker", p.Path(), m.Asker)
		}
		if m.Author != "" && !slices.Contains(known, m.Author) {
			t.Errorf("%s: author %q is not one of the bodies the plan names: %q", p.Path(), m.Author, known)
		}
		if n := utf8.RuneCountInString(p.Title); n > 60 {
			t.Errorf("%s: title of %d characters, want at most 60", p.Path(), n)
		}
	}
}

// isPlan reports whether d is the plan's page with the plan's full text:
// its sections, its seven points, the units charged in section IV and
// its signature.
func isPlan(d *site.Page) bool {
	if d.Meta.Issuer != "Đảng ủy thị trấn" || d.Meta.Signer != "Văn Hoài Hương" || d.Body == nil {
		return false
	}
	text := d.Body.Text
	for _, want := range []string{
		"Đảng ủy thị trấn xây dựng kế hoạch tuyên truyền như sau:",
		"I- MỤC ĐÍCH, YÊU CẦU", "II- NỘI DUNG TUYÊN TRUYỀN TRỌNG TÂM", "III- HÌNH THỨC TUYÊN TRUYỀN", "IV- TỔ CHỨC THỰC HIỆN",
		"Tuyên truyền về vị trí, vai trò công tác giám sát, phản biện xã hội",
		"Tuyên truyền công tác kiểm tra, giám sát, biểu dương, khen thưởng các tập thể, cá nhân thực hiện tốt",
		"có thể tổ chức tuyên truyền bằng các hình thức phù hợp như:",
		"Ủy ban nhân dân thị trấn", "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thị trấn", "Các chi bộ trực thuộc",
		"Nơi nhận:", "T/M ĐẢNG ỦY", "BÍ THƯ", "Văn Hoài Hương",
	} {
		if !strings.Contains(text, want) {
			return false
		}
	}
	return true
}

// pageHead returns the page's header (from its page-head class to the
// end of the header), where the page speaks of itself, not of others.
func pageHead(doc []byte) string {
	s := string(doc)
	i := strings.Index(s, "page-head")
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], "</header>")
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
