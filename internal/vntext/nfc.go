package vntext

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// stableLimit bounds the runes that isStableNFC knows: Latin with all its
// Vietnamese letters, and general punctuation (dashes, curly quotes, …).
const stableLimit = 0x2080

// stable marks the runes below stableLimit that NFC leaves alone whatever
// surrounds them, as long as no combining mark follows: canonical combining
// class 0 and NFC quick check Yes (Unicode UAX #15). A string made only of
// such runes is in NFC. Built from x/text's tables, so it follows them,
// on first use (0.3 ms) rather than at every start of the program.
var stableTable = sync.OnceValue(func() *[stableLimit / 64]uint64 {
	var bits [stableLimit / 64]uint64
	for r := rune(0); r < stableLimit; r++ {
		if r >= utf8.RuneSelf && (r < 0xC0 || r >= 0x0250 && r < 0x1E00) {
			continue // only the blocks Vietnamese text uses; the rest go the slow way
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormalString(s) {
			bits[r/64] |= 1 << (r % 64)
		}
	}
	return &bits
})

// isStableNFC reports whether s is made only of runes known to be stable
// under NFC, so is in NFC; false means "not known", not "not NFC".
// It is a fast path for the common case: Vietnamese text written with
// precomposed letters.
func isStableNFC(s string) bool {
	stable := stableTable()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= stableLimit || stable[r/64]&(1<<(r%64)) == 0 {
			return false
		}
		i += size
	}
	return true
}
