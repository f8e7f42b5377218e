package images

import (
	"image"
	"image/color"
	"slices"

	"golang.org/x/image/draw"
)

// The pixels of a source are made into variants in steps, each cheap and
// none losing detail the next needs:
//
//  1. reduce: the source, as stored, is averaged over f×f blocks into an
//     RGBA image still at least as large as every variant (a 4000×3000
//     phone photo → 2000×1500 for a 1600-pixel variant). Box averaging is
//     what a good downscale does at large factors, at a fraction of the
//     cost of a wide kernel over 12 megapixels.
//  2. scale: each variant is scaled with Catmull-Rom from the smallest
//     image already made that is at least as large, widest first
//     (2000 → 1600 → 1080 → 720 → 360), so no step shrinks by more than
//     about 2.
//  3. orient: each variant is turned upright.

// reduce returns src averaged over f×f blocks as RGBA (premultiplied).
func reduce(src image.Image, f int) *image.RGBA {
	b := src.Bounds()
	if f <= 1 {
		dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
		return dst
	}
	if y, ok := src.(*image.YCbCr); ok {
		return reduceYCbCr(y, f)
	}
	rgba, ok := src.(*image.RGBA)
	if !ok {
		rgba = reduce(src, 1)
	}
	return reduceRGBA(rgba, f)
}

func reduceYCbCr(src *image.YCbCr, f int) *image.RGBA {
	b := src.Rect
	w, h := b.Dx()/f, b.Dy()/f
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	n := uint32(f * f)
	for y := range h {
		row := dst.Pix[y*dst.Stride:]
		for x := range w {
			var r, g, bl uint32
			for j := range f {
				sy := b.Min.Y + y*f + j
				for i := range f {
					sx := b.Min.X + x*f + i
					yi, ci := src.YOffset(sx, sy), src.COffset(sx, sy)
					cr, cg, cb := color.YCbCrToRGB(src.Y[yi], src.Cb[ci], src.Cr[ci])
					r, g, bl = r+uint32(cr), g+uint32(cg), bl+uint32(cb)
				}
			}
			p := row[x*4:][:4]
			p[0], p[1], p[2], p[3] = uint8(r/n), uint8(g/n), uint8(bl/n), 255
		}
	}
	return dst
}

func reduceRGBA(src *image.RGBA, f int) *image.RGBA {
	b := src.Rect
	w, h := b.Dx()/f, b.Dy()/f
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	n := uint32(f * f)
	for y := range h {
		row := dst.Pix[y*dst.Stride:]
		for x := range w {
			var sum [4]uint32
			for j := range f {
				srow := src.Pix[(y*f+j)*src.Stride+x*f*4:]
				for i := range f {
					for c := range 4 {
						sum[c] += uint32(srow[i*4+c])
					}
				}
			}
			p := row[x*4:][:4]
			for c := range 4 {
				p[c] = uint8(sum[c] / n)
			}
		}
	}
	return dst
}

// stored returns the size of a variant as stored in the source, before
// orientation.
func stored(info Info, v Variant) (int, int) {
	w, h := shownSize(info, v)
	if info.Orientation >= 5 {
		return h, w
	}
	return w, h
}

// reduction returns the largest block size by which src can be averaged
// and still be at least as large as every variant needs.
func reduction(b image.Rectangle, info Info, vs []Variant) int {
	f := max(b.Dx(), b.Dy())
	for _, v := range vs {
		w, h := stored(info, v)
		r := b
		if v.Crop {
			r = cropRect(b, w, h)
		}
		f = min(f, r.Dx()/w, r.Dy()/h)
	}
	return max(f, 1)
}

// scaleTo returns the part sr of src scaled to w×h: src itself when it
// is that size, a 2×2 average when exactly half, else Catmull-Rom.
func scaleTo(src *image.RGBA, sr image.Rectangle, w, h int) *image.RGBA {
	switch {
	case sr == src.Rect && sr.Dx() == w && sr.Dy() == h:
		return src
	case sr == src.Rect && sr.Dx() == 2*w && sr.Dy() == 2*h:
		return reduceRGBA(src, 2)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, sr, draw.Src, nil)
	return dst
}

// scaleAll makes the pixels of every variant of vs from src (as stored),
// upright. want reports which variants to make; the others are nil.
func scaleAll(src image.Image, info Info, vs []Variant, want func(i int) bool) []image.Image {
	f := reduction(src.Bounds(), info, vs)
	base := reduce(src, f)
	out := make([]image.Image, len(vs))
	// Widest first, each from the smallest larger image made so far.
	order := make([]int, len(vs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return vs[b].Width - vs[a].Width })
	made := []*image.RGBA{base}
	for _, i := range order {
		v := vs[i]
		if !want(i) {
			continue
		}
		w, h := stored(info, v)
		from := base
		if !v.Crop {
			for _, m := range made {
				if m.Rect.Dx() >= w && m.Rect.Dy() >= h && m.Rect.Dx() < from.Rect.Dx() {
					from = m
				}
			}
		}
		sr := from.Rect
		if v.Crop {
			sr = cropRect(sr, w, h)
		}
		dst := scaleTo(from, sr, w, h)
		if !v.Crop {
			made = append(made, dst)
		}
		out[i] = orient(dst, info.Orientation)
		if v.Pad {
			out[i] = onWhite(out[i], v.Width, v.Height)
		}
	}
	return out
}

// onWhite returns img centred on an opaque white w×h image.
func onWhite(img image.Image, w, h int) image.Image {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	b := img.Bounds()
	at := image.Pt((w-b.Dx())/2, (h-b.Dy())/2)
	draw.Draw(dst, image.Rectangle{Min: at, Max: at.Add(b.Size())}, img, b.Min, draw.Over)
	return dst
}
