package images

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"testing"

	"github.com/loa-vn/loa/internal/bench/photos"
)

// FuzzImage feeds any bytes to the entry points that read untrusted
// images: Inspect, Make and Strip. None may panic, and within a small
// pixel limit none may use more than the image's own memory.
//
//	go test ./internal/images -fuzz FuzzImage
func FuzzImage(f *testing.F) {
	if data, err := os.ReadFile("testdata/cmyk.jpg"); err == nil {
		f.Add(data)
	}
	photo, _ := photos.PhoneJPEG(quadrants(24, 16), 80, 6, true)
	f.Add(photo)
	var buf bytes.Buffer
	png.Encode(&buf, quadrants(8, 8))
	f.Add(buf.Bytes())
	f.Add(insertChunk(buf.Bytes(), "tEXt", []byte("a\x00b")))
	f.Add(bomb(20000, 20000))
	if w, err := photos.PhoneWebP(quadrants(8, 8), 80, true); err == nil {
		f.Add(w)
	}
	p := New(Config{Widths: []int{4, 16}, MaxPixels: 1 << 16}, nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		Strip(data)
		info, err := Inspect(data, 1<<16)
		if err != nil || !info.Processed() {
			return
		}
		vs := append(p.Config().Plan(info), p.Config().Card(info))
		out, err := p.Make(context.Background(), info, vs, func() ([]byte, error) { return data, nil })
		if err == nil && len(out) != len(vs) {
			t.Fatalf("Make gave %d images for %d variants", len(out), len(vs))
		}
	})
}

// FuzzStrip feeds any bytes to Strip: it may not panic; what it makes of
// an image that decodes still decodes to the same pixels (every frame),
// and stripping it again changes nothing.
//
//	go test ./internal/images -fuzz FuzzStrip
func FuzzStrip(f *testing.F) {
	for _, name := range []string{"testdata/cmyk.jpg", "testdata/progressive.jpg"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	phone, _ := photos.PhoneJPEG(quadrants(24, 16), 80, 6, true)
	f.Add(append(append([]byte{}, phone...), phone...))
	var buf bytes.Buffer
	png.Encode(&buf, quadrants(8, 8))
	f.Add(insertChunk(buf.Bytes(), "tEXt", []byte("a\x00b")))
	if w, err := photos.PhoneWebP(quadrants(8, 8), 80, true); err == nil {
		f.Add(w)
	}
	if _, g, err := photos.MetadataGIF(twoFrames()); err == nil {
		f.Add(g)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Strip(data)
		if err != nil {
			return
		}
		if again, err := Strip(got); err != nil || !bytes.Equal(again, got) {
			t.Fatalf("stripping twice changed the file (%v)", err)
		}
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width*cfg.Height > 1<<16 {
			return
		}
		a, err := decodeAll(data)
		if err != nil {
			return
		}
		if b, err := decodeAll(got); err != nil || !samePixels(a, b) {
			t.Fatalf("the stripped image shows other pixels (%v)", err)
		}
	})
}
