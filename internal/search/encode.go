package search

import (
	"strconv"
	"unicode/utf8"
)

// digits are the base64url digits of the index's number encodings.
const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendVarint appends n as little-endian groups of 5 bits, each digit
// carrying 32 when more groups follow.
func appendVarint(b []byte, n uint32) []byte {
	for n >= 32 {
		b = append(b, digits[32|n&31])
		n >>= 5
	}
	return append(b, digits[n])
}

// appendSet appends the sorted document numbers docs as a set: "d" and
// the varint gaps, or "b" and a bitmap, whichever is shorter.
func appendSet(b []byte, docs []int32) []byte {
	start := len(b)
	b = append(b, 'd')
	prev := int32(-1)
	for _, d := range docs {
		b = appendVarint(b, uint32(d-prev-1))
		prev = d
	}
	if len(docs) == 0 {
		return b
	}
	bitmapLen := 1 + int(docs[len(docs)-1])/6 + 1
	if bitmapLen >= len(b)-start {
		return b
	}
	b = b[:start]
	b = append(b, 'b')
	var cur, at int32 // the digit being filled and its first document
	for _, d := range docs {
		for d >= at+6 {
			b = append(b, digits[cur])
			cur, at = 0, at+6
		}
		cur |= 1 << (d - at)
	}
	return append(b, digits[cur])
}

// appendString appends s as a JSON string. Besides what JSON requires, it
// escapes <, > and & so that no file of the index can hold markup.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, `\u202`...)
			b = append(b, hex[r&15])
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}

// appendFloat appends f with 5 significant digits.
func appendFloat(b []byte, f float64) []byte {
	return strconv.AppendFloat(b, f, 'g', 5, 64)
}
