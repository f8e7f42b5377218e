package images

import "bytes"

// Blocks of a GIF file, after its header and screen descriptor.
const (
	gifExtension = 0x21
	gifImage     = 0x2C
	gifTrailer   = 0x3B

	gifPlainText      = 0x01
	gifGraphicControl = 0xF9
	gifApplication    = 0xFF
)

// gifLoopApplications are the application extensions that say how often
// an animation plays; any other (XMP lives in "XMP DataXMP") is metadata.
var gifLoopApplications = []string{"NETSCAPE2.0", "ANIMEXTS1.0"}

func isGIF(data []byte) bool {
	return bytes.HasPrefix(data, []byte("GIF87a")) || bytes.HasPrefix(data, []byte("GIF89a"))
}

// stripGIF drops the comments and application extensions (other than
// loop counts) of a GIF file, keeping its frames, and ends it at its
// trailer: what follows goes. A file cut short keeps the image data it
// has; an extension cut short goes.
func stripGIF(data []byte) ([]byte, error) {
	i := 13 // header and logical screen descriptor
	if len(data) >= i && data[10]&0x80 != 0 {
		i += 3 << (data[10]&7 + 1) // global colour table
	}
	if i > len(data) {
		return data, nil
	}
	out := append(make([]byte, 0, len(data)), data[:i]...)
	for i < len(data) {
		switch data[i] {
		case gifExtension:
			end, whole := gifSubBlocks(data, i+2)
			if !whole {
				return out, nil
			}
			if keepGIFExtension(data[i+1], data[i+2:end]) {
				out = append(out, data[i:end]...)
			}
			i = end
		case gifImage:
			end := gifImageEnd(data, i)
			out = append(out, data[i:end]...)
			i = end
		default: // the trailer, or a block no reader knows: the image ends
			return append(out, gifTrailer), nil
		}
	}
	return out, nil
}

// gifImageEnd returns the offset just past the image at offset i (its
// descriptor, local colour table and LZW data), or the end of data.
func gifImageEnd(data []byte, i int) int {
	at := i + 10
	if at > len(data) {
		return len(data)
	}
	if packed := data[i+9]; packed&0x80 != 0 {
		at += 3 << (packed&7 + 1) // local colour table
	}
	at++ // LZW minimum code size
	if at > len(data) {
		return len(data)
	}
	end, _ := gifSubBlocks(data, at)
	return end
}

// gifSubBlocks returns the offset just past the chain of sub-blocks at
// offset i and whether it is whole; a chain cut short ends at the end of
// data.
func gifSubBlocks(data []byte, i int) (end int, whole bool) {
	for i < len(data) {
		n := int(data[i])
		i += 1 + n
		if n == 0 {
			return i, true
		}
	}
	return len(data), false
}

// keepGIFExtension reports whether an extension with a label and
// sub-blocks draws the image or sets its animation.
func keepGIFExtension(label byte, blocks []byte) bool {
	switch label {
	case gifPlainText, gifGraphicControl:
		return true
	case gifApplication:
		for _, app := range gifLoopApplications {
			if len(blocks) >= 12 && blocks[0] == 11 && string(blocks[1:12]) == app {
				return true
			}
		}
	}
	return false
}
