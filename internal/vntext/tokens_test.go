package vntext

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestScan(t *testing.T) {
	tests := []struct {
		in   string
		want []string // words; "|" before a word marks a Break
	}{
		{"Mặt trận Tổ quốc (MTTQ)", []string{"mặt", "trận", "tổ", "quốc", "|mttq"}},
		{"Dân biết, dân bàn", []string{"dân", "biết", "|dân", "bàn"}},
		{"chính trị - xã hội", []string{"chính", "trị", "xã", "hội"}},
		{"Ðảng ĐẢNG", []string{"đảng", "đảng"}},
		{norm.NFD.String("Phản biện"), []string{"phản", "biện"}},
		{"18-CT/TW", []string{"18", "ct", "tw"}},
		{"Hà Nội\nHuế", []string{"hà", "nội", "|huế"}},
		{"a\u200db", []string{"a", "b"}},
		{strings.Repeat("ữ", 40), []string{strings.Repeat("ữ", MaxWordLen)}},
		{"", nil},
		{"!!!", nil},
		{"\xff giám \xfe", []string{"giám"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for tok := range Scan(tt.in) {
				w := tok.Word
				if tok.Break {
					w = "|" + w
				}
				got = append(got, w)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Scan(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestScanAllocations(t *testing.T) {
	text := strings.Repeat("Mặt trận giám sát và phản biện xã hội, ", 20)
	n := testing.AllocsPerRun(10, func() {
		for range Scan(text) {
		}
	})
	// Only "Mặt" has a capital: one word allocated per repetition.
	if n > 25 {
		t.Errorf("Scan allocates %v times, want about 20", n)
	}
}

// FuzzTokens checks that tokenising never panics, gives valid UTF-8 words
// of word runes only, and agrees for any input, its NFC and its NFD (which
// checks the shortcut of Scan past text that is NFC already).
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Giám sát, phản biện", "Ðảng", norm.NFD.String("Việt Nam"), "<script>x</script>",
		"a\u0301\u0323", "\u0301", "İ ΣΑΣ", "日本 🙂", "\xff\xfe", strings.Repeat("x", 50), "=\u0338", "\u1100\u1161\u11a8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		for _, w := range toks {
			if w == "" || !utf8.ValidString(w) || utf8.RuneCountInString(w) > MaxWordLen {
				t.Fatalf("Tokens(%q): bad word %q", s, w)
			}
			for _, r := range w {
				if !IsWordRune(r) {
					t.Fatalf("Tokens(%q): word %q holds %U", s, w, r)
				}
			}
			if f := Fold(w); !utf8.ValidString(f) || strings.ContainsAny(f, "<>&") {
				t.Fatalf("Fold(%q) = %q", w, f)
			}
		}
		if want := refScan(s); !slices.Equal(scanAll(s), want) {
			t.Fatalf("Scan(%q) = %v, want %v", s, scanAll(s), want)
		}
		if got := Tokens(NFC(s)); !slices.Equal(got, toks) {
			t.Fatalf("Tokens(NFC(%q)) = %q, Tokens = %q", s, got, toks)
		}
		if got := Tokens(norm.NFD.String(s)); utf8.ValidString(s) && !slices.Equal(got, toks) {
			t.Fatalf("Tokens(NFD(%q)) = %q, Tokens = %q", s, got, toks)
		}
	})
}

// refScan is Scan written plainly: normalise everything, then split.
func refScan(s string) []Token {
	var out []Token
	var w []rune
	brk := false
	for _, r := range NFC(s) + " " {
		if IsWordRune(r) {
			if len(w) < MaxWordLen {
				w = append(w, unicode.ToLower(r))
			}
			continue
		}
		if len(w) > 0 {
			out = append(out, Token{string(w), brk})
			w, brk = w[:0], false
		}
		brk = brk || IsBreakRune(r)
	}
	return out
}

func scanAll(s string) []Token {
	var out []Token
	for t := range Scan(s) {
		out = append(out, t)
	}
	return out
}

func ExampleTokens() {
	fmt.Println(Tokens("Mặt trận Tổ quốc (MTTQ) giám sát"))
	for _, w := range Tokens("ĐƯỜNG Ðường") {
		fmt.Println(w, Fold(w))
	}
	// Output:
	// [mặt trận tổ quốc mttq giám sát]
	// đường duong
	// đường duong
}

func ExampleScan() {
	for t := range Scan("Dân biết, dân bàn") {
		fmt.Println(t.Word, t.Break)
	}
	// Output:
	// dân false
	// biết false
	// dân true
	// bàn false
}
