// Package card draws share cards: the 1200×630 picture that Facebook,
// Zalo and other sites show with a link to a page that has no photo of
// its own. A card shows the page's title in Vietnamese, large, wrapped on
// up to four lines (smaller type for long titles, an ellipsis past four
// lines), the site's name below it and, above the title, the site's
// emblem on a white rounded square (Loa's loudspeaker mark when the site
// has no raster form of its emblem), white and gold on the theme's red.
//
// A card is a paletted PNG, small and quick to encode: 63 colours for
// the red, white and gold of the text, the rest for the emblem's most
// frequent colours.
//
// The type is Be Vietnam Pro (Bold and Regular), embedded, under the SIL
// Open Font License 1.1 (fonts/OFL.txt): it has every Vietnamese letter
// with every tone mark as one precomposed glyph, so NFC text needs no
// shaping. Draw is safe for concurrent use.
package card

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Width and Height are the size of a card.
const (
	Width  = 1200
	Height = 630
)

// Version changes whenever the same title draws other pixels, so that
// cards cached by an older Loa are not reused.
const Version = "card-2 BeVietnamPro-Bold/Regular-5.0 emblem"

var (
	//go:embed fonts/BeVietnamPro-Bold.ttf
	boldTTF []byte
	//go:embed fonts/BeVietnamPro-Regular.ttf
	regularTTF []byte
)

// fonts parses the embedded fonts once. They are part of Loa, so a
// failure is a programmer's error.
var fonts = sync.OnceValue(func() [2]*sfnt.Font {
	bold, err := opentype.Parse(boldTTF)
	if err != nil {
		panic("card: embedded bold font: " + err.Error())
	}
	regular, err := opentype.Parse(regularTTF)
	if err != nil {
		panic("card: embedded regular font: " + err.Error())
	}
	return [2]*sfnt.Font{bold, regular}
})

