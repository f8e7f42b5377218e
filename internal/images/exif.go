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
