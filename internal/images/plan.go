package images

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// Config says how images are made. The zero value is usable: it means
// DefaultWidths, quality 72 for WebP and 78 for JPEG, and MaxPixels.
type Config struct {
	Widths      []int // widths to make, ascending; never wider than the source
	WebPQuality int   // 1 to 100
	JPEGQuality int   // 1 to 100
	MaxPixels   int   // largest source decoded, width × height
	// Budget bounds the memory of the images being decoded at once, in
	// bytes (about 4 per source pixel); 0 means 256 MiB. An image larger
	// than the budget is made alone.
	Budget int64
}

// DefaultWidths are the widths made of each image: a thumbnail or a
// 360-pixel phone screen at 1×, the same at 2× and 3×, and a wide
// screen. A photo narrower than 1600 pixels also gets its own width.
var DefaultWidths = []int{360, 720, 1080, 1600}

func (c Config) withDefaults() Config {
	if len(c.Widths) == 0 {
		c.Widths = DefaultWidths
	}
	if c.WebPQuality <= 0 {
		c.WebPQuality = 72
	}
	if c.JPEGQuality <= 0 {
		c.JPEGQuality = 78
	}
	if c.MaxPixels <= 0 {
		c.MaxPixels = MaxPixels
	}
	if c.Budget <= 0 {
		c.Budget = 256 << 20
	}
	return c
}

// version changes whenever the pixels Make gives for the same source and
// settings change, so that cached images of older versions are not
// reused.
const version = "loa-images-2"

// signature is what, besides the source bytes, decides the bytes of a
// variant.
func (c Config) signature() string {
	c = c.withDefaults()
	return fmt.Sprintf("%s webp%d jpeg%d catmullrom", version, c.WebPQuality, c.JPEGQuality)
}

// Variant is one image made from a source.
type Variant struct {
	Width, Height int
	Format        Format
	// Crop cuts the source to the variant's aspect ratio around its
	// centre (a share card), rather than keeping the source's.
	Crop bool
	// Pad fits the whole source, upright, inside the variant with a
	// margin and fills the rest with white (an icon).
	Pad bool
}

// Plan returns the variants of a source for pages: each width of
// Config.Widths narrower than the source, and the source's own width
// when it is narrower than the widest, each as WebP and in the
// fallback format (JPEG, or PNG when it may be transparent). Nothing is
// made larger than the source.
func (c Config) Plan(info Info) []Variant {
	c = c.withDefaults()
	var widths []int
	for _, w := range c.Widths {
		if w < info.Width {
			widths = append(widths, w)
		}
	}
	if widest := c.Widths[len(c.Widths)-1]; info.Width <= widest {
		widths = append(widths, info.Width)
	}
	var vs []Variant
	for _, f := range []Format{WebP, info.Fallback()} {
		for _, w := range widths {
			vs = append(vs, Variant{Width: w, Height: max(1, (info.Height*w+info.Width/2)/info.Width), Format: f})
		}
	}
	return vs
}

// CardWidth and CardHeight are the size of a share card (og:image).
const (
	CardWidth  = 1200
	CardHeight = 630
)

// Card returns the share-card variant of a source: 1200×630 cut around
// its centre, as JPEG (which every site that shows link previews reads),
// or smaller at the same aspect when the source is smaller.
func (c Config) Card(info Info) Variant {
	w, h := CardWidth, CardHeight
	if info.Width < w || info.Height < h {
		// The largest 1200:630 rectangle inside the source.
		w = min(info.Width, info.Height*CardWidth/CardHeight)
		h = max(1, w*CardHeight/CardWidth)
	}
	return Variant{Width: w, Height: h, Format: JPEG, Crop: true}
}

// Icon returns the variant of a square icon of size×size pixels: the
// whole source on white, as PNG. Icons are opaque because iOS fills a
// transparent touch icon with black.
func (c Config) Icon(size int) Variant {
	return Variant{Width: size, Height: size, Format: PNG, Pad: true}
}

// IconMargin is the white margin on each side of an icon side pixels
// wide: a twelfth, so that the rounded corners phones cut off do not cut
// the emblem.
func IconMargin(side int) int { return max(1, side/12) }

// shownSize returns the size, upright, at which a variant shows its
// source: the variant's own size, or for a Pad variant the largest size
// of the source's aspect ratio inside it, less the margin.
func shownSize(info Info, v Variant) (int, int) {
	if !v.Pad {
		return v.Width, v.Height
	}
	iw, ih := v.Width-2*IconMargin(v.Width), v.Height-2*IconMargin(v.Height)
	if info.Width*ih > info.Height*iw { // wider than the inner box
		return iw, max(1, (info.Height*iw+info.Width/2)/info.Width)
	}
	return max(1, (info.Width*ih+info.Height/2)/info.Height), ih
}

// key is the content hash of a source with the settings: the part of
// every output name and cache key that changes with either.
func (c Config) key(info Info) string {
	sum := sha256.Sum256([]byte(info.Sum + "\x00" + c.signature()))
	return hex.EncodeToString(sum[:])
}

// Name returns the output name of a variant of the static image name:
// beside it, with the content hash and the width, e.g.
// "anh/hop.jpg" → "anh/hop.3f2a9c1b7d.720.webp"; a share card ends in
// ".og.jpg".
func (c Config) Name(name string, info Info, v Variant) string {
	base := strings.TrimSuffix(name, path.Ext(name))
	size := strconv.Itoa(v.Width)
	if v.Crop {
		size = "og"
	}
	if v.Pad {
		size = "icon" + size
	}
	return base + "." + c.key(info)[:10] + "." + size + v.Format.Ext()
}

// cacheKey names a variant in the cache.
func (c Config) cacheKey(info Info, v Variant) string {
	k := c.key(info)
	return k[:2] + "/" + k[2:40] + "-" + variantTag(v) + v.Format.Ext()
}

func variantTag(v Variant) string {
	t := strconv.Itoa(v.Width) + "x" + strconv.Itoa(v.Height)
	if v.Crop {
		t += "c"
	}
	if v.Pad {
		t += "p"
	}
	return t
}