// Colours of the card: the theme's red (--brand), white and gold.
var (
	red   = color.RGBA{0xa3, 0x16, 0x1b, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	gold  = color.RGBA{0xf5, 0xc8, 0x4c, 0xff}
)

// palette holds the card's colours and 31 steps of white and of gold
// over red, for the edges of letters: a card is a paletted PNG, which is
// small and quick to encode.
var palette = func() color.Palette {
	p := color.Palette{red}
	blend := func(c color.RGBA, t int) color.Color {
		mix := func(a, b uint8) uint8 { return uint8((int(a)*(31-t) + int(b)*t) / 31) }
		return color.RGBA{mix(red.R, c.R), mix(red.G, c.G), mix(red.B, c.B), 0xff}
	}
	for t := 1; t <= 31; t++ {
		p = append(p, blend(white, t), blend(gold, t))
	}
	return p
}()

// toPalette maps the pixels of a card, each red or a blend of white or
// gold over red, to the first colours of pal, which are palette: white
// blends change blue as much as green, gold blends a quarter as much.
func toPalette(img *image.RGBA, pal color.Palette) *image.Paletted {
	out := image.NewPaletted(img.Rect, pal)
	for i := range len(out.Pix) {
		p := img.Pix[i*4:][:3]
		dg, db := int(p[1])-int(red.G), int(p[2])-int(red.B)
		if dg <= 0 {
			continue // red
		}
		if 2*db > dg { // white over red
			out.Pix[i] = uint8(2*min(31, max(1, (dg*31+(int(white.G)-int(red.G))/2)/(int(white.G)-int(red.G)))) - 1)
		} else {
			out.Pix[i] = uint8(2 * min(31, max(1, (dg*31+(int(gold.G)-int(red.G))/2)/(int(gold.G)-int(red.G)))))
		}
	}
	return out
}

// Layout of the card, in pixels.
const (
	margin    = 80
	titleTop  = 190 // baseline of the first line of the title, at most
	nameBase  = 560 // baseline of the site's name
	maxLines  = 4
	textWidth = Width - 2*margin
)

// Draw returns the card of a page titled title on the site siteName, as
// PNG. emblem is the site's emblem, a square picture of it on white (any
// size; 192 px is plenty), drawn 120 px wide; nil draws Loa's
// loudspeaker mark instead. Draw keeps what it made of the last emblem it
// was given, so that the cards of a site scale and quantise it once: an
// emblem must not change once given to Draw.
func Draw(title, siteName string, emblem image.Image) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(red), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, Height-24, Width, Height), image.NewUniform(gold), image.Point{}, draw.Src)
	if emblem == nil {
		mark(img, margin, 60)
	}
	if err := drawTitle(img, title); err != nil {
		return nil, err
	}
	name, err := opentype.NewFace(fonts()[1], &opentype.FaceOptions{Size: 34, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	d := &font.Drawer{Dst: img, Src: image.NewUniform(gold), Face: name}
	d.Dot = fixed.P(margin, nameBase)
	d.DrawString(fit(d, siteName, textWidth))
	var out *image.Paletted
	if emblem != nil {
		out = emblemToPalette(img, areaOf(emblem))
	} else {
		out = toPalette(img, palette)
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("card: %w", err)
	}
	return buf.Bytes(), nil
}

// drawTitle draws the title at the largest size at which it fits in
// maxLines lines (down to 44 px, then cut with an ellipsis).
func drawTitle(img *image.RGBA, title string) error {
	title = strings.Join(strings.Fields(title), " ")
	for _, size := range []float64{68, 60, 52, 44} {
		face, err := opentype.NewFace(fonts()[0], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return err
		}
		d := &font.Drawer{Dst: img, Src: image.NewUniform(white), Face: face}
		lines := wrap(d, title, textWidth)
		if len(lines) > maxLines && size > 44 {
			continue
		}
		if len(lines) > maxLines {
			lines = lines[:maxLines]
			lines[maxLines-1] = fit(d, lines[maxLines-1]+" …", textWidth)
		}
		step := int(size * 1.25)
		y := min(titleTop+int(size), nameBase-60-step*(len(lines)-1))
		for i, l := range lines {
			d.Dot = fixed.P(margin, y+i*step)
			d.DrawString(l)
		}
		return nil
	}
	return nil
}

// wrap breaks text into lines no wider than width, at spaces; a word
// wider than a line is cut.
func wrap(d *font.Drawer, text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if d.MeasureString(try).Ceil() <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = fit(d, w, width)
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fit cuts text, adding an ellipsis, until it is no wider than width.
func fit(d *font.Drawer, text string, width int) string {
	if d.MeasureString(text).Ceil() <= width {
		return text
	}
	for text != "" {
		_, n := utf8.DecodeLastRuneInString(text)
		text = strings.TrimSpace(text[:len(text)-n])
		if d.MeasureString(text+"…").Ceil() <= width {
			return text + "…"
		}
	}
	return "…"
}

// mark draws a loudspeaker, Loa's neutral mark, with its top left at
// (x, y): a box, a horn and three sound waves.
func mark(img *image.RGBA, x, y int) {
	var r vector.Rasterizer
	r.Reset(88, 74) // the mark's own box, not the card's
	poly := func(pts ...float32) {
		r.MoveTo(pts[0], pts[1])
		for i := 2; i < len(pts); i += 2 {
			r.LineTo(pts[i], pts[i+1])
		}
		r.ClosePath()
	}
	poly(0, 22, 18, 22, 18, 50, 0, 50)   // box
	poly(18, 22, 52, 0, 52, 72, 18, 50)  // horn
	poly(62, 30, 86, 24, 86, 30, 62, 36) // waves
	poly(62, 42, 86, 42, 86, 48, 62, 48) //
	poly(62, 54, 86, 60, 86, 66, 62, 60) //
	r.Draw(img, image.Rect(x, y, x+88, y+74), image.NewUniform(gold), image.Point{})
}
