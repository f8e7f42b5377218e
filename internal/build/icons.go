package build

import (
	"fmt"
	"mime"
	"net/url"
	"path"
	"strings"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/images"
	"github.com/loa-vn/loa/internal/site"
)

// Icons: the apple-touch-icon (180×180) and the web app manifest's
// 192×192 and 512×512 icons are square PNG images of the site's emblem.
// A PNG rendering beside the emblem at that size (site.Identity.IconFile,
// "img/logo-180.png") is used as it is: the theme ships those of its own
// SVG mark. Otherwise, when the emblem is a PNG or JPEG image, Loa makes
// the icon from it: the whole emblem on white (images.Config.Icon).

// emblemWidth is the width of the emblem pages show in their header: 64
// CSS pixels on a screen of 2 device pixels to one.
const emblemWidth = 128

// planEmblem returns the output name of the emblem that pages show: for
// a PNG or JPEG emblem wider than emblemWidth, a copy that wide (added to
// the photos the build writes), not the original a commune may have put
// there at full size; else the emblem itself.
func (b *Builder) planEmblem(next *state, add func(photoOut)) string {
	emblem := next.site.Emblem
	f, ok := next.statics[emblem]
	if !ok || f.Photo == nil || !f.Photo.Processed() || f.Photo.Width <= emblemWidth {
		return next.assets[emblem]
	}
	info := *f.Photo
	v := images.Variant{Width: emblemWidth, Height: max(1, (info.Height*emblemWidth+info.Width/2)/info.Width), Format: info.Fallback()}
	name := b.img.Config().Name(emblem, info, v)
	add(photoOut{name: name, src: emblem, variant: v, who: fmt.Sprintf("the %d px emblem made from static/%s", emblemWidth, emblem)})
	return name
}

// planIcons returns the output name of each icon the site has, by size,
// and adds those Loa makes to the photos the build writes.
func (b *Builder) planIcons(next *state, add func(photoOut)) map[int]string {
	icons := map[int]string{}
	emblem := next.site.Emblem
	for _, size := range site.IconSizes {
		file := next.site.IconFile(size)
		if w, h, ok := next.imageSize(file); ok && w == size && h == size {
			icons[size] = next.assets[file]
			continue
		}
		f, ok := next.statics[emblem]
		if !ok || f.Photo == nil || !f.Photo.Processed() {
			continue
		}
		cfg := b.img.Config()
		v := cfg.Icon(size)
		name := cfg.Name(emblem, *f.Photo, v)
		icons[size] = name
		add(photoOut{name: name, src: emblem, variant: v, who: fmt.Sprintf("the %d px icon made from static/%s", size, emblem)})
	}
	return icons
}

// iconNotice tells a site whose emblem Loa cannot make icons from (an
// SVG or GIF image with no PNG renderings beside it) that phones get no
// icon.
func iconNotice(next *state) diag.List {
	var notes diag.List
	if next.site == nil || len(next.iconFiles) == len(site.IconSizes) {
		return notes
	}
	pos := diag.Pos{File: "content/" + content.HomePath}
	if home := next.files[content.HomePath]; home != nil {
		pos.Line = home.Meta.Lines["emblem"]
	}
	var files []string
	for _, size := range site.IconSizes {
		if next.iconFiles[size] == "" {
			files = append(files, "static/"+next.site.IconFile(size))
		}
	}
	notes.Notice(pos, "emblem", i18n.Sprintf("Loa makes phone and app icons only from a PNG or JPEG emblem, and static/%s is not one; phones show no icon of the site", next.site.Emblem),
		i18n.Sprintf("use a PNG emblem (at least 512×512 pixels), or put its square PNG renderings %s beside it", strings.Join(files, ", ")))
	return notes
}

// icons returns the icons of the web app manifest: the site's emblem
// (site.Identity.Emblem, by default the theme's static/img/emblem.svg),
// which is also the icon of its pages, and its square PNG icons
// (planIcons).
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
		if name := st.iconFiles[size]; name != "" {
			icons = append(icons, feed.Icon{Src: base + name, Sizes: fmt.Sprintf("%dx%d", size, size), Type: "image/png"})
		}
	}
	return icons
}
