package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // sizes of GIF images
	"image/jpeg"
	"image/png"
	"io"
	"path"
	"strings"

	"github.com/gen2brain/webp"
)

// Format is the encoding of an image.
type Format string

// The formats Loa reads and writes.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	WebP Format = "webp"
	GIF  Format = "gif"
)

// Ext returns the file extension of f, with its dot.
func (f Format) Ext() string {
	if f == JPEG {
		return ".jpg"
	}
	return "." + string(f)
}

// MediaType returns the MIME type of f.
func (f Format) MediaType() string { return "image/" + string(f) }

// Info is what Loa knows of a source image without decoding its pixels.
type Info struct {
	Format      Format
	Width       int    // as shown: after the EXIF orientation
	Height      int    // as shown
	Orientation int    // EXIF orientation, 1 (upright) to 8
	Alpha       bool   // its colours may be transparent: the fallback format is PNG
	Animated    bool   // an animated WebP: published as it is, like a GIF
	Sum         string // hex SHA-256 of the file's bytes
}

// Processed reports whether Loa resizes the image: JPEG, PNG and WebP
// files. GIF files and animated WebP files are published as they are
// (without their metadata).
func (i Info) Processed() bool {
	return i.Format == JPEG || i.Format == PNG || i.Format == WebP && !i.Animated
}

// Fallback is the format served beside WebP: PNG for an image that may
// be transparent, JPEG for the rest.
func (i Info) Fallback() Format {
	if i.Alpha {
		return PNG
	}
	return JPEG
}

// MaxPixels is the largest image, in pixels, Loa decodes by default
// (8000×8000): a phone's 12 to 50 megapixel photos pass, a "decompression
// bomb" whose few bytes claim 20,000×20,000 pixels does not.
const MaxPixels = 64_000_000

// Inspect reads the header of a JPEG, PNG, WebP or GIF file: its format, its
// size as shown and its EXIF orientation, and checks it against
// maxPixels (MaxPixels when 0). It does not decode the pixels, so a file
// cut short after its header passes here and fails in Make.
func Inspect(data []byte, maxPixels int) (Info, error) {
	if maxPixels <= 0 {
		maxPixels = MaxPixels
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Info{}, decodeError(err)
	}
	info := Info{Format: Format(format), Width: cfg.Width, Height: cfg.Height, Orientation: 1}
	switch info.Format {
	case JPEG, PNG, WebP, GIF:
	default:
		return Info{}, fmt.Errorf("is a %s image; Loa reads JPEG, PNG, WebP and GIF", format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, errors.New("has no pixels (width or height 0)")
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(maxPixels) {
		return Info{}, fmt.Errorf("is %d×%d pixels, over the limit of %d megapixels; make it smaller (a web page needs at most 1600 pixels across)", cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	if info.Format == JPEG {
		info.Orientation = orientation(data)
		if info.Orientation >= 5 { // rotated a quarter turn: width and height swap
			info.Width, info.Height = info.Height, info.Width
		}
	}
	info.Alpha = mayBeTransparent(cfg.ColorModel)
	if info.Format == WebP { // its decoder reports no colour model of its own
		info.Alpha, info.Animated = webpFeatures(data)
	}
	sum := sha256.Sum256(data)
	info.Sum = hex.EncodeToString(sum[:])
	return info, nil
}

// mayBeTransparent reports whether a colour model can hold transparent
// colours: RGBA models, and palettes with a transparent entry.
func mayBeTransparent(m color.Model) bool {
	switch m {
	case color.RGBAModel, color.NRGBAModel, color.RGBA64Model, color.NRGBA64Model, color.AlphaModel, color.Alpha16Model:
		return true
	}
	if p, ok := m.(color.Palette); ok {
		for _, c := range p {
			if _, _, _, a := c.RGBA(); a != 0xFFFF {
				return true
			}
		}
	}
	return false
}

// decodeError says in words why an image could not be read.
func decodeError(err error) error {
	var fmtErr jpeg.FormatError
	var pngErr png.FormatError
	switch {
	case errors.Is(err, image.ErrFormat):
		return errors.New("is not a JPEG, PNG, WebP or GIF image (its first bytes are those of no image format)")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), err.Error() == "invalid JPEG format: short Huffman data":
		return errors.New("is cut short: the file ends in the middle of the image (truncated)")
	case errors.As(err, &fmtErr), errors.As(err, &pngErr):
		return fmt.Errorf("is a damaged image: %v", err)
	case errors.Is(err, webp.ErrDecode):
		return errors.New("is a damaged WebP image, or one cut short (truncated)")
	}
	return fmt.Errorf("cannot be read as an image: %v", err)
}

// IsImageName reports whether a file name has the extension of a raster
// image a site may publish: .jpg, .jpeg, .png, .gif or .webp.
func IsImageName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp":
		return true
	}
	return false
}
