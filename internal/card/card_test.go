package card

import (
	"bytes"
	"flag"
	"image"
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
	tests := []struct{ file, title, site string }{
		{"vowels-lower.png", strings.Join(vowels, " "), "Đảng ủy thị trấn"},
		{"vowels-upper.png", strings.ToUpper(strings.Join(vowels, " ")), "ĐẢNG ỦY THỊ TRẤN"},
		{"long-title.png", "Giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội là gì, ai giám sát ai, giám sát những nội dung nào và bằng những hình thức nào theo Chỉ thị số 18-CT/TW?", "Cổng thông tin tuyên truyền Chỉ thị số 18-CT/TW của Ban Bí thư về giám sát và phản biện xã hội"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := Draw(tt.title, tt.site)
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
	a, _ := Draw("Phản biện xã hội", "Loa")
	b, _ := Draw("Phản biện xã hộ", "Loa")
	ia, _ := png.Decode(bytes.NewReader(a))
	ib, _ := png.Decode(bytes.NewReader(b))
	if differing(ia, ib) < 100 {
		t.Error("a title one letter shorter draws the same card")
	}
}

func BenchmarkDraw(b *testing.B) {
	for b.Loop() {
		if _, err := Draw("Giám sát và phản biện xã hội khác nhau thế nào trong thực tiễn ở cơ sở?", "Loa"); err != nil {
			b.Fatal(err)
		}
	}
}
