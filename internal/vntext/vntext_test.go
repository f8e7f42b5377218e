package vntext

import (
	"slices"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Giám sát", "giam sat"},
		{"Đường ĐẢNG", "duong dang"},
		{"Ðảng", "dang"}, // U+00D0 from legacy converters
		{norm.NFD.String("phản biện xã hội"), "phan bien xa hoi"},
		{"Ủy ban, Uỷ ban", "uy ban, uy ban"},
		{"khóa khoá hòa hoà", "khoa khoa hoa hoa"},
		{"ăâêôơư ĂÂÊÔƠƯ", "aaeoou aaeoou"},
		{"18-CT/TW", "18-ct/tw"},
		{"", ""},
		{"日本", "日本"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Giám sát, phản biện xã hội", "giam-sat-phan-bien-xa-hoi"},
		{"Hỏi - đáp: Giám sát và phản biện xã hội khác nhau thế nào?", "hoi-dap-giam-sat-va-phan-bien-xa-hoi-khac-nhau-the-nao"},
		{"Quyết định 217-QĐ/TW", "quyet-dinh-217-qd-tw"},
		{"Đoàn Thanh niên", "doan-thanh-nien"},
		{"  --Chỉ thị 18--  ", "chi-thi-18"},
		{norm.NFD.String("Việt Nam"), "viet-nam"},
		{"../../etc/passwd", "etc-passwd"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNFC(t *testing.T) {
	nfd := norm.NFD.String("Việt")
	if got := NFC(nfd); got != "Việt" || len([]rune(got)) != 4 {
		t.Errorf("NFC(NFD Việt) = %q (%d runes), want 4-rune Việt", got, len([]rune(got)))
	}
	if got := NFC("Ðảng"); got != "Đảng" {
		t.Errorf("NFC(Ðảng) = %q, want Đảng", got)
	}
}

func TestHasMarks(t *testing.T) {
	for in, want := range map[string]bool{"giam sat": false, "giám": true, "đi": true, "GIAM": false, norm.NFD.String("é"): true} {
		if got := HasMarks(in); got != want {
			t.Errorf("HasMarks(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		t                   time.Time
		long, short, header string
	}{
		{time.Date(2026, 11, 25, 8, 30, 0, 0, Zone), "Thứ Tư, 25/11/2026", "25/11/2026", "ngày 25 tháng 11 năm 2026"},
		{time.Date(2022, 10, 26, 0, 0, 0, 0, Zone), "Thứ Tư, 26/10/2022", "26/10/2022", "ngày 26 tháng 10 năm 2022"},
		{time.Date(2026, 1, 4, 0, 0, 0, 0, Zone), "Chủ Nhật, 04/01/2026", "04/01/2026", "ngày 04 tháng 01 năm 2026"},
		{time.Date(2018, 4, 3, 0, 0, 0, 0, Zone), "Thứ Ba, 03/04/2018", "03/04/2018", "ngày 03 tháng 4 năm 2018"},
		// 20:00 UTC on the 24th is already the 25th in Vietnam.
		{time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC), "Thứ Tư, 25/11/2026", "25/11/2026", "ngày 25 tháng 11 năm 2026"},
	}
	for _, tt := range tests {
		if got := LongDate(tt.t); got != tt.long {
			t.Errorf("LongDate(%v) = %q, want %q", tt.t, got, tt.long)
		}
		if got := ShortDate(tt.t); got != tt.short {
			t.Errorf("ShortDate(%v) = %q, want %q", tt.t, got, tt.short)
		}
		if got := DocumentDate(tt.t); got != tt.header {
			t.Errorf("DocumentDate(%v) = %q, want %q", tt.t, got, tt.header)
		}
	}
}

func TestCompare(t *testing.T) {
	got := []string{"Uy", "Đoàn", "ăn", "Dân", "Hội", "an", "Ưu", "âm", "Bảo", "Hỏi", "Ủy"}
	slices.SortFunc(got, Compare)
	want := []string{"an", "ăn", "âm", "Bảo", "Dân", "Đoàn", "Hỏi", "Hội", "Uy", "Ủy", "Ưu"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Giám sát", "../x", "\x00", "Ðảng", norm.NFD.String("Việt")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		for _, r := range slug {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q holds %q", s, slug, r)
			}
		}
		if len(slug) > 0 && (slug[0] == '-' || slug[len(slug)-1] == '-') {
			t.Fatalf("Slug(%q) = %q has an edge hyphen", s, slug)
		}
		if Slug(norm.NFD.String(s)) != Slug(norm.NFC.String(s)) {
			t.Fatalf("Slug differs between NFC and NFD of %q", s)
		}
	})
}
