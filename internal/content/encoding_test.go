package content

import (
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, with or without
// a byte-order mark, as Windows Notepad and Word save "Unicode" text.
func utf16Bytes(s string, bigEndian, mark bool) []byte {
	units := utf16.Encode([]rune(s))
	if mark {
		units = append([]uint16{0xfeff}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestParseUTF16(t *testing.T) {
	const text = "---\ntitle: \"Giám sát\"\n---\nXin chào.\n"
	const hint = "; save it as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8), or convert it, e.g. iconv -f UTF-16 -t UTF-8"
	tests := []struct {
		name           string
		bigEndian, bom bool
		want           string
	}{
		{"little-endian with mark", false, true, "content/x.md: is UTF-16 text (little-endian), not UTF-8" + hint},
		{"big-endian with mark", true, true, "content/x.md: is UTF-16 text (big-endian), not UTF-8" + hint},
		{"little-endian without mark", false, false, "content/x.md: is UTF-16 text (little-endian), not UTF-8" + hint},
		{"big-endian without mark", true, false, "content/x.md: is UTF-16 text (big-endian), not UTF-8" + hint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := Parse("content/x.md", utf16Bytes(text, tt.bigEndian, tt.bom))
			if f != nil {
				t.Fatal("Parse succeeded")
			}
			if got := errs.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
