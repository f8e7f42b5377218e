package photos

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/gif"

	"github.com/gen2brain/webp"
)

// XMPMarker is a byte string found in every XMP packet this package
// writes: the GPS latitude of its position in Hà Nội.
var XMPMarker = []byte(`exif:GPSLatitude="21,1.7N"`)

// xmpPacket is an XMP packet as editors write one, with a GPS position.
var xmpPacket = []byte(`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" ` + string(XMPMarker) + `/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`)

// PhoneWebP encodes img, which must be opaque, as a lossy WebP at
// quality q in the extended format, with the EXIF block PhoneJPEG writes
// (orientation 1: its make, time and, when gps is true, GPS position)
// and an XMP packet holding a GPS position, as an editor saves one.
func PhoneWebP(img image.Image, q int, gps bool) ([]byte, error) {
	var buf bytes.Buffer
	if err := webp.Encode(&buf, img, webp.Options{Quality: q}); err != nil {
		return nil, err
	}
	tiff := exifSegment(1, gps)[4+len("Exif\x00\x00"):]
	b := img.Bounds()
	return ExtendedWebP(buf.Bytes(), b.Dx(), b.Dy(), tiff, xmpPacket), nil
}

// ExtendedWebP turns a simple WebP file of a w×h picture (one VP8 or
// VP8L chunk, no alpha) into the extended format, with an EXIF chunk and
// an XMP chunk when exif or xmp is not nil, their flags set in the VP8X
// header.
func ExtendedWebP(simple []byte, w, h int, exif, xmp []byte) []byte {
	vp8x := make([]byte, 10)
	if exif != nil {
		vp8x[0] |= 0x08
	}
	if xmp != nil {
		vp8x[0] |= 0x04
	}
	put24 := func(b []byte, v int) { b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16) }
	put24(vp8x[4:], w-1)
	put24(vp8x[7:], h-1)
	out := append([]byte("RIFF\x00\x00\x00\x00WEBP"), riffChunk("VP8X", vp8x)...)
	out = append(out, simple[12:]...)
	if exif != nil {
		out = append(out, riffChunk("EXIF", exif)...)
	}
	if xmp != nil {
		out = append(out, riffChunk("XMP ", xmp)...)
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out
}

// riffChunk returns a RIFF chunk, padded to an even length.
func riffChunk(id string, data []byte) []byte {
	c := binary.LittleEndian.AppendUint32([]byte(id), uint32(len(data)))
	c = append(c, data...)
	if len(data)%2 == 1 {
		c = append(c, 0)
	}
	return c
}

// MetadataGIF encodes g and returns it as it is, and with metadata an
// editor adds: a comment extension naming the camera, an XMP application
// extension ("XMP DataXMP", its packet followed by the magic trailer that
// makes its bytes read as sub-blocks) holding a GPS position, both after
// the global colour table, and a camera name after the trailer.
func MetadataGIF(g *gif.GIF) (plain, withMeta []byte, err error) {
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		return nil, nil, err
	}
	plain = buf.Bytes()
	at := 13
	if plain[10]&0x80 != 0 {
		at += 3 << (plain[10]&7 + 1)
	}
	comment := []byte{0x21, 0xFE, 8}
	comment = append(append(comment, "LoaPhone"...), 0)
	xmp := append([]byte{0x21, 0xFF, 11}, "XMP DataXMP"...)
	xmp = append(xmp, xmpPacket...)
	xmp = append(xmp, 1)
	for b := 0xFF; b >= 0; b-- {
		xmp = append(xmp, byte(b))
	}
	xmp = append(xmp, 0)
	withMeta = append(append(append(append([]byte{}, plain[:at]...), comment...), xmp...), plain[at:]...)
	return plain, append(withMeta, "LoaPhone"...), nil
}
