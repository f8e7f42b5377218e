package build

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif"  // sizes of GIF images
	_ "image/jpeg" // sizes of JPEG images
	_ "image/png"  // sizes of PNG images
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/output"
)

// staticFile is a static file as written: minified, maybe fingerprinted.
type staticFile struct {
	out  string
	data []byte
	size [2]int // width and height of an image in pixels, else zero
}

// imageSize gives the size of a static image, so that pages can reserve
// its place before it loads.
func (st *state) imageSize(name string) (w, h int, ok bool) {
	size, ok := st.images[strings.TrimPrefix(name, "/")]
	return size[0], size[1], ok
}

var svgDims = regexp.MustCompile(`<svg[^>]*?\swidth="(\d+)"[^>]*?\sheight="(\d+)"`)

// svgSize reads width and height attributes of an SVG's root element.
func svgSize(data []byte) [2]int {
	m := svgDims.FindSubmatch(data)
	if m == nil {
		return [2]int{}
	}
	w, _ := strconv.Atoi(string(m[1]))
	h, _ := strconv.Atoi(string(m[2]))
	return [2]int{w, h}
}

// loadStatic processes static files: all of them, or only the changed
// ones when prev has the rest.
func (b *Builder) loadStatic(fsys fs.FS, prev *state, changed []string) (map[string]staticFile, diag.List) {
	var errs diag.List
	if _, err := content.Check(b.cfg.Site, "static"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, content.ReadError("static", err) // the folder itself, e.g. a link out of the site
	}
	names, err := assets.List(fsys, content.Ignored)
	if err != nil {
		errs.Add(diag.Pos{File: "static"}, "", "cannot read: "+err.Error(), "")
		return nil, errs
	}
	out := make(map[string]staticFile, len(names))
	for _, name := range names.Names() {
		if prev != nil && !touched("static/"+name, changed) {
			if f, ok := prev.statics[name]; ok {
				out[name] = f
				continue
			}
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Append(content.ReadError("static/"+name, err))
			continue
		}
		if output.Minifies(name) {
			if data, err = b.min.Bytes(name, data); err != nil {
				errs.Add(diag.Pos{File: "static/" + name}, "", err.Error(), "")
				continue
			}
		}
		f := staticFile{out: name, data: data}
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			f.size = [2]int{cfg.Width, cfg.Height}
		} else if path.Ext(name) == ".svg" {
			f.size = svgSize(data)
		}
		if assets.Fingerprinted(name) && !b.cfg.Dev {
			f.out = assets.Fingerprint(name, data)
		}
		out[name] = f
	}
	return out, errs
}
