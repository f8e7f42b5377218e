package images

import (
	"encoding/binary"
	"errors"
)

// A WebP file is a RIFF container of chunks: a lossy (VP8) or lossless
// (VP8L) image, or, in the extended format, a VP8X header whose flags
// say which other chunks follow (colour profile, alpha, animation frames,
// EXIF, XMP).

// Flags of the VP8X header.
const (
	webpFlagAnimation = 0x02
	webpFlagXMP       = 0x04
	webpFlagEXIF      = 0x08
	webpFlagAlpha     = 0x10
)

// webpImageChunks are the chunks that make the picture of a WebP file:
// any other (EXIF, XMP, unknown chunks, which readers skip) is dropped.
var webpImageChunks = map[string]bool{"VP8X": true, "VP8 ": true, "VP8L": true, "ALPH": true, "ICCP": true, "ANIM": true, "ANMF": true}

var errWebPTruncated = errors.New("a WebP chunk runs past the end of the file (truncated)")

// riffChunk is one chunk of a WebP file.
type riffChunk struct {
	id         string
	start, end int // offsets of its header and just past its data and padding
	data       []byte
}

func isWebP(data []byte) bool {
	return len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP"
}

// webpChunks returns the chunks of a WebP file, up to the end the RIFF
// header states (what follows it is no part of the image).
func webpChunks(data []byte) ([]riffChunk, error) {
	if !isWebP(data) {
		return nil, errors.New("not a WebP file")
	}
	end := 8 + int64(binary.LittleEndian.Uint32(data[4:]))
	if end > int64(len(data)) {
		return nil, errWebPTruncated
	}
	var chunks []riffChunk
	for i := int64(12); i < end; {
		if i+8 > end {
			return nil, errWebPTruncated
		}
		n := int64(binary.LittleEndian.Uint32(data[i+4:]))
		if i+8+n > end {
			return nil, errWebPTruncated
		}
		next := min(i+8+n+n&1, end)
		chunks = append(chunks, riffChunk{id: string(data[i : i+4]), start: int(i), end: int(next), data: data[i+8 : i+8+n]})
		i = next
	}
	return chunks, nil
}

// stripWebP drops the EXIF and XMP chunks of a WebP file (and any chunk
// that is no part of the picture), clears their flags in its VP8X header
// and states the new size in its RIFF header.
func stripWebP(data []byte) ([]byte, error) {
	chunks, err := webpChunks(data)
	if err != nil {
		return nil, err
	}
	out := append(make([]byte, 0, len(data)), data[:12]...)
	for _, c := range chunks {
		if !webpImageChunks[c.id] {
			continue
		}
		at := len(out)
		out = append(out, data[c.start:c.end]...)
		if c.id == "VP8X" && len(c.data) > 0 {
			out[at+8] &^= webpFlagEXIF | webpFlagXMP
		}
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}

// webpFeatures reads from the chunks of a WebP file whether it may be
// transparent and whether it is animated.
func webpFeatures(data []byte) (alpha, animated bool) {
	chunks, _ := webpChunks(data)
	for _, c := range chunks {
		switch c.id {
		case "VP8X":
			if len(c.data) > 0 {
				alpha = alpha || c.data[0]&webpFlagAlpha != 0
				animated = animated || c.data[0]&webpFlagAnimation != 0
			}
		case "ALPH":
			alpha = true
		case "ANIM", "ANMF":
			animated = true
		case "VP8L": // signature 0x2F, 14 bits each of width and height, then alpha_is_used
			if len(c.data) >= 5 && c.data[0] == 0x2F && c.data[4]&0x10 != 0 {
				alpha = true
			}
		}
	}
	return alpha, animated
}
