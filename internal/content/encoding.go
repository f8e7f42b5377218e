package content

import (
	"bytes"

	"github.com/loa-vn/loa/internal/i18n"
)

// utf16Order names the byte order of data when it looks like UTF-16 text,
// as Windows Notepad's "Unicode" saves it: by its byte-order mark, or by
// the zero bytes of ASCII text such as a first line "---". It returns ""
// for anything else.
func utf16Order(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return "little-endian"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "big-endian"
	case len(data) < 6:
		return ""
	case data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0 && data[4] != 0 && data[5] == 0:
		return "little-endian"
	case data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0 && data[4] == 0 && data[5] != 0:
		return "big-endian"
	}
	return ""
}

// utf16Error is the message and hint for a file in UTF-16.
func utf16Error(order string) (msg, hint string) {
	return i18n.Sprintf("is UTF-16 text (%s), not UTF-8", order),
		i18n.Sprintf("save it as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8), or convert it, e.g. iconv -f UTF-16 -t UTF-8")
}
