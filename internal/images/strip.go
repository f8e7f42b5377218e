package images

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// Strip returns the bytes of a JPEG, PNG, WebP or GIF file without its
// metadata, leaving the image data as it is (no re-encoding): EXIF (GPS,
// camera, dates), XMP, IPTC and comments go, and so does whatever follows
// the end of the image (a second image appended to a JPEG, such as a
// gain map or a phone maker's trailer, carries EXIF of its own). A JPEG
// keeps its JFIF header, its colour profile and its Adobe marker (which
// CMYK files need); when it was rotated by EXIF it keeps an EXIF holding
// only that orientation, so that it still shows upright. A WebP keeps its
// colour profile, alpha and animation; a GIF its frames and its loop
// count. Other data is returned unchanged.
func Strip(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, markerSOI}):
		return stripJPEG(data)
	case bytes.HasPrefix(data, pngSignature):
		return stripPNG(data)
	case isWebP(data):
		return stripWebP(data)
	case isGIF(data):
		return stripGIF(data)
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
	if segs[len(segs)-1].marker == markerEOI { // an image without a scan ends here
		return out, nil
	}
	return appendScans(out, data, scan), nil
}

// appendScans appends to out the image data of a JPEG file from offset
// scan, where its first scan begins, to the end of its image (EOI): the
// entropy-coded data of each scan (stuffed 0xFF00 bytes, restart markers,
// fill bytes) and the segments between the scans of a progressive JPEG
// (Huffman tables, headers of further scans), but not APPn or COM
// segments there. What follows the EOI goes. A file cut short before its
// EOI keeps its remaining bytes; one where another image begins (SOI)
// before this one ended is cut there and given its EOI.
func appendScans(out, data []byte, scan int) []byte {
	from, i := scan, scan
	for i+1 < len(data) {
		if data[i] != 0xFF {
			i++
			continue
		}
		m := data[i+1]
		switch {
		case m == 0x00, m == 0x01, m >= 0xD0 && m <= 0xD7: // stuffed byte, TEM, RSTn
			i += 2
			continue
		case m == 0xFF: // fill byte
			i++
			continue
		case m == markerEOI:
			return append(out, data[from:i+2]...)
		case m == markerSOI:
			return append(append(out, data[from:i]...), 0xFF, markerEOI)
		}
		end := segmentEnd(data, i)
		if end < 0 {
			break
		}
		if !keepJPEG(segment{marker: m, body: data[i+4 : end]}) {
			out = append(out, data[from:i]...)
			from = end
		}
		i = end
	}
	return append(out, data[from:]...)
}

// segmentEnd returns the offset just past the marker segment whose 0xFF
// is at offset i, or -1 when the file ends before it does.
func segmentEnd(data []byte, i int) int {
	if i+4 > len(data) {
		return -1
	}
	n := int(binary.BigEndian.Uint16(data[i+2:]))
	if n < 2 || i+2+n > len(data) {
		return -1
	}
	return i + 2 + n
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

// stripPNG drops the metadata chunks of a PNG file, and whatever follows
// its IEND chunk.
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
		typ := string(data[i+4 : i+8])
		if !pngMetadata[typ] {
			out = append(out, data[i:end]...)
		}
		if typ == "IEND" {
			break
		}
		i = int(end)
	}
	return out, nil
}
