// Package photos draws synthetic photographs for tests, benchmarks and
// the sample portal: a meeting hall with a banner, a table, rows of
// people and a window, with light falling across it and a camera's
// noise, so that they compress like photos rather than like drawings.
// Nothing is downloaded; the same seed gives the same pixels. The
// pictures are made by the Loa project and dedicated to the public
// domain (CC0 1.0).
//
// PhoneJPEG saves one as a phone does: stored turned for an EXIF
// orientation, with the camera's make, the time and GPS coordinates.
package photos

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
)

// Scene draws a w×h photo of a meeting for seed. Its top edge is
// always the ceiling (lighter) and its bottom the floor, and the red
// banner is in its upper third, so tests can tell which way is up.
func Scene(seed uint64, w, h int) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	wall := hue(r, 200, 230, 215)
	floor := hue(r, 120, 90, 70)
	for y := range h {
		t := float64(y) / float64(h)
		c := wall
		if t > 0.62 {
			c = floor
		}
		light := 1.12 - 0.35*t
		for x := range w {
			s := light * (0.9 + 0.1*math.Cos(float64(x)/float64(w)*math.Pi))
			img.SetRGBA(x, y, shade(c, s))
		}
	}
	fill(img, rect(w, h, 0.2, 0.06, 0.8, 0.2), hue(r, 180, 25, 30))           // banner
	fill(img, rect(w, h, 0.3, 0.1, 0.7, 0.16), color.RGBA{235, 200, 60, 255}) // its words, as a band
	fill(img, rect(w, h, 0.84, 0.05, 0.97, 0.45), color.RGBA{190, 215, 235, 255})
	fill(img, rect(w, h, 0.1, 0.48, 0.9, 0.58), hue(r, 150, 40, 40)) // table
	people(img, r)
	noise(img, r, 6)
	return img
}

// people draws rows of seated people as heads and shoulders.
func people(img *image.RGBA, r *rand.Rand) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	for row := range 3 {
		y := float64(h) * (0.66 + 0.1*float64(row))
		size := float64(h) * (0.05 + 0.012*float64(row))
		for x := size; x < float64(w)-size; x += size * (2.2 + r.Float64()) {
			shirt := hue(r, 40+r.IntN(160), 40+r.IntN(160), 40+r.IntN(160))
			ellipse(img, x, y+size*1.4, size*1.1, size*0.9, shirt)
			ellipse(img, x, y, size*0.5, size*0.6, color.RGBA{uint8(150 + r.IntN(40)), uint8(110 + r.IntN(30)), 80, 255})
			ellipse(img, x, y-size*0.35, size*0.5, size*0.3, color.RGBA{25, 20, 20, 255})
		}
	}
}

func hue(r *rand.Rand, cr, cg, cb int) color.RGBA {
	j := func(v int) uint8 { return uint8(min(255, max(0, v+r.IntN(31)-15))) }
	return color.RGBA{j(cr), j(cg), j(cb), 255}
}

func shade(c color.RGBA, s float64) color.RGBA {
	f := func(v uint8) uint8 { return uint8(min(255, max(0, float64(v)*s))) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), 255}
}

func rect(w, h int, x0, y0, x1, y1 float64) image.Rectangle {
	return image.Rect(int(x0*float64(w)), int(y0*float64(h)), int(x1*float64(w)), int(y1*float64(h)))
}

func fill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

func ellipse(img *image.RGBA, cx, cy, rx, ry float64, c color.RGBA) {
	for y := int(cy - ry); y <= int(cy+ry); y++ {
		for x := int(cx - rx); x <= int(cx+rx); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			if dx*dx+dy*dy <= 1 && image.Pt(x, y).In(img.Rect) {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

// noise adds a camera's grain of about ±amp levels, and a light blur
// first so that edges are not razor sharp.
func noise(img *image.RGBA, r *rand.Rand, amp int) {
	p := img.Pix
	for i := 4; i+4 < len(p); i++ {
		if i%4 != 3 {
			p[i] = uint8((int(p[i-4]) + 2*int(p[i]) + int(p[i+4])) / 4)
		}
	}
	for i := 0; i < len(p); i += 4 {
		n := r.IntN(2*amp+1) - amp
		for c := range 3 {
			p[i+c] = uint8(min(255, max(0, int(p[i+c])+n+r.IntN(3)-1)))
		}
	}
}
