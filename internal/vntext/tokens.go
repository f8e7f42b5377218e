package vntext

import (
	"iter"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxWordLen is the length in runes at which Scan cuts a long word. A
// Vietnamese syllable has at most 7 letters; the cut only bounds the work
// a pasted URL or a run of digits can cause.
const MaxWordLen = 32

// A Token is one word of a text.
type Token struct {
	Word string
	// Break is true when clause punctuation or a line break (see
	// IsBreakRune) stands between the word and the one before it, so that
	// the two do not form a phrase.
	Break bool
}

// IsWordRune reports whether r belongs to a word: a letter, a number or a
// combining mark (Unicode categories L, N and M). Everything else, from
// spaces and punctuation to symbols and emoji, separates words.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// IsBreakRune reports whether r ends a phrase: . , ; : ! ? … ( ) [ ] { }
// or a line break. Other separators (spaces, hyphens, quotes, slashes)
// keep the words on each side in one phrase: "chính trị - xã hội".
func IsBreakRune(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '…', '(', ')', '[', ']', '{', '}', '\n', '\r':
		return true
	}
	return false
}

// Tokens returns the words of the tokens of s (see Scan). Fold each for
// its form without marks. "Giám sát, PHẢN BIỆN" → "giám", "sát", "phản",
// "biện".
func Tokens(s string) []string {
	var out []string
	for t := range Scan(s) {
		out = append(out, t.Word)
	}
	return out
}

// Scan returns the tokens of NFC(s) in order. A word is a maximal run of
// word runes (see IsWordRune), lower-cased rune by rune with
// unicode.ToLower and cut to its first MaxWordLen runes; Break tells
// whether clause punctuation or a line break came since the word before.
//
// These are the search tokens of the site's index and of the search
// client, which implements the same rules in JavaScript: "Mặt trận Tổ
// quốc (MTTQ)" → "mặt", "trận", "tổ", "quốc", "mttq" (with Break).
//
// A word that needs no change is a substring of s, so ranging over Scan
// allocates only for words with capitals. Text is normalised only from the
// first rune that NFC could change or join to the rune before it (a
// combining mark, Ð…), so NFC text costs no second pass.
func Scan(s string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		cl := classes()
		normal := false     // s is known to be NFC from here on
		brk := false        // a phrase break since the last word
		start, end := -1, 0 // the word being read: start of it, end of its first MaxWordLen runes
		runes, upper := 0, false
		prev := 0 // start of the rune before i
		for i := 0; i <= len(s); {
			c, n := uint8(0), 0
			if i < len(s) {
				c, n = classOf(cl, s, i)
			}
			if c&nfcSafe == 0 && !normal && n > 0 {
				// The first rune that NFC might change or join to the one
				// before: normalise from the rune before it, a boundary,
				// and read the current word again.
				from := prev
				if start >= 0 {
					from = start
				}
				s = s[from:prev] + NFC(s[prev:])
				i, prev, start, normal = 0, 0, -1, true
				continue
			}
			if c&word != 0 {
				if start < 0 {
					start, end, runes, upper = i, i, 0, false
				}
				if runes < MaxWordLen {
					runes++
					end = i + n
					upper = upper || c&capital != 0
				}
			} else {
				if start >= 0 {
					w := s[start:end]
					if upper {
						w = lowerRunes(w)
					}
					if !yield(Token{w, brk}) {
						return
					}
					start, brk = -1, false
				}
				brk = brk || c&phraseBreak != 0
			}
			if n == 0 {
				return
			}
			prev = i
			i += n
		}
	}
}

// Rune classes, as bits.
const (
	word        = 1 << iota // IsWordRune
	phraseBreak             // IsBreakRune
	capital                 // unicode.ToLower changes it
	nfcSafe                 // cannot change under NFC nor combine with the rune before
)

// classes is the class of every BMP rune, built on first use.
var classes = sync.OnceValue(func() *[1 << 16]uint8 {
	var t [1 << 16]uint8
	var buf [utf8.UTFMax]byte
	for r := range rune(1 << 16) {
		t[r] = classify(r)
		if r >= 0xD800 && r <= 0xDFFF || r == 'Ð' {
			continue
		}
		b := buf[:utf8.EncodeRune(buf[:], r)]
		if norm.NFC.Properties(b).BoundaryBefore() && norm.NFC.IsNormal(b) {
			t[r] |= nfcSafe
		}
	}
	return &t
})

func classify(r rune) uint8 {
	var c uint8
	if IsWordRune(r) {
		c |= word
	}
	if IsBreakRune(r) {
		c |= phraseBreak
	}
	if unicode.ToLower(r) != r {
		c |= capital
	}
	return c
}

// classOf returns the class and the length of the rune at s[i:]. It
// decodes two- and three-byte runes (all of Vietnamese) inline.
func classOf(cl *[1 << 16]uint8, s string, i int) (uint8, int) {
	c0 := s[i]
	switch {
	case c0 < utf8.RuneSelf:
		return cl[c0], 1
	case c0 >= 0xC2 && c0 < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return cl[rune(c0&0x1F)<<6|rune(s[i+1]&0x3F)], 2
	case c0 >= 0xE0 && c0 < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		r := rune(c0&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return cl[r], 3
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r <= 0xFFFF {
		return cl[r], n
	}
	return classify(r), n
}

// lowerRunes lower-cases s rune by rune. Unlike strings.ToLower it never
// changes the number of runes, which the client relies on too.
func lowerRunes(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}
