package build

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Points of a drawn card (package card): inside the emblem, in the
// middle of its 120-pixel square at (80, 36); on the white of that square
// near its top left, beside its rounded corner; and on the box of the
// loudspeaker drawn instead when a site has no raster emblem; on the
// gold ring of the theme's mark.
var (
	emblemMiddle = image.Pt(140, 96)
	emblemWhite  = image.Pt(92, 39)
	speakerBox   = image.Pt(88, 94)
	themeRing    = image.Pt(95, 96)
)

var (
	cardRed  = color.RGBA{0xa3, 0x16, 0x1b, 0xff}
	cardGold = color.RGBA{0xf5, 0xc8, 0x4c, 0xff}
	blue     = color.RGBA{0x20, 0x40, 0xc0, 0xff}
	green    = color.RGBA{0x20, 0xa0, 0x40, 0xff}
	white    = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// TestCardEmblem checks that drawn share cards show the site's emblem: a
// PNG or JPEG emblem of its own (from the icon Loa makes of it), the
// rendering beside an SVG emblem (the theme's by default), else Loa's
// loudspeaker. Each card is checked by the colour of a few pixels. A new
// emblem of the same name draws new cards, under new names: the builds
// share the process's card cache, which must not give the old card.
func TestCardEmblem(t *testing.T) {
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>`)
	tests := []struct {
		name   string
		emblem string // "" for the theme's
		files  map[string][]byte
		want   map[image.Point]color.RGBA
	}{
		{"theme", "", nil, map[image.Point]color.RGBA{emblemWhite: white, themeRing: {0xfe, 0xbe, 0x45, 0xff}}},
		{"own PNG", "img/logo.png", map[string][]byte{"img/logo.png": filledPNG(t, 300, 300, blue)},
			map[image.Point]color.RGBA{emblemMiddle: blue, emblemWhite: white}},
		{"own PNG, new colour", "img/logo.png", map[string][]byte{"img/logo.png": filledPNG(t, 300, 300, green)},
			map[image.Point]color.RGBA{emblemMiddle: green, emblemWhite: white}},
		{"own JPEG", "img/logo.jpg", map[string][]byte{"img/logo.jpg": filledJPEG(t, 400, 300, green)},
			map[image.Point]color.RGBA{emblemMiddle: green, emblemWhite: white}},
		{"SVG with a 512 rendering", "img/logo.svg", map[string][]byte{"img/logo.svg": svg, "img/logo-512.png": filledPNG(t, 512, 512, blue)},
			map[image.Point]color.RGBA{emblemMiddle: blue, emblemWhite: blue}}, // a rendering is shown whole: this one has no margin
		{"SVG alone", "img/logo.svg", map[string][]byte{"img/logo.svg": svg},
			map[image.Point]color.RGBA{emblemMiddle: cardRed, emblemWhite: cardRed, speakerBox: cardGold}},
	}
	names := map[string][]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ar := txtar.Parse([]byte(ldSite))
			if tt.emblem != "" {
				ar.Files[0].Data = []byte(strings.Replace(string(ar.Files[0].Data), "---\n", "---\nemblem: "+tt.emblem+"\n", 1))
			}
			for _, name := range slices.Sorted(maps.Keys(tt.files)) {
				ar.Files = append(ar.Files, txtar.File{Name: "static/" + name, Data: tt.files[name]})
			}
			_, files, err := buildTxtar(t, ar, "https://example.org/")
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range slices.Sorted(maps.Keys(files)) {
				if !strings.HasPrefix(name, CardFolder+"/") {
					continue
				}
				names[tt.name] = append(names[tt.name], name)
				img, err := png.Decode(bytes.NewReader(files[name]))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for p, want := range tt.want {
					if got := img.At(p.X, p.Y); !nearColour(got, want, 24) {
						t.Errorf("%s at %v is %v, want %v", name, p, got, want)
					}
				}
			}
			if len(names[tt.name]) < 3 {
				t.Errorf("%d drawn cards (%q), want one for each article, news item and question", len(names[tt.name]), names[tt.name])
			}
		})
	}
	if a, b := names["own PNG"], names["own PNG, new colour"]; len(a) > 0 && slices.Equal(a, b) {
		t.Errorf("a new emblem keeps the cards' names %q", a)
	}
}

// filledPNG is a w×h PNG of one colour.
func filledPNG(t *testing.T, w, h int, c color.RGBA) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, filled(w, h, c)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// filledJPEG is a w×h JPEG of one colour.
func filledJPEG(t *testing.T, w, h int, c color.RGBA) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, filled(w, h, c), &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func filled(w, h int, c color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Rect, image.NewUniform(c), image.Point{}, draw.Src)
	return img
}

// nearColour reports whether c is within d of want in every channel.
func nearColour(c color.Color, want color.RGBA, d int) bool {
	r, g, b, _ := c.RGBA()
	in := func(p uint32, q uint8) bool { return int(p>>8)-int(q) <= d && int(q)-int(p>>8) <= d }
	return in(r, want.R) && in(g, want.G) && in(b, want.B)
}
