package build

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/diag"
)

// imageSize gives the size of a static image, so that pages can reserve
// its place before it loads.
func (st *state) imageSize(name string) (w, h int, ok bool) {
	size, ok := st.images[strings.TrimPrefix(name, "/")]
	return size[0], size[1], ok
}

// attachmentExts are the extensions of the files documents attach
// (file:), whose sizes the registry shows.
var attachmentExts = []string{".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".zip"}

// attachment reports whether the static file name is of a kind documents
// attach. Only those sizes are kept: the size of a stylesheet, which
// changes at every edit, must not make every page render again.
func attachment(name string) bool {
	return slices.Contains(attachmentExts, strings.ToLower(path.Ext(name)))
}

// fileSize gives the size of a static attachment.
func (st *state) fileSize(name string) (int64, bool) {
	n, ok := st.attach[strings.TrimPrefix(name, "/")]
	return n, ok
}

// loadStatic processes static files: all of them, or only the changed
// ones when prev has the rest.
func (b *Builder) loadStatic(fsys fs.FS, prev *state, changed []string) (map[string]assets.File, diag.List) {
	cfg := assets.Config{Site: b.cfg.Site, Minify: b.min.Bytes, Fingerprint: !b.cfg.Dev}
	if prev != nil {
		cfg.Prev = prev.statics
		cfg.Changed = func(name string) bool { return Touched("static/"+name, changed) }
	}
	return assets.Load(fsys, cfg)
}
