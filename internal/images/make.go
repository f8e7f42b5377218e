package images

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"slices"

	"github.com/gen2brain/webp"
	"golang.org/x/sync/semaphore"
)

// Processor makes the variants of images, from its cache when it can.
// Safe for concurrent use: images being decoded at once keep within
// Config.Budget.
type Processor struct {
	cfg   Config
	cache Cache
	sem   *semaphore.Weighted
}

// New returns a Processor for cfg that keeps what it makes in cache
// (nil: no cache).
func New(cfg Config, cache Cache) *Processor {
	cfg = cfg.withDefaults()
	return &Processor{cfg: cfg, cache: cache, sem: semaphore.NewWeighted(cfg.Budget)}
}

// Config returns the processor's configuration, with its defaults.
func (p *Processor) Config() Config { return p.cfg }

// Make returns the encoded variants vs of the source image described by
// info, in order. It takes them from the cache when the cache has them
// all; otherwise it calls read for the source bytes, decodes them once
// (within the memory budget), makes every variant and stores them in the
// cache. A source that cannot be decoded is an error saying why.
func (p *Processor) Make(ctx context.Context, info Info, vs []Variant, read func() ([]byte, error)) ([][]byte, error) {
	out := make([][]byte, len(vs))
	if p.fromCache(info, vs, out) {
		return out, nil
	}
	weight := min(int64(info.Width)*int64(info.Height)*4, p.cfg.Budget)
	if err := p.sem.Acquire(ctx, weight); err != nil {
		return nil, err
	}
	defer p.sem.Release(weight)
	data, err := read()
	if err != nil {
		return nil, err
	}
	src, err := decode(data, info)
	data = nil
	if err != nil {
		return nil, err
	}
	pix := scaleAll(src, info, vs, func(i int) bool { return out[i] == nil })
	src = nil
	for i, v := range vs {
		if out[i] != nil {
			continue
		}
		if out[i], err = p.encode(pix[i], v); err != nil {
			return nil, err
		}
		pix[i] = nil
		if p.cache != nil {
			p.cache.Put(p.cfg.cacheKey(info, v), out[i]) // a cache that cannot keep it only costs time
		}
	}
	return out, nil
}

// fromCache fills out with the variants the cache has, and reports
// whether it had them all.
func (p *Processor) fromCache(info Info, vs []Variant, out [][]byte) bool {
	if p.cache == nil {
		return false
	}
	all := true
	for i, v := range vs {
		if data, ok := p.cache.Get(p.cfg.cacheKey(info, v)); ok {
			out[i] = data
		} else {
			all = false
		}
	}
	return all
}

// decode decodes a source whose header Inspect read.
func decode(data []byte, info Info) (image.Image, error) {
	if !info.Processed() {
		return nil, fmt.Errorf("is a %s image, which Loa publishes as it is", info.Format)
	}
	// Check again: the bytes may not be those Inspect read.
	if again, err := Inspect(data, max(info.Width*info.Height, 1)); err != nil || again.Sum != info.Sum {
		if err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("changed while it was being read; build again")
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, decodeError(err)
	}
	return img, nil
}

// cropRect returns the largest rectangle of r's centre with the aspect
// ratio w:h.
func cropRect(r image.Rectangle, w, h int) image.Rectangle {
	rw, rh := r.Dx(), r.Dy()
	if rw*h > rh*w { // too wide: cut the sides
		cw := rh * w / h
		x := r.Min.X + (rw-cw)/2
		return image.Rect(x, r.Min.Y, x+cw, r.Max.Y)
	}
	ch := rw * h / w
	y := r.Min.Y + (rh-ch)/2
	return image.Rect(r.Min.X, y, r.Max.X, y+ch)
}

// encode writes img in the variant's format.
func (p *Processor) encode(img image.Image, v Variant) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch v.Format {
	case WebP:
		err = webp.Encode(&buf, img, webp.Options{Quality: p.cfg.WebPQuality, Method: 2})
	case JPEG:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: p.cfg.JPEGQuality})
	case PNG:
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	default:
		err = fmt.Errorf("cannot write %s", v.Format)
	}
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", v.Format, err)
	}
	return slices.Clip(buf.Bytes()), nil
}
