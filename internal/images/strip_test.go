package images

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/gen2brain/webp"

	"github.com/loa-vn/loa/internal/bench/photos"
)

// TestStripFormats strips files that carry metadata where the first
// version of Strip did not look: each must come out as the same file
// without it, byte for byte, and show the same pixels.
func TestStripFormats(t *testing.T) {
	img := photos.Scene(4, 48, 32)
	var plainJPEG bytes.Buffer
	if err := jpeg.Encode(&plainJPEG, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	phone, _ := photos.PhoneJPEG(img, 90, 1, true)
	second, _ := photos.PhoneJPEG(quadrants(16, 16), 80, 6, true)
	progressive, err := os.ReadFile("testdata/progressive.jpg")
	if err != nil {
		t.Fatal(err)
	}
	var plainPNG bytes.Buffer
	png.Encode(&plainPNG, img)
	var simpleWebP bytes.Buffer
	if err := webp.Encode(&simpleWebP, img, webp.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	phoneWebP, err := photos.PhoneWebP(img, 80, true)
	if err != nil {
		t.Fatal(err)
	}
	plainGIF, metaGIF, err := photos.MetadataGIF(twoFrames())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in, want []byte
		cut      bool // cut short: it does not decode
	}{
		{"JPEG with a second image appended (gain map, trailer)", cat(phone, second), plainJPEG.Bytes(), false},
		{"JPEG cut short before its end keeps its data", phone[:len(phone)-100], plainJPEG.Bytes()[:plainJPEG.Len()-100], true},
		{"progressive JPEG with metadata between scans and a trailer", metadataBetweenScans(t, progressive), progressive, false},
		{"PNG with data after IEND", cat(plainPNG.Bytes(), second), plainPNG.Bytes(), false},
		{"WebP with EXIF, XMP and a trailer", cat(phoneWebP, second), photos.ExtendedWebP(simpleWebP.Bytes(), 48, 32, nil, nil), false},
		{"GIF with a comment, XMP and a trailer", metaGIF, plainGIF, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Strip(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			exifFree(t, "the stripped file", got)
			if bytes.Contains(got, photos.XMPMarker) {
				t.Errorf("the stripped file holds its XMP packet")
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("Strip gave %d bytes, want the %d bytes of the file without its metadata", len(got), len(tt.want))
			}
			a, err := decodeAll(tt.in)
			if err != nil {
				if tt.cut {
					return
				}
				t.Fatalf("the test file does not decode: %v", err)
			}
			if b, err := decodeAll(got); err != nil || !samePixels(a, b) {
				t.Errorf("the stripped file shows other pixels (%v)", err)
			}
		})
	}
}

func cat(a, b []byte) []byte { return append(append([]byte{}, a...), b...) }

// metadataBetweenScans puts a comment and an EXIF block with GPS before
// the second scan of a progressive JPEG, and a second image after it.
func metadataBetweenScans(t *testing.T, p []byte) []byte {
	t.Helper()
	_, scan, err := segments(p)
	if err != nil {
		t.Fatal(err)
	}
	at := scan + bytes.Index(p[scan:], []byte{0xFF, 0xC4}) // a Huffman table between scans
	if at < scan || bytes.Count(p, []byte{0xFF, markerSOS}) < 2 {
		t.Fatal("testdata/progressive.jpg has no table between scans")
	}
	phone, _ := photos.PhoneJPEG(quadrants(8, 8), 80, 1, true)
	exif := phone[2 : 2+4+int(phone[4])<<8|int(phone[5])-2]
	com := append([]byte{0xFF, markerCOM, 0, 10}, "LoaPhone"...)
	out := cat(p[:at], com)
	out = append(out, exif...)
	return append(append(out, p[at:]...), phone...)
}

// twoFrames is an animation of two frames that plays three times.
func twoFrames() *gif.GIF {
	g := &gif.GIF{LoopCount: 3}
	for i, c := range []color.Color{color.RGBA{220, 0, 0, 255}, color.RGBA{0, 0, 220, 255}} {
		f := image.NewPaletted(image.Rect(0, 0, 16, 12), palette.Plan9)
		for y := range 12 {
			for x := range 16 {
				if (x+y+i)%3 == 0 {
					f.Set(x, y, c)
				}
			}
		}
		g.Image = append(g.Image, f)
		g.Delay = append(g.Delay, 20)
	}
	return g
}

// decodeAll decodes every frame of an image file.
func decodeAll(data []byte) ([]image.Image, error) {
	switch {
	case isGIF(data):
		g, err := gif.DecodeAll(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		frames := make([]image.Image, len(g.Image))
		for i, f := range g.Image {
			frames[i] = f
		}
		if g.LoopCount != 3 && len(g.Image) > 1 {
			return nil, errors.New("the loop count is lost")
		}
		return frames, nil
	case isWebP(data):
		w, err := webp.DecodeAll(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return w.Image, nil
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	return []image.Image{img}, err
}

// samePixels reports whether two lists of frames are the same size with
// the same colours.
func samePixels(a, b []image.Image) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		r := a[i].Bounds()
		if r != b[i].Bounds() {
			return false
		}
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if color.RGBA64Model.Convert(a[i].At(x, y)) != color.RGBA64Model.Convert(b[i].At(x, y)) {
					return false
				}
			}
		}
	}
	return true
}

