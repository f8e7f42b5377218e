package card

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite the golden cards in testdata")

// vowels are the twelve Vietnamese vowels, each followed by its five
// tone-marked forms (sắc, huyền, hỏi, ngã, nặng), and đ.
var vowels = []string{"aáàảãạ", "ăắằẳẵặ", "âấầẩẫậ", "eéèẻẽẹ", "êếềểễệ", "iíìỉĩị", "oóòỏõọ", "ôốồổỗộ", "ơớờởỡợ", "uúùủũụ", "ưứừửữự", "yýỳỷỹỵ", "đ"}

// TestEveryVowelAndTone checks that both fonts draw every Vietnamese
// letter with every tone mark, lower and upper case, from a glyph of its
// own (not the empty box of a missing letter).
func TestEveryVowelAndTone(t *testing.T) {
	all := strings.Join(vowels, "")
	all += strings.ToUpper(all)
	if n := len([]rune(all)); n != 146 {
		t.Fatalf("%d letters, want 12 vowels × 6 forms × 2 cases + đ, Đ = 146", n)
	}
	var buf sfnt.Buffer
	for i, f := range fonts() {
		for _, r := range all {
			if !norm.NFC.IsNormalString(string(r)) {
				t.Fatalf("%q is not NFC", r)
			}
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("font %d has no glyph for %q (U+%04X)", i, r, r)
			}
		}
	}
}

// TestGolden draws cards and compares them with testdata/*.png, allowing
// a few pixels to differ (rounding in the rasteriser). go test
// ./internal/card -update rewrites them; look at them before committing.
func TestGolden(t *testing.T) {
	theme := themeEmblem(t)
	tests := []struct {
		file, title, site string
		emblem            image.Image
	}{
		{"vowels-lower.png", strings.Join(vowels, " "), "Đảng ủy thị trấn", nil},
		{"vowels-upper.png", strings.ToUpper(strings.Join(vowels, " ")), "ĐẢNG ỦY THỊ TRẤN", nil},
		{"long-title.png", "Giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội là gì, ai giám sát ai, giám sát những nội dung nào và bằng những hình thức nào theo Chỉ thị số 18-CT/TW?", "Cổng thông tin tuyên truyền Chỉ thị số 18-CT/TW của Ban Bí thư về giám sát và phản biện xã hội", nil},
		{"emblem-theme.png", strings.ToUpper(strings.Join(vowels[:6], " ")), "Đảng ủy thị trấn", theme},
		{"emblem-gradient.png", "Giám sát và phản biện xã hội khác nhau thế nào trong thực tiễn ở cơ sở?", "Loa", gradientEmblem()},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := Draw(tt.title, tt.site, tt.emblem)
			if err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := got.Bounds(); b.Dx() != Width || b.Dy() != Height {
				t.Fatalf("card is %v, want %d×%d", b, Width, Height)
			}
			golden := "testdata/" + tt.file
			if *update {
				if err := os.WriteFile(golden, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			f, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to make it)", err)
			}
			want, err := png.Decode(bytes.NewReader(f))
			if err != nil {
				t.Fatal(err)
			}
			if n := differing(got, want); n > Width*Height/500 {
				t.Errorf("%d pixels differ from %s (more than 0.2%%)", n, golden)
			}
		})
	}
}

// themeEmblem returns the theme's 192 px emblem icon
// (static/img/emblem-192.png, copied to testdata).
func themeEmblem(t testing.TB) image.Image {
	f, err := os.ReadFile("testdata/emblem-192.png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// gradientEmblem returns an emblem of many colours, wider than high, on
// transparency: a disc going from blue to green, left to right.
func gradientEmblem() image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 200))
	for y := range 200 {
		for x := range 300 {
			if dx, dy := x-150, y-100; dx*dx+dy*dy < 95*95 {
				img.SetNRGBA(x, y, color.NRGBA{0x10, uint8(x * 255 / 299), uint8(255 - x*255/299), 0xff})
			}
		}
	}
	return img
}

