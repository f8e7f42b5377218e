package build

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io/fs"
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
// Drawn share cards show the 192 px one (cardEmblem).

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

// cardEmblem is the picture of the site's emblem that drawn share cards
// show (package card): a square PNG of the whole emblem on white, the
// 192 (else 512) pixel rendering beside the emblem when it has that
// size, else the 192 pixel icon Loa makes of a PNG or JPEG emblem (as
// planIcons does). An SVG or GIF emblem without renderings has none:
// cards show Loa's loudspeaker.
type cardEmblem struct {
	file string          // static name of the image read; "" for none
	info images.Info     // of file
	icon *images.Variant // the icon made of file; nil: file is shown as it is
	// sum changes whenever the picture does: the hash of file's bytes,
	// and for a made icon the name of the icon, which holds the settings.
	sum string
}

// cardEmblemSizes are the sizes of the emblem's renderings a card takes,
// best first: it draws the emblem 120 pixels wide.
var cardEmblemSizes = []int{192, 512}

// planCardEmblem returns the picture of the emblem that drawn cards of
// next show.
func (b *Builder) planCardEmblem(next *state) cardEmblem {
	for _, size := range cardEmblemSizes {
		file := next.site.IconFile(size)
		f, ok := next.statics[file]
		if w, h, sized := next.imageSize(file); ok && sized && w == size && h == size && f.Photo != nil && f.Photo.Processed() {
			return cardEmblem{file: file, info: *f.Photo, sum: "rendering " + f.Photo.Sum}
		}
	}
	emblem := next.site.Emblem
	f, ok := next.statics[emblem]
	if !ok || f.Photo == nil || !f.Photo.Processed() {
		return cardEmblem{}
	}
	cfg := b.img.Config()
	v := cfg.Icon(cardEmblemSizes[0])
	return cardEmblem{file: emblem, info: *f.Photo, icon: &v, sum: "icon " + f.Photo.Sum + " " + cfg.Name(emblem, *f.Photo, v)}
}

// loadCardEmblem decodes the picture of the emblem e (making the icon of
// a PNG or JPEG emblem); nil, nil when there is none.
func (b *Builder) loadCardEmblem(ctx context.Context, e cardEmblem, static fs.FS) (image.Image, error) {
	if e.file == "" {
		return nil, nil
	}
	read := func() ([]byte, error) { return fs.ReadFile(static, e.file) }
	var data []byte
	var err error
	if e.icon == nil {
		data, err = read()
	} else {
		var out [][]byte
		if out, err = b.img.Make(ctx, e.info, []images.Variant{*e.icon}, read); err == nil {
			data = out[0]
		}
	}
	var img image.Image
	if err == nil {
		img, err = png.Decode(bytes.NewReader(data))
	}
	if err != nil && ctx.Err() == nil {
		var errs diag.List
		errs.Add(diag.Pos{File: "static/" + e.file}, "", i18n.Sprintf("share cards cannot show the emblem: %s", strings.TrimPrefix(err.Error(), "images: ")), i18n.Sprintf("replace it with a JPEG or PNG photo, or remove it"))
		return nil, errs
	}
	return img, err
}
