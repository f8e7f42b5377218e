package images

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gen2brain/webp"

	"github.com/loa-vn/loa/internal/bench/photos"
)

// quadrants draws a w×h image whose quarters are red (top left), green
// (top right), blue (bottom left) and white, so that a turn or a mirror
// shows.
func quadrants(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{255, 255, 255, 255}
			switch {
			case x < w/2 && y < h/2:
				c = color.RGBA{220, 0, 0, 255}
			case y < h/2:
				c = color.RGBA{0, 200, 0, 255}
			case x < w/2:
				c = color.RGBA{0, 0, 220, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// near reports whether c is within 60 of want in every channel.
func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, b uint8) bool { return int(a>>8)-int(b) < 60 && int(b)-int(a>>8) < 60 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func decodeAny(t *testing.T, f Format, data []byte) image.Image {
	t.Helper()
	var img image.Image
	var err error
	switch f {
	case WebP:
		img, err = webp.Decode(bytes.NewReader(data))
	default:
		img, _, err = image.Decode(bytes.NewReader(data))
	}
	if err != nil {
		t.Fatalf("decode %s: %v", f, err)
	}
	return img
}

func make1(t *testing.T, p *Processor, data []byte, vs func(Info) []Variant) (Info, []Variant, [][]byte) {
	t.Helper()
	info, err := Inspect(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	list := vs(info)
	out, err := p.Make(context.Background(), info, list, func() ([]byte, error) { return data, nil })
	if err != nil {
		t.Fatal(err)
	}
	return info, list, out
}

// TestUpright stores a picture turned for each EXIF orientation, as a
// phone does, and checks that every variant comes out upright.
func TestUpright(t *testing.T) {
	p := New(Config{Widths: []int{40, 80}}, nil)
	for o := 1; o <= 8; o++ {
		data, err := photos.PhoneJPEG(quadrants(96, 64), 95, o, true)
		if err != nil {
			t.Fatal(err)
		}
		info, vs, out := make1(t, p, data, func(i Info) []Variant { return append(p.Config().Plan(i), p.Config().Card(i)) })
		if info.Orientation != o || info.Width != 96 || info.Height != 64 {
			t.Errorf("orientation %d: Inspect = %+v, want orientation %d, 96×64", o, info, o)
		}
		for i, v := range vs {
			img := decodeAny(t, v.Format, out[i])
			b := img.Bounds()
			if b.Dx() != v.Width || b.Dy() != v.Height {
				t.Errorf("orientation %d, %+v: got %d×%d", o, v, b.Dx(), b.Dy())
			}
			at := func(fx, fy float64) color.Color {
				return img.At(b.Min.X+int(fx*float64(b.Dx())), b.Min.Y+int(fy*float64(b.Dy())))
			}
			if !near(at(0.2, 0.25), color.RGBA{220, 0, 0, 255}) || !near(at(0.8, 0.25), color.RGBA{0, 200, 0, 255}) || !near(at(0.2, 0.75), color.RGBA{0, 0, 220, 255}) {
				t.Errorf("orientation %d, %+v: not upright: top left %v, top right %v, bottom left %v", o, v, at(0.2, 0.25), at(0.8, 0.25), at(0.2, 0.75))
			}
		}
	}
}

// TestStoreFollowsTheSpecification checks the test photos themselves
// against the words of the EXIF specification, so that TestUpright does
// not only check that two copies of one table agree: for orientation 6,
// "the 0th row represents the visual right-hand side of the image, and
// the 0th column represents the visual top".
func TestStoreFollowsTheSpecification(t *testing.T) {
	s := photos.Store(quadrants(96, 64), 6)
	b := s.Bounds()
	if b.Dx() != 64 || b.Dy() != 96 {
		t.Fatalf("stored %d×%d, want 64×96", b.Dx(), b.Dy())
	}
	// The stored left column is the visual top, from its right end (green)
	// down to its left (red); the stored top row is the visual right-hand
	// side, from its top (green) to its bottom (white).
	if !near(s.At(2, 10), color.RGBA{0, 200, 0, 255}) || !near(s.At(2, 90), color.RGBA{220, 0, 0, 255}) || !near(s.At(60, 2), color.RGBA{255, 255, 255, 255}) {
		t.Errorf("orientation 6 stored wrongly: %v %v %v", s.At(2, 10), s.At(2, 90), s.At(60, 2))
	}
}

// exifFree fails when an output holds EXIF, XMP or GPS data.
func exifFree(t *testing.T, what string, data []byte) {
	t.Helper()
	for _, marker := range [][]byte{[]byte("Exif\x00"), []byte("EXIF"), []byte("XMP "), []byte("http://ns.adobe.com/xap"), photos.GPSMarker, []byte("LoaPhone")} {
		if bytes.Contains(data, marker) {
			t.Errorf("%s holds %q", what, marker)
		}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xD8}) {
		segs, _, err := segments(data)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, s := range segs {
			if s.marker == markerAPP1 || s.marker == markerCOM {
				t.Errorf("%s has a %X segment", what, s.marker)
			}
		}
	}
}

func TestNoMetadataInVariants(t *testing.T) {
	img := photos.Scene(3, 640, 480)
	data, err := photos.PhoneJPEG(img, 90, 6, true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, photos.GPSMarker) {
		t.Fatal("the test photo has no GPS data to strip")
	}
	p := New(Config{}, nil)
	_, vs, out := make1(t, p, data, func(i Info) []Variant { return append(p.Config().Plan(i), p.Config().Card(i)) })
	for i, v := range vs {
		exifFree(t, p.Config().Name("a.jpg", Info{Sum: "x"}, v), out[i])
	}
}

func TestStrip(t *testing.T) {
	data, err := photos.PhoneJPEG(quadrants(96, 64), 90, 6, true)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Strip(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, marker := range [][]byte{photos.GPSMarker, []byte("LoaPhone"), []byte("2026:11:25")} {
		if bytes.Contains(got, marker) {
			t.Errorf("stripped JPEG holds %q", marker)
		}
	}
	if o := orientation(got); o != 6 {
		t.Errorf("stripped JPEG has orientation %d, want 6 kept", o)
	}
	a, _ := jpeg.Decode(bytes.NewReader(data))
	b, err := jpeg.Decode(bytes.NewReader(got))
	if err != nil || a.Bounds() != b.Bounds() || a.At(10, 10) != b.At(10, 10) {
		t.Errorf("stripping changed the image: %v", err)
	}
	// PNG: text chunks go, the image stays.
	var buf bytes.Buffer
	png.Encode(&buf, quadrants(8, 8))
	withText := insertChunk(buf.Bytes(), "tEXt", []byte("GPS\x0021.7 N 105.8 E"))
	got, err = Strip(withText)
	if err != nil || bytes.Contains(got, []byte("tEXt")) || !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("stripped PNG = %q, %v; want the PNG without its tEXt chunk", got, err)
	}
}

// insertChunk puts a chunk right after the IHDR chunk of a PNG.
func insertChunk(p []byte, typ string, data []byte) []byte {
	var c []byte
	c = binary.BigEndian.AppendUint32(c, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	c = binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	at := 8 + 12 + 13
	return append(append(append([]byte{}, p[:at]...), c...), p[at:]...)
}

// bomb returns a PNG header that claims w×h pixels, with a tiny IDAT.
func bomb(w, h uint32) []byte {
	var ihdr []byte
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	p := append([]byte{}, pngSignature...)
	chunk := func(typ string, data []byte) {
		p = binary.BigEndian.AppendUint32(p, uint32(len(data)))
		p = append(p, typ...)
		p = append(p, data...)
		p = binary.BigEndian.AppendUint32(p, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return p
}

func TestBadImages(t *testing.T) {
	photo, _ := photos.PhoneJPEG(photos.Scene(5, 320, 240), 90, 1, true)
	cmyk, err := os.ReadFile("testdata/cmyk.jpg")
	if err != nil {
		t.Fatal(err)
	}
	var small bytes.Buffer
	png.Encode(&small, quadrants(16, 16))
	hugeChunk := insertChunk(small.Bytes(), "zzZz", nil)
	binary.BigEndian.PutUint32(hugeChunk[33:], 0x7FFFFFF0) // claims 2 GB, holds nothing
	bigText := insertChunk(small.Bytes(), "tEXt", bytes.Repeat([]byte("x"), 8<<20))
	tests := []struct {
		name       string
		data       []byte
		inspectErr string // "" when Inspect passes
		makeErr    string // "" when Make passes
	}{
		{"photo", photo, "", ""},
		{"text with a .jpg name", []byte("<html>not a photo</html>"), "is not a JPEG, PNG, WebP or GIF image (its first bytes are those of no image format)", ""},
		{"empty", nil, "is not a JPEG, PNG, WebP or GIF image (its first bytes are those of no image format)", ""},
		{"truncated after the header", photo[:len(photo)/2], "", "is cut short: the file ends in the middle of the image (truncated)"},
		{"truncated in the header", photo[:40], "is cut short: the file ends in the middle of the image (truncated)", ""},
		{"decompression bomb", bomb(20000, 20000), "is 20000×20000 pixels, over the limit of 64 megapixels; make it smaller (a web page needs at most 1600 pixels across)", ""},
		{"CMYK JPEG", cmyk, "", ""},
		{"PNG with a chunk claiming 2 GB", hugeChunk, "", "is cut short: the file ends in the middle of the image (truncated)"},
		{"PNG with an 8 MB text chunk", bigText, "", ""},
	}
	p := New(Config{Widths: []int{8, 64}}, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(tt.data, 0)
			if got := errText(err); got != tt.inspectErr {
				t.Fatalf("Inspect: got error %q, want %q", got, tt.inspectErr)
			}
			if err != nil {
				return
			}
			vs := p.Config().Plan(info)
			out, err := p.Make(context.Background(), info, vs, func() ([]byte, error) { return tt.data, nil })
			if got := errText(err); got != tt.makeErr {
				t.Fatalf("Make: got error %q, want %q", got, tt.makeErr)
			}
			for i := range out {
				decodeAny(t, vs[i].Format, out[i])
			}
		})
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestPlan(t *testing.T) {
	c := Config{}
	tests := []struct {
		w, h  int
		alpha bool
		want  string
	}{
		{4000, 3000, false, "360x270.webp 720x540.webp 1080x810.webp 1600x1200.webp 360x270.jpeg 720x540.jpeg 1080x810.jpeg 1600x1200.jpeg"},
		{1200, 800, false, "360x240.webp 720x480.webp 1080x720.webp 1200x800.webp 360x240.jpeg 720x480.jpeg 1080x720.jpeg 1200x800.jpeg"},
		{300, 200, true, "300x200.webp 300x200.png"},
		{1600, 900, false, "360x203.webp 720x405.webp 1080x608.webp 1600x900.webp 360x203.jpeg 720x405.jpeg 1080x608.jpeg 1600x900.jpeg"},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range c.Plan(Info{Width: tt.w, Height: tt.h, Alpha: tt.alpha}) {
			got = append(got, variantTag(v)+"."+string(v.Format))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Plan(%d×%d) = %s, want %s", tt.w, tt.h, g, tt.want)
		}
	}
	if v := c.Card(Info{Width: 800, Height: 800}); v.Width != 800 || v.Height != 420 {
		t.Errorf("Card(800×800) = %+v, want 800×420, never larger than the source", v)
	}
}

// memCache is a Cache in memory that counts its hits.
type memCache struct {
	mu   sync.Mutex
	m    map[string][]byte
	hits int
}

func (c *memCache) Get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.m[k]
	if ok {
		c.hits++
	}
	return d, ok
}

func (c *memCache) Put(k string, d []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = d
	return nil
}

func TestCache(t *testing.T) {
	dir, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, cache := range []Cache{&memCache{m: map[string][]byte{}}, dir} {
		data, _ := photos.PhoneJPEG(photos.Scene(7, 400, 300), 90, 1, false)
		info, _ := Inspect(data, 0)
		p := New(Config{}, cache)
		vs := p.Config().Plan(info)
		reads := 0
		read := func() ([]byte, error) { reads++; return data, nil }
		first, err := p.Make(context.Background(), info, vs, read)
		if err != nil {
			t.Fatal(err)
		}
		again, err := New(Config{}, cache).Make(context.Background(), info, vs, read)
		if err != nil || reads != 1 {
			t.Fatalf("second Make read the source again (%d reads, %v)", reads, err)
		}
		for i := range first {
			if !bytes.Equal(first[i], again[i]) {
				t.Errorf("variant %d differs from the cache", i)
			}
		}
		// Other settings are other entries.
		New(Config{WebPQuality: 50}, cache).Make(context.Background(), info, vs, read)
		if reads != 2 {
			t.Errorf("a new quality reused the cache (%d reads)", reads)
		}
	}
}

// TestIcon makes square icons of a wide photo stored turned, as a phone
// stores it, and of a transparent PNG: each is size×size, opaque, upright,
// shows the whole source centred at its own aspect ratio, and is white
// around it.
func TestIcon(t *testing.T) {
	p := New(Config{}, nil)
	turned, err := photos.PhoneJPEG(quadrants(240, 120), 95, 6, true)
	if err != nil {
		t.Fatal(err)
	}
	clear := image.NewNRGBA(image.Rect(0, 0, 240, 120))
	for y := range 120 {
		for x := range 240 {
			if (x-120)*(x-120)+(y-60)*(y-60) < 50*50 {
				clear.SetNRGBA(x, y, color.NRGBA{220, 0, 0, 255})
			}
		}
	}
	var transparent bytes.Buffer
	if err := png.Encode(&transparent, clear); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"turned JPEG": turned, "transparent PNG": transparent.Bytes()} {
		for _, size := range []int{180, 512} {
			_, vs, out := make1(t, p, data, func(Info) []Variant { return []Variant{p.Config().Icon(size)} })
			if vs[0].Format != PNG {
				t.Errorf("%s: icon format %s, want png", name, vs[0].Format)
			}
			img := decodeAny(t, PNG, out[0])
			if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
				t.Fatalf("%s: icon is %d×%d, want %d×%d", name, b.Dx(), b.Dy(), size, size)
			}
			white := color.RGBA{255, 255, 255, 255}
			// The source is 2:1: it spans the width less the margins
			// and a quarter of the height above and below stays white.
			m := IconMargin(size)
			checks := []struct {
				x, y int
				want color.RGBA
			}{
				{1, 1, white}, {size - 2, size - 2, white}, // corners
				{size / 2, size / 8, white}, {size / 2, size - size/8, white}, // above and below
				{size / 2, size / 2, color.RGBA{220, 0, 0, 255}}, // centre
			}
			if name == "turned JPEG" {
				checks = append(checks[:4],
					struct {
						x, y int
						want color.RGBA
					}{m + size/10, size/2 - size/10, color.RGBA{220, 0, 0, 255}}, // top left quarter, upright
					struct {
						x, y int
						want color.RGBA
					}{size - m - size/10, size/2 - size/10, color.RGBA{0, 200, 0, 255}}) // top right
			}
			for _, c := range checks {
				got := img.At(c.x, c.y)
				if _, _, _, a := got.RGBA(); a != 0xffff || !near(got, c.want) {
					t.Errorf("%s, %d px: pixel (%d,%d) = %v, want %v, opaque", name, size, c.x, c.y, got, c.want)
				}
			}
		}
	}
}
