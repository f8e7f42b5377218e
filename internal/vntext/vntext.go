// Package vntext keeps the rules for Vietnamese text in one place: Unicode
// normalisation to NFC, folding to a form without tone and vowel marks
// (with đ → d), URL slugs, alphabetical order and date formatting.
//
// The search index, the search client's test vectors, slugs and heading IDs
// all use these functions, so that they can never disagree.
// All functions are safe for concurrent use.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C, with the look-alike
// Icelandic eth (U+00D0 Ð, left behind by legacy TCVN3/VNI converters)
// replaced by Vietnamese Đ (U+0110). Text that is already NFC and has no Ð
// is returned unchanged without allocation.
func NFC(s string) string {
	if strings.ContainsRune(s, 'Ð') {
		s = strings.ReplaceAll(s, "Ð", "Đ")
	}
	if isStableNFC(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// foldTable maps a precomposed Latin letter to its folded, lower-case form
// ("Ế" → 'e', "đ" → 'd'). Built once from the Unicode decompositions.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]rune {
	t := make(map[rune]rune)
	for _, block := range [][2]rune{{0x00C0, 0x024F}, {0x1E00, 0x1EFF}} {
		for r := block[0]; r <= block[1]; r++ {
			d := norm.NFD.String(string(r))
			base, _ := utf8.DecodeRuneInString(d)
			if base != r && base < 0x80 {
				t[r] = unicode.ToLower(base)
			}
		}
	}
	t['đ'], t['Đ'], t['Ð'] = 'd', 'd', 'd'
	return t
}

// isMark reports whether r is a combining mark, as left by NFD input.
func isMark(r rune) bool {
	return r >= 0x0300 && r <= 0x036F || unicode.Is(unicode.Mn, r)
}

// Lower returns the NFC, lower-case form of s ("Mặt Trận" → "mặt trận").
// Vietnamese has no special casing, so unicode.ToLower is right.
func Lower(s string) string {
	return strings.ToLower(NFC(s))
}

// Fold returns s in lower case without tone and vowel marks, with đ and Đ
// (and the look-alike Ð) as d: "Đường Phản biện" → "duong phan bien".
// Fold accepts NFC or NFD input and gives the same result for both.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// FoldRune folds a single rune. It returns -1 for a combining mark, which
// folds to nothing.
func FoldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return unicode.ToLower(r)
	case isMark(r):
		return -1
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	return unicode.ToLower(r)
}

// Slug returns the URL slug of s: folded, with every run of characters
// other than a–z and 0–9 turned into one hyphen, and no hyphen at either
// end. "Giám sát, phản biện xã hội" → "giam-sat-phan-bien-xa-hoi".
// Slug returns "" when s holds no letter or digit.
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		f := FoldRune(r)
		if f < 0 {
			continue
		}
		if f >= 'a' && f <= 'z' || f >= '0' && f <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(f)
			continue
		}
		dash = true
	}
	return b.String()
}

// HasMarks reports whether s holds any Vietnamese tone or vowel mark or đ,
// that is whether Fold changes more than letter case.
func HasMarks(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (isMark(r) || foldTable[r] != 0) {
			return true
		}
	}
	return false
}
