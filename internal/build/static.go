package build

import (
	"fmt"
	"io/fs"
	"mime"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/site"
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

// icons returns the icons of the web app manifest: the site's emblem
// (site.Identity.Emblem, by default the theme's static/img/emblem.svg),
// which is also the icon of its pages, and the PNG renderings of it
// (site.Identity.IconFile) that exist, at their sizes.
func (st *state) icons() []feed.Icon {
	u, err := url.Parse(st.baseURL)
	if err != nil {
		return nil
	}
	base := strings.TrimSuffix(u.Path, "/") + "/"
	var icons []feed.Icon
	if name, ok := st.assets[st.site.Emblem]; ok {
		ic := feed.Icon{Src: base + name, Type: mime.TypeByExtension(path.Ext(name))}
		if w, h, ok := st.imageSize(st.site.Emblem); ok && ic.Type != "image/svg+xml" {
			ic.Sizes = fmt.Sprintf("%dx%d", w, h)
		} else if ic.Type == "image/svg+xml" {
			ic.Sizes = "any"
		}
		icons = append(icons, ic)
	}
	for _, size := range site.IconSizes[1:] {
		file := st.site.IconFile(size)
		name, ok := st.assets[file]
		if w, h, sized := st.imageSize(file); ok && sized && w == size && h == size {
			icons = append(icons, feed.Icon{Src: base + name, Sizes: fmt.Sprintf("%dx%d", size, size), Type: "image/png"})
		}
	}
	return icons
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
