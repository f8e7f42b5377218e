package markdown

import (
	"strings"

	"github.com/loa-vn/loa/internal/vntext"
)

// CanonicalNumber returns the canonical form of a document number:
// NFC, Ð as Đ, dashes as "-", and no spaces ("18 - CT/ TW" → "18-CT/TW").
func CanonicalNumber(s string) string {
	s = vntext.NFC(s)
	s = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", " ", "", "\u00a0", "", "\t", "").Replace(s)
	return s
}
