package card

import (
	"cmp"
	"image"
	"image/color"
	"image/draw"
	"reflect"
	"slices"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/vector"
)

// The site's emblem is drawn at the top left, above the title, on a
// white square with rounded corners so that it reads on the red.
const (
	emblemSide   = 120
	emblemTop    = 36 // the tone marks of a title in capitals reach y = 162
	emblemRadius = 20
)

// emblemRect is where the emblem is drawn on a card.
var emblemRect = image.Rect(margin, emblemTop, margin+emblemSide, emblemTop+emblemSide)

// area is the emblem area of a card, the same on every card of a site:
// the emblem drawn on red, and its pixels as indices into pal.
type area struct {
	src image.Image     // the emblem given to Draw
	pal color.Palette   // palette, then the emblem's most frequent colours
	pix *image.Paletted // emblemRect, in pal
}

// lastArea is the area of the last emblem Draw was given: the cards of a
// site draw their emblem once.
var lastArea struct {
	sync.Mutex
	a *area
}

// areaOf returns the emblem area of emblem, made anew unless emblem is
// the very image (the same pointer) of the last call.
func areaOf(emblem image.Image) *area {
	lastArea.Lock()
	defer lastArea.Unlock()
	if a := lastArea.a; a != nil && samePointer(a.src, emblem) {
		return a
	}
	img := image.NewRGBA(emblemRect)
	draw.Draw(img, img.Rect, image.NewUniform(red), image.Point{}, draw.Src)
	drawEmblem(img, emblem)
	a := &area{src: emblem, pal: append(slices.Clip(palette), frequentColours(img, palette, 256-len(palette))...)}
	a.pix = image.NewPaletted(img.Rect, a.pal)
	nearest := map[color.RGBA]uint8{}
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			c := img.RGBAAt(x, y)
			i, ok := nearest[c]
			if !ok {
				i = uint8(nearestIndex(a.pal, c))
				nearest[c] = i
			}
			a.pix.SetColorIndex(x, y, i)
		}
	}
	lastArea.a = a
	return a
}

// samePointer reports whether a and b are the same pointer to an image.
func samePointer(a, b image.Image) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	return va.Kind() == reflect.Pointer && va.Type() == vb.Type() && va.Pointer() == vb.Pointer()
}

// emblemToPalette maps a card to the palette of its emblem area a: the
// card's colours as toPalette maps them, and the area's pixels as a has
// them.
func emblemToPalette(img *image.RGBA, a *area) *image.Paletted {
	out := toPalette(img, a.pal)
	r := a.pix.Rect
	for y := r.Min.Y; y < r.Max.Y; y++ {
		copy(out.Pix[out.PixOffset(r.Min.X, y):][:r.Dx()], a.pix.Pix[a.pix.PixOffset(r.Min.X, y):][:r.Dx()])
	}
	return out
}

// drawEmblem draws emblem on img, whose bounds are emblemRect: scaled to
// fit (CatmullRom) over white, clipped to a rounded square.
func drawEmblem(img *image.RGBA, emblem image.Image) {
	tile := image.NewRGBA(image.Rect(0, 0, emblemSide, emblemSide))
	draw.Draw(tile, tile.Rect, image.NewUniform(white), image.Point{}, draw.Src)
	xdraw.CatmullRom.Scale(tile, fitRect(emblem.Bounds(), emblemSide), emblem, emblem.Bounds(), xdraw.Over, nil)
	draw.DrawMask(img, emblemRect, tile, image.Point{}, roundedSquare(emblemSide, emblemRadius), image.Point{}, draw.Over)
}

// fitRect returns the largest rectangle of the shape of src that fits in
// a square of side pixels, centred in it.
func fitRect(src image.Rectangle, side int) image.Rectangle {
	w, h := side, side
	if dx, dy := src.Dx(), src.Dy(); dx > dy {
		h = max(1, (dy*side+dx/2)/dx)
	} else if dy > dx {
		w = max(1, (dx*side+dy/2)/dy)
	}
	x, y := (side-w)/2, (side-h)/2
	return image.Rect(x, y, x+w, y+h)
}

// roundedSquare returns the mask of a square of side pixels whose corners
// are quarter circles of radius r, anti-aliased.
func roundedSquare(side, r int) *image.Alpha {
	var z vector.Rasterizer
	s, rr := float32(side), float32(r)
	k := rr * 0.5523 // control distance of a cubic Bézier quarter circle
	z.Reset(side, side)
	z.MoveTo(rr, 0)
	z.LineTo(s-rr, 0)
	z.CubeTo(s-rr+k, 0, s, rr-k, s, rr)
	z.LineTo(s, s-rr)
	z.CubeTo(s, s-rr+k, s-rr+k, s, s-rr, s)
	z.LineTo(rr, s)
	z.CubeTo(rr-k, s, 0, s-rr+k, 0, s-rr)
	z.LineTo(0, rr)
	z.CubeTo(0, rr-k, rr-k, 0, rr, 0)
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, side, side))
	z.Draw(mask, mask.Rect, image.Opaque, image.Point{})
	return mask
}

// bucket gathers the pixels of one quantised colour: 5 bits a channel.
type bucket struct {
	key        int
	n, r, g, b int
}

// frequentColours returns up to n colours for the pixels of img: the
// mean colour of each quantised colour, most frequent first, leaving out
// those close to a colour of have or taken before.
func frequentColours(img *image.RGBA, have color.Palette, n int) []color.Color {
	r := img.Rect
	buckets := map[int]*bucket{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			k := int(c.R>>3)<<10 | int(c.G>>3)<<5 | int(c.B>>3)
			b := buckets[k]
			if b == nil {
				b = &bucket{key: k}
				buckets[k] = b
			}
			b.n++
			b.r, b.g, b.b = b.r+int(c.R), b.g+int(c.G), b.b+int(c.B)
		}
	}
	sorted := make([]*bucket, 0, len(buckets))
	for _, b := range buckets {
		sorted = append(sorted, b)
	}
	slices.SortFunc(sorted, func(a, b *bucket) int { return cmp.Or(b.n-a.n, a.key-b.key) })
	var taken []color.Color
	all := slices.Clone(have)
	for _, b := range sorted {
		if len(taken) == n {
			break
		}
		c := color.RGBA{uint8(b.r / b.n), uint8(b.g / b.n), uint8(b.b / b.n), 0xff}
		if distance(all[nearestIndex(all, c)].(color.RGBA), c) < 64 {
			continue // as good as a colour the palette has
		}
		taken = append(taken, c)
		all = append(all, c)
	}
	return taken
}

// nearestIndex returns the index of the colour of pal nearest to c, every
// colour of pal being a color.RGBA.
func nearestIndex(pal color.Palette, c color.RGBA) int {
	best, bestD := 0, 1<<30
	for i, p := range pal {
		if d := distance(p.(color.RGBA), c); d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// distance is the squared distance of two colours.
func distance(a, b color.RGBA) int {
	dr, dg, db := int(a.R)-int(b.R), int(a.G)-int(b.G), int(a.B)-int(b.B)
	return dr*dr + dg*dg + db*db
}
