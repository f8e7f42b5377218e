package assets

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

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/images"
)

// File is a static file as it is written out: minified, and named by its
// content hash when fingerprinted.
type File struct {
	Out  string // output name: the static name, or its fingerprinted form
	Data []byte // nil for a photo (see Photo), read again when needed
	Size [2]int // width and height of an image in pixels (as shown), else zero
	// Photo describes a JPEG, PNG, WebP or GIF image, which pages show
	// resized, or published without its metadata (see package images).
	// Its bytes are not kept: a site's photos can be gigabytes.
	Photo *images.Info
}

// IsPhoto reports whether name has the extension of an image Loa reads:
// .jpg, .jpeg, .png, .webp or .gif, in any letter case. It resizes the
// first three and WebP images that are not animated, and publishes the
// others without their metadata.
func IsPhoto(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp", ".gif":
		return true
	}
	return false
}

// Config configures Load. The zero value loads every file as it is,
// under its own name.
type Config struct {
	// Site is the site root, whose static/ folder itself must be one the
	// site may read (content.Check); nil checks nothing.
	Site fs.FS
	// Minify returns data minified for the type of name, or data itself
	// for a type it does not minify; nil keeps every file as it is.
	Minify func(name string, data []byte) ([]byte, error)
	// Fingerprint names stylesheets and scripts by their content hash
	// (off in the dev server, whose URLs stay put).
	Fingerprint bool
	// Prev holds the files of an earlier Load; those that Changed reports
	// unchanged are taken from it without being read. Nil Changed means
	// every file changed.
	Prev    map[string]File
	Changed func(name string) bool
}

// Load reads the static files of fsys (the static folder, the site's own
// files over the theme's), skipping what content.Ignored names, and
// processes them: minified, measured when images, fingerprinted. Files
// are read through fsys, so a site opened with content.Guard keeps its
// read rule; a file that may not be read is reported by name.
func Load(fsys fs.FS, cfg Config) (map[string]File, diag.List) {
	var errs diag.List
	if cfg.Site != nil {
		if _, err := content.Check(cfg.Site, "static"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, content.ReadError("static", err) // the folder itself, e.g. a link out of the site
		}
	}
	names, err := List(fsys)
	if err != nil {
		errs.Add(diag.Pos{File: "static"}, "", i18n.Sprintf("cannot read: %v", err), "")
		return nil, errs
	}
	out := make(map[string]File, len(names))
	for _, name := range names.Names() {
		if cfg.Changed != nil && !cfg.Changed(name) {
			if f, ok := cfg.Prev[name]; ok {
				out[name] = f
				continue
			}
		}
		f, fileErrs := load(fsys, name, cfg)
		if fileErrs != nil {
			errs.Append(fileErrs)
			continue
		}
		out[name] = f
	}
	return out, errs
}

// load reads and processes the static file name.
func load(fsys fs.FS, name string, cfg Config) (File, diag.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return File{}, content.ReadError("static/"+name, err)
	}
	if IsPhoto(name) {
		return loadPhoto(name, data)
	}
	if cfg.Minify != nil {
		if data, err = cfg.Minify(name, data); err != nil {
			var errs diag.List
			errs.Add(diag.Pos{File: "static/" + name}, "", err.Error(), "")
			return File{}, errs
		}
	}
	f := File{Out: name, Data: data}
	if img, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		f.Size = [2]int{img.Width, img.Height}
	} else if path.Ext(name) == ".svg" {
		f.Size = svgSize(data)
	}
	if cfg.Fingerprint && Fingerprinted(name) {
		f.Out = Fingerprint(name, data)
	}
	return f, nil
}

// loadPhoto reads the header of a JPEG, PNG, WebP or GIF file. A file that is not
// one, is cut short in its header or claims too many pixels is an error.
func loadPhoto(name string, data []byte) (File, diag.List) {
	info, err := images.Inspect(data, 0)
	if err != nil {
		var errs diag.List
		errs.Add(diag.Pos{File: "static/" + name}, "", err.Error(), i18n.Sprintf("replace it with a JPEG or PNG photo, or remove it"))
		return File{}, errs
	}
	return File{Out: name, Size: [2]int{info.Width, info.Height}, Photo: &info}, nil
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
