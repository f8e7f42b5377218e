// Package images makes the pictures of a site small for phones: it reads
// the header of a source image, JPEG, PNG, WebP or GIF (Inspect), and
// makes the variants of a JPEG, PNG or still WebP (Make):
// decoded once, turned upright by its EXIF orientation, resized to a few
// widths, never larger than the source, and encoded as WebP and as JPEG
// (PNG for images that may be transparent). The variants are encoded from
// pixels, so they carry no metadata: no EXIF, no GPS position, no camera,
// no date. Strip removes the metadata from an original that is published
// as it is (EXIF, XMP, comments, and any image appended after the end of
// a JPEG), a GIF or an animated WebP among them.
//
// # Sizes and names
//
// Config.Plan lists the variants of a source (DefaultWidths: 360, 720,
// 1080 and 1600 pixels, plus the source's own width when it is narrower
// than 1600), Config.Card its 1200×630 share card, and Config.Name their
// output names, beside the source with a content hash of the source's
// bytes and the settings: "anh/hop.jpg" → "anh/hop.3f2a9c1b7d.720.webp".
//
// # Limits
//
// A file that is not a JPEG, PNG, WebP or GIF image, one cut short, or one
// whose header claims more than MaxPixels (a "decompression bomb") is an
// error that says what is wrong; its pixels are never decoded. Images
// being decoded at once keep within Config.Budget bytes.
//
// # Cache
//
// A Processor keeps what it makes in a Cache (Dir: a folder a CI can
// keep between runs), keyed by the source's bytes and the settings, so a
// build whose photos did not change decodes none of them.
//
// A Processor is safe for concurrent use. Everything is pure Go: the
// scaling is golang.org/x/image/draw, the WebP encoder and decoder
// libwebp compiled to WebAssembly and run by wazero
// (github.com/gen2brain/webp).
package images
