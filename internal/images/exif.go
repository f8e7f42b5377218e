package images

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// JPEG markers that the metadata code reads.
const (
	markerSOI   = 0xD8
	markerEOI   = 0xD9
	markerSOS   = 0xDA
	markerAPP0  = 0xE0
	markerAPP1  = 0xE1
	markerAPP2  = 0xE2
	markerAPP14 = 0xEE
	markerCOM   = 0xFE
)

var errNotJPEG = errors.New("not a JPEG file")

// segment is one marker segment of a JPEG file before its image data.
type segment struct {
	marker byte
	start  int // offset of the 0xFF of the marker
	end    int // offset just past the segment
	body   []byte
}

// segments walks the marker segments of a JPEG file up to and including
// the start of scan (SOS), and returns them with the offset where the
// image data begins. A length that runs past the end of data is an error.
func segments(data []byte) ([]segment, int, error) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != markerSOI {
		return nil, 0, errNotJPEG
	}
	var segs []segment
	i := 2
	for i < len(data) {
		if data[i] != 0xFF {
			return nil, 0, errors.New("a JPEG marker is missing where one should be")
		}
		for i < len(data) && data[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(data) {
			break
		}
		m := data[i]
		start := i - 1
		i++
		if m == markerEOI || m >= 0xD0 && m <= 0xD7 || m == 0x01 {
			segs = append(segs, segment{marker: m, start: start, end: i})
			if m == markerEOI {
				return segs, i, nil
			}
			continue
		}
		if i+2 > len(data) {
			break
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return nil, 0, errors.New("a JPEG segment runs past the end of the file (truncated)")
		}
		segs = append(segs, segment{marker: m, start: start, end: i + n, body: data[i+2 : i+n]})
		i += n
		if m == markerSOS {
			return segs, i, nil
		}
	}
	return nil, 0, errors.New("the JPEG file ends before its image data (truncated)")
}

var exifHeader = []byte("Exif\x00\x00")

// orientation returns the EXIF orientation (1 to 8) of a JPEG file, or 1
// when it has none or an invalid one.
func orientation(data []byte) int {
	segs, _, err := segments(data)
	if err != nil {
		return 1
	}
	for _, s := range segs {
		if s.marker == markerAPP1 && bytes.HasPrefix(s.body, exifHeader) {
			if o := tiffOrientation(s.body[len(exifHeader):]); o >= 1 && o <= 8 {
				return o
			}
		}
	}
	return 1
}

// tiffOrientation reads tag 0x0112 of the first IFD of a TIFF structure,
// or returns 0.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 0
	}
	if order.Uint16(t[2:]) != 42 {
		return 0
	}
	ifd := int64(order.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 0
	}
	n := int64(order.Uint16(t[ifd:]))
	for k := int64(0); k < n; k++ {
		e := ifd + 2 + 12*k
		if e+12 > int64(len(t)) {
			return 0
		}
		if order.Uint16(t[e:]) == 0x0112 && order.Uint16(t[e+2:]) == 3 {
			return int(order.Uint16(t[e+8:]))
		}
	}
	return 0
}

// orientationOnly returns an APP1 segment whose EXIF holds nothing but
// the orientation o, so that a published original stays upright.
func orientationOnly(o int) []byte {
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(o), 0, 0, 0, 0, 0, 0}
	body := append(append([]byte{}, exifHeader...), tiff...)
	seg := []byte{0xFF, markerAPP1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(body)+2))
	return append(seg, body...)
}

// Strip returns the bytes of a JPEG or PNG file without its metadata,
// leaving the image data as it is (no re-encoding): EXIF (GPS, camera,
// dates), XMP, IPTC and comments go. A JPEG keeps its JFIF header, its
// colour profile and its Adobe marker (which CMYK files need); when it
// was rotated by EXIF it keeps an EXIF holding only that orientation, so
// that it still shows upright. Other data is returned unchanged.
func Strip(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, markerSOI}):
		return stripJPEG(data)
	case bytes.HasPrefix(data, pngSignature):
		return stripPNG(data)
	}
	return data, nil
}

func stripJPEG(data []byte) ([]byte, error) {
	segs, scan, err := segments(data)
	if err != nil {
		return nil, err
	}
	o := orientation(data)
	out := make([]byte, 0, len(data))
	out = append(out, 0xFF, markerSOI)
	if o != 1 {
		out = append(out, orientationOnly(o)...)
	}
	for _, s := range segs {
		if keepJPEG(s) {
			out = append(out, data[s.start:s.end]...)
		}
	}
	return append(out, data[scan:]...), nil
}

// keepJPEG reports whether a segment is image data or a header the
// image needs, rather than metadata.
func keepJPEG(s segment) bool {
	switch {
	case s.marker == markerAPP0:
		return bytes.HasPrefix(s.body, []byte("JFIF\x00"))
	case s.marker == markerAPP2:
		return bytes.HasPrefix(s.body, []byte("ICC_PROFILE\x00"))
	case s.marker == markerAPP14:
		return bytes.HasPrefix(s.body, []byte("Adobe"))
	case s.marker >= markerAPP0 && s.marker <= 0xEF, s.marker == markerCOM:
		return false
	}
	return true
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngMetadata are the PNG chunks that hold text, EXIF or dates.
var pngMetadata = map[string]bool{"tEXt": true, "zTXt": true, "iTXt": true, "eXIf": true, "tIME": true}

func stripPNG(data []byte) ([]byte, error) {
	out := append(make([]byte, 0, len(data)), pngSignature...)
	for i := len(pngSignature); i < len(data); {
		if i+12 > len(data) {
			return nil, errors.New("a PNG chunk runs past the end of the file (truncated)")
		}
		n := int64(binary.BigEndian.Uint32(data[i:]))
		end := int64(i) + 12 + n
		if end > int64(len(data)) {
			return nil, errors.New("a PNG chunk runs past the end of the file (truncated)")
		}
		if !pngMetadata[string(data[i+4:i+8])] {
			out = append(out, data[i:end]...)
		}
		i = int(end)
	}
	return out, nil
}
