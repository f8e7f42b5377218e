package images

import (
	"image"
	"image/draw"
)

// orient turns an image stored with EXIF orientation o upright. It takes
// and returns *image.RGBA or *image.NRGBA (the pixel layouts are the same).
func orient(img draw.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	pix, stride, b := pixels(img)
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	out := make([]uint8, ow*oh*4)
	for y := range h {
		for x := range w {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // turned half a turn
				dx, dy = w-1-x, h-1-y
			case 4: // mirrored upside down
				dx, dy = x, h-1-y
			case 5: // mirrored along the main diagonal
				dx, dy = y, x
			case 6: // turned a quarter turn clockwise to show
				dx, dy = h-1-y, x
			case 7: // mirrored along the other diagonal
				dx, dy = h-1-y, w-1-x
			case 8: // turned a quarter turn counter-clockwise to show
				dx, dy = y, w-1-x
			}
			copy(out[(dy*ow+dx)*4:][:4], pix[y*stride+x*4:][:4])
		}
	}
	r := image.Rect(0, 0, ow, oh)
	if _, ok := img.(*image.NRGBA); ok {
		return &image.NRGBA{Pix: out, Stride: ow * 4, Rect: r}
	}
	return &image.RGBA{Pix: out, Stride: ow * 4, Rect: r}
}

func pixels(img draw.Image) ([]uint8, int, image.Rectangle) {
	switch m := img.(type) {
	case *image.RGBA:
		return m.Pix, m.Stride, m.Rect
	case *image.NRGBA:
		return m.Pix, m.Stride, m.Rect
	}
	panic("images: orient needs RGBA or NRGBA") // a programmer's error: resize makes only these
}