// TestInspectWebP reads the header of WebP sources: a still WebP is
// resized like a JPEG (PNG beside WebP when it may be transparent), an
// animated one is published as it is, like a GIF.
func TestInspectWebP(t *testing.T) {
	var opaque, clear bytes.Buffer
	if err := webp.Encode(&opaque, photos.Scene(2, 64, 40), webp.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	hole := image.NewNRGBA(image.Rect(0, 0, 30, 20))
	hole.SetNRGBA(3, 3, color.NRGBA{200, 0, 0, 255})
	if err := webp.Encode(&clear, hole, webp.Options{Lossless: true}); err != nil {
		t.Fatal(err)
	}
	phone, _ := photos.PhoneWebP(photos.Scene(2, 64, 40), 80, true)
	tests := []struct {
		name            string
		data            []byte
		w, h            int
		alpha, animated bool
	}{
		{"lossy", opaque.Bytes(), 64, 40, false, false},
		{"extended, with EXIF and XMP", phone, 64, 40, false, false},
		{"lossless, transparent", clear.Bytes(), 30, 20, true, false},
		{"animated", animatedWebP(opaque.Bytes(), 64, 40), 64, 40, false, true},
	}
	p := New(Config{Widths: []int{16}}, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(tt.data, 0)
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != WebP || info.Width != tt.w || info.Height != tt.h || info.Alpha != tt.alpha || info.Animated != tt.animated || info.Processed() == tt.animated {
				t.Fatalf("Inspect = %+v, Processed %v; want WebP %d×%d, alpha %v, animated %v", info, info.Processed(), tt.w, tt.h, tt.alpha, tt.animated)
			}
			if tt.animated {
				return
			}
			vs := p.Config().Plan(info)
			out, err := p.Make(context.Background(), info, vs, func() ([]byte, error) { return tt.data, nil })
			if err != nil {
				t.Fatal(err)
			}
			if want := map[bool]Format{false: JPEG, true: PNG}[tt.alpha]; vs[len(vs)-1].Format != want {
				t.Errorf("fallback %s, want %s", vs[len(vs)-1].Format, want)
			}
			for i, v := range vs {
				if b := decodeAny(t, v.Format, out[i]).Bounds(); b.Dx() != 16 {
					t.Errorf("%s variant is %d wide, want 16", v.Format, b.Dx())
				}
			}
		})
	}
}

// animatedWebP wraps the VP8 chunk of a simple w×h WebP file into an
// animation of one frame.
func animatedWebP(simple []byte, w, h int) []byte {
	put24 := func(b []byte, v int) []byte { return append(b, byte(v), byte(v>>8), byte(v>>16)) }
	chunk := func(id string, data []byte) []byte {
		c := binary.LittleEndian.AppendUint32([]byte(id), uint32(len(data)))
		if c = append(c, data...); len(data)%2 == 1 {
			c = append(c, 0)
		}
		return c
	}
	vp8x := put24(put24([]byte{webpFlagAnimation, 0, 0, 0}, w-1), h-1)
	anmf := put24(put24(put24(put24(put24(nil, 0), 0), w-1), h-1), 100)
	anmf = append(append(anmf, 0), simple[12:]...)
	out := append([]byte("RIFF\x00\x00\x00\x00WEBP"), chunk("VP8X", vp8x)...)
	out = append(out, chunk("ANIM", []byte{255, 255, 255, 255, 0, 0})...)
	out = append(out, chunk("ANMF", anmf)...)
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out
}
