package photos

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
)

// PhoneJPEG encodes img as a phone would save it: a JPEG at quality q
// whose pixels are stored turned for the EXIF orientation o (1 to 8:
// a viewer that applies o shows img upright), with an EXIF block that
// holds o, the camera's make and model, the time and, when gps is true,
// GPS coordinates (a position in Hà Nội).
func PhoneJPEG(img image.Image, q, o int, gps bool) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, Store(img, o), &jpeg.Options{Quality: q}); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	app1 := exifSegment(o, gps)
	out := make([]byte, 0, len(data)+len(app1))
	out = append(out, data[:2]...) // SOI
	out = append(out, app1...)
	return append(out, data[2:]...), nil
}

// GPSMarker is a byte string found in every EXIF block PhoneJPEG writes
// with GPS: the tag of the GPS IFD pointer, big-endian, with its type.
var GPSMarker = []byte{0x88, 0x25, 0x00, 0x04}

// exifSegment returns an APP1 segment with a big-endian TIFF holding
// IFD0 (Make, Model, Orientation, DateTime, GPS pointer) and a GPS IFD.
func exifSegment(o int, gps bool) []byte {
	type entry struct {
		tag, typ uint16
		count    uint32
		data     []byte // stored after the IFDs when longer than 4 bytes
	}
	short := func(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
	rational := func(vs ...uint32) []byte {
		var b []byte
		for _, v := range vs {
			b = binary.BigEndian.AppendUint32(b, v)
			b = binary.BigEndian.AppendUint32(b, 1)
		}
		return b
	}
	ascii := func(s string) []byte { return append([]byte(s), 0) }
	ifd0 := []entry{
		{0x010F, 2, 0, ascii("LoaPhone")},
		{0x0110, 2, 0, ascii("Synthetic 1")},
		{0x0112, 3, 1, short(uint16(o))},
		{0x0132, 2, 0, ascii("2026:11:25 08:30:00")},
	}
	var gpsIFD []entry
	if gps {
		gpsIFD = []entry{
			{0x0001, 2, 0, ascii("N")},
			{0x0002, 5, 3, rational(21, 1, 42)},
			{0x0003, 2, 0, ascii("E")},
			{0x0004, 5, 3, rational(105, 51, 7)},
		}
		ifd0 = append(ifd0, entry{0x8825, 4, 1, nil}) // offset filled below
	}
	for _, list := range [][]entry{ifd0, gpsIFD} {
		for i := range list {
			if list[i].typ == 2 {
				list[i].count = uint32(len(list[i].data))
			}
		}
	}
	ifdSize := func(n int) int { return 2 + 12*n + 4 }
	gpsAt := 8 + ifdSize(len(ifd0))
	dataAt := gpsAt
	if gps {
		dataAt += ifdSize(len(gpsIFD))
		ifd0[len(ifd0)-1].data = binary.BigEndian.AppendUint32(nil, uint32(gpsAt))
	}
	var tiff, extra []byte
	tiff = append(tiff, 'M', 'M', 0, 42, 0, 0, 0, 8)
	writeIFD := func(list []entry) {
		tiff = binary.BigEndian.AppendUint16(tiff, uint16(len(list)))
		for _, e := range list {
			tiff = binary.BigEndian.AppendUint16(tiff, e.tag)
			tiff = binary.BigEndian.AppendUint16(tiff, e.typ)
			tiff = binary.BigEndian.AppendUint32(tiff, e.count)
			if len(e.data) <= 4 {
				tiff = append(tiff, append(e.data, make([]byte, 4-len(e.data))...)...)
				continue
			}
			tiff = binary.BigEndian.AppendUint32(tiff, uint32(dataAt+len(extra)))
			extra = append(extra, e.data...)
		}
		tiff = binary.BigEndian.AppendUint32(tiff, 0)
	}
	writeIFD(ifd0)
	if gps {
		writeIFD(gpsIFD)
	}
	body := append([]byte("Exif\x00\x00"), append(tiff, extra...)...)
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(body)+2))
	return append(seg, body...)
}

// Store returns the pixels a camera stores for an upright img under
// EXIF orientation o: the inverse of what a viewer applies.
func Store(img image.Image, o int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if o <= 1 || o > 8 {
		return img
	}
	sw, sh := w, h
	if o >= 5 {
		sw, sh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, sw, sh))
	rgba, fast := img.(*image.RGBA)
	for y := range sh {
		for x := range sw {
			ux, uy := shown(x, y, sw, sh, o)
			if fast {
				copy(out.Pix[y*out.Stride+x*4:][:4], rgba.Pix[rgba.PixOffset(b.Min.X+ux, b.Min.Y+uy):][:4])
				continue
			}
			out.Set(x, y, img.At(b.Min.X+ux, b.Min.Y+uy))
		}
	}
	return out
}

// shown maps a stored pixel (x, y) of a sw×sh image with orientation o
// to where a viewer shows it (the EXIF specification's table).
func shown(x, y, sw, sh, o int) (int, int) {
	switch o {
	case 2:
		return sw - 1 - x, y
	case 3:
		return sw - 1 - x, sh - 1 - y
	case 4:
		return x, sh - 1 - y
	case 5:
		return y, x
	case 6:
		return sh - 1 - y, x
	case 7:
		return sh - 1 - y, sw - 1 - x
	case 8:
		return y, sw - 1 - x
	}
	return x, y
}
