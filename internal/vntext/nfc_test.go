package vntext

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func stableRunes() []rune {
	var rs []rune
	stable := stableTable()
	for r := rune(0); r < stableLimit; r++ {
		if stable[r/64]&(1<<(r%64)) != 0 {
			rs = append(rs, r)
		}
	}
	return rs
}

// TestStableNFC checks the fast path against x/text: every string of
// stable runes, in any order, must be NFC.
func TestStableNFC(t *testing.T) {
	rs := stableRunes()
	for r := rune(0); r < 0x80; r++ {
		if !slices.Contains(rs, r) {
			t.Fatalf("ASCII %U is not in the stable table", r)
		}
	}
	for _, r := range []rune("ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ–—“”‘’…") {
		if !slices.Contains(rs, r) {
			t.Errorf("Vietnamese %q (%U) is not in the stable table", r, r)
		}
	}
	all := string(rs)
	rev := slices.Clone(rs)
	slices.Reverse(rev)
	for _, s := range []string{all, string(rev)} {
		if !isStableNFC(s) || !norm.NFC.IsNormalString(s) {
			t.Fatalf("the string of all stable runes: isStableNFC %v, NFC %v", isStableNFC(s), norm.NFC.IsNormalString(s))
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range 1 + rnd.IntN(4) {
			b.WriteRune(rs[rnd.IntN(len(rs))])
		}
		if s := b.String(); !norm.NFC.IsNormalString(s) {
			t.Fatalf("%q (%U) is made of stable runes but is not NFC", s, []rune(s))
		}
	}
}

func TestStableNFCRejects(t *testing.T) {
	for _, s := range []string{
		"e\u0302\u0301", // NFD ế
		"ê\u0301",       // half composed
		"\u0340",        // a combining mark with an NFC replacement
		"\u212b",        // Angstrom sign, a singleton
		"\xff",          // not UTF-8
		"日本",            // known only to the slow path
		strings.Repeat("Việt ", 100) + "\u0301", // a mark at the very end
	} {
		if isStableNFC(s) {
			t.Errorf("isStableNFC(%q) = true", s)
		}
	}
	if !isStableNFC("Mặt trận Tổ quốc Việt Nam – “giám sát”…") {
		t.Error("isStableNFC rejects plain Vietnamese")
	}
}

// FuzzNFC checks that NFC agrees with x/text on any input.
func FuzzNFC(f *testing.F) {
	for _, s := range []string{"Việt", "e\u0302\u0301", "Ðảng", "ê\u0301x", "\xffa"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isStableNFC(s) && !norm.NFC.IsNormalString(s) {
			t.Fatalf("isStableNFC(%q) but it is not NFC", s)
		}
		want := norm.NFC.String(strings.ReplaceAll(s, "Ð", "Đ"))
		if got := NFC(s); got != want {
			t.Fatalf("NFC(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkNFC(b *testing.B) {
	s := strings.Repeat("Mặt trận Tổ quốc Việt Nam giám sát và phản biện xã hội, góp ý xây dựng Đảng. ", 1000)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		NFC(s)
	}
}