// TestEmblem checks that a card shows the emblem it is given: a point of
// the emblem area has the emblem's colour there, the corner outside its
// rounded square is red, and the card stays a paletted PNG.
func TestEmblem(t *testing.T) {
	square := image.NewRGBA(image.Rect(0, 0, 192, 192)) // one colour, nothing on white
	draw.Draw(square, square.Rect, image.NewUniform(color.RGBA{0x20, 0x40, 0xc0, 0xff}), image.Point{}, draw.Src)
	tests := []struct {
		name   string
		emblem image.Image
		at     image.Point // in the emblem area
		want   color.RGBA
	}{
		{"theme ring", themeEmblem(t), image.Pt(104, 60), color.RGBA{0xff, 0xbf, 0x47, 0xff}},       // the gold ring, right
		{"theme page", themeEmblem(t), image.Pt(34, 50), white},                                     // the open book's left page
		{"gradient middle", gradientEmblem(), image.Pt(60, 60), color.RGBA{0x10, 0x80, 0x7f, 0xff}}, // the disc's middle
		{"gradient above", gradientEmblem(), image.Pt(60, 10), white},                               // above the disc, on white
		{"square middle", square, image.Pt(60, 60), color.RGBA{0x20, 0x40, 0xc0, 0xff}},
		{"square edge", square, image.Pt(2, 60), color.RGBA{0x20, 0x40, 0xc0, 0xff}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Draw("Phản biện xã hội", "Loa", tt.emblem)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := img.(*image.Paletted); !ok {
				t.Errorf("card is a %T, want a paletted PNG", img)
			}
			p := emblemRect.Min.Add(tt.at)
			if got := img.At(p.X, p.Y); !near(got, tt.want, 12) {
				t.Errorf("emblem area at %v is %v, want %v", tt.at, got, tt.want)
			}
			if got := img.At(emblemRect.Min.X+1, emblemRect.Min.Y+1); !near(got, red, 12) {
				t.Errorf("corner of the emblem area is %v, want the red around the rounded square", got)
			}
		})
	}
}

// near reports whether c is within d of want in every channel.
func near(c color.Color, want color.RGBA, d int) bool {
	r, g, b, _ := c.RGBA()
	in := func(p uint32, q uint8) bool { return int(p>>8)-int(q) <= d && int(q)-int(p>>8) <= d }
	return in(r, want.R) && in(g, want.G) && in(b, want.B)
}

// differing counts the pixels whose colours differ by more than 48 in a
// channel.
func differing(a, b image.Image) int {
	n := 0
	for y := range Height {
		for x := range Width {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			d := func(p, q uint32) bool { return int(p>>8)-int(q>>8) > 48 || int(q>>8)-int(p>>8) > 48 }
			if d(r1, r2) || d(g1, g2) || d(b1, b2) {
				n++
			}
		}
	}
	return n
}

// TestTitleChangesTheCard guards the golden test: a card shows its title.
func TestTitleChangesTheCard(t *testing.T) {
	a, _ := Draw("Phản biện xã hội", "Loa", nil)
	b, _ := Draw("Phản biện xã hộ", "Loa", nil)
	ia, _ := png.Decode(bytes.NewReader(a))
	ib, _ := png.Decode(bytes.NewReader(b))
	if differing(ia, ib) < 100 {
		t.Error("a title one letter shorter draws the same card")
	}
}

func BenchmarkDraw(b *testing.B) {
	for _, bb := range []struct {
		name   string
		emblem image.Image
	}{{"mark", nil}, {"emblem", themeEmblem(b)}, {"gradient", gradientEmblem()}} {
		b.Run(bb.name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				data, err := Draw("Giám sát và phản biện xã hội khác nhau thế nào trong thực tiễn ở cơ sở?", "Loa", bb.emblem)
				if err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			b.ReportMetric(float64(size), "bytes/card")
		})
	}
}
