package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/card"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/images"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/par"
	"github.com/loa-vn/loa/internal/render"
	"github.com/loa-vn/loa/internal/site"
)

// Photos: every JPEG, PNG or (still) WebP of static/ that a page shows
// (a Markdown image, the image key, a list's thumbnail) is published as
// the variants package images makes, under content-hashed names beside
// it; the original is published (without its metadata) only when a page
// links to the file itself, or when no page shows it at all (a layout or
// a stylesheet may). GIFs and animated WebPs are published as they are,
// without their metadata. Each article, Q&A item, news item and document gets a
// share card: its own photo cut to 1200×630, else a card drawn with its
// title (package card).

// CardFolder is the folder of the drawn share cards, which Loa owns.
const CardFolder = "anh-chia-se"

// photoOut is one image file a build makes.
type photoOut struct {
	name    string
	who     string // for messages: what it is, and of what
	src     string // static name of the source photo; "" for a drawn card
	variant images.Variant
	title   string // of a drawn card: the big text
	caption string // of a drawn card: the line under it
}

// photoPhase is what a build makes of photos: the files, the originals
// it publishes and the share card of each page (planPhotos).
type photoPhase struct {
	outs      []photoOut
	originals map[string]bool // static names of the photos published as they are
	cards     map[*site.Page]render.ShareImage
	iconFiles map[int]string // size → output name of the emblem's icon (planIcons)
	emblem    string         // output name of the emblem pages show (planEmblem)
	// cardEmblem is the picture of the emblem that drawn cards show.
	cardEmblem cardEmblem
}

// photoSums returns the content hash of each photo of statics.
func photoSums(statics map[string]assets.File) map[string]string {
	sums := map[string]string{}
	for name, f := range statics {
		if f.Photo != nil {
			sums[name] = f.Photo.Sum
		}
	}
	return sums
}

// picture returns the variants of the static photo at a site path, for
// pages: nil, false for a path that is no photo.
func (b *Builder) picture(st *state, sitePath string) (*markdown.Picture, bool) {
	name := strings.TrimPrefix(sitePath, "/")
	f, ok := st.statics[name]
	if !ok || f.Photo == nil || !f.Photo.Processed() {
		return nil, false
	}
	cfg := b.img.Config()
	vs := cfg.Plan(*f.Photo)
	pic := &markdown.Picture{}
	for _, v := range vs {
		if len(pic.Sources) == 0 || pic.Sources[len(pic.Sources)-1].Type != v.Format.MediaType() {
			pic.Sources = append(pic.Sources, markdown.Source{Type: v.Format.MediaType()})
		}
		s := &pic.Sources[len(pic.Sources)-1]
		s.Files = append(s.Files, markdown.File{URL: "/" + cfg.Name(name, *f.Photo, v), Width: v.Width})
		pic.Width, pic.Height = max(pic.Width, v.Width), max(pic.Height, v.Height)
	}
	return pic, true
}

// cardKinds are the kinds of pages that get a share card of their own.
var cardKinds = map[content.Kind]bool{content.KindArticle: true, content.KindQA: true, content.KindNews: true, content.KindDocument: true}

// planPhotos lists the image files of next: the variants of every photo a
// page shows, and the share card of every page that gets one.
func (b *Builder) planPhotos(next *state) photoPhase {
	pp := photoPhase{originals: map[string]bool{}, cards: map[*site.Page]render.ShareImage{}, cardEmblem: b.planCardEmblem(next)}
	shown, linked := b.photoUses(next)
	seen := map[string]bool{}
	add := func(o photoOut) { // pages with one photo, or one title, share a card
		if !seen[o.name] {
			seen[o.name] = true
			pp.outs = append(pp.outs, o)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(next.statics)) {
		f := next.statics[name]
		if f.Photo == nil {
			continue
		}
		if !shown[name] || linked[name] || !f.Photo.Processed() || mentioned(next, name) {
			pp.originals[name] = true
		}
		if !shown[name] || !f.Photo.Processed() {
			continue
		}
		for _, v := range b.img.Config().Plan(*f.Photo) {
			add(photoOut{name: b.img.Config().Name(name, *f.Photo, v), src: name, variant: v,
				who: i18n.Sprintf("the %d px %s of static/%s", v.Width, v.Format, name)})
		}
	}
	for _, p := range next.site.Pages {
		if p.File != nil && cardKinds[p.Kind] {
			add(b.planCard(next, p, &pp))
		}
	}
	// Every other page shares the home page's card: the site's title
	// above its body (state.shareCard).
	if home := next.site.Home; home != nil {
		add(drawnCard(next, home, next.site.Title, next.site.Publisher(), &pp))
	}
	pp.iconFiles = b.planIcons(next, add)
	pp.emblem = b.planEmblem(next, add)
	return pp
}

// mentioned reports whether a layout or a stylesheet names the static
// photo name: it may show the original, which is then published.
func mentioned(next *state, name string) bool {
	if strings.Contains(next.layoutText, name) {
		return true
	}
	for n, f := range next.statics {
		if strings.HasSuffix(n, ".css") && strings.Contains(string(f.Data), name) {
			return true
		}
	}
	return false
}

// allText returns the text of every file of fsys.
func allText(fsys fs.FS) string {
	var b strings.Builder
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(fsys, name)
			b.Write(data)
			b.WriteByte(0)
		}
		return nil
	})
	return b.String()
}

// photoUses returns the static photos that pages show, and those that
// pages link to as files.
func (b *Builder) photoUses(next *state) (shown, linked map[string]bool) {
	shown, linked = map[string]bool{}, map[string]bool{}
	for _, p := range next.site.Pages {
		if p.File == nil {
			continue
		}
		if p.Meta.Image != "" {
			shown[p.Meta.Image] = true
		}
		if p.Meta.File != "" {
			linked[p.Meta.File] = true
		}
		if p.Body == nil {
			continue
		}
		for _, l := range p.Body.Links {
			name := strings.TrimPrefix(markdown.SitePath(l.Dest), "/")
			if l.Image {
				shown[name] = true
			} else {
				linked[name] = true
			}
		}
	}
	return shown, linked
}

// planCard returns the share card of p: its photo cut to 1200×630, or a
// card drawn with its title.
func (b *Builder) planCard(next *state, p *site.Page, pp *photoPhase) photoOut {
	base := strings.TrimSuffix(next.baseURL, "/")
	if f, ok := next.statics[p.Meta.Image]; ok && f.Photo != nil && f.Photo.Processed() {
		v := b.img.Config().Card(*f.Photo)
		name := b.img.Config().Name(p.Meta.Image, *f.Photo, v)
		pp.cards[p] = render.ShareImage{URL: base + "/" + name, Width: v.Width, Height: v.Height, Alt: p.Meta.Alt}
		return photoOut{name: name, src: p.Meta.Image, variant: v, who: "the share card of static/" + p.Meta.Image}
	}
	return drawnCard(next, p, p.Title, siteName(next.site), pp)
}

// drawnCard plans the drawn share card of p: title, large, above caption.
func drawnCard(next *state, p *site.Page, title, caption string, pp *photoPhase) photoOut {
	base := strings.TrimSuffix(next.baseURL, "/")
	name := CardFolder + "/" + cardKey(title, caption, pp.cardEmblem.sum)[:16] + ".png"
	pp.cards[p] = render.ShareImage{URL: base + "/" + name, Width: images.CardWidth, Height: images.CardHeight, Alt: title + " – " + caption}
	return photoOut{name: name, title: title, caption: caption, who: "the share card of " + p.Path()}
}

// siteName is the name a share card shows: the site's shortname, else its
// title.
func siteName(s *site.Site) string {
	if s.ShortName != "" {
		return s.ShortName
	}
	return s.Title
}

// cardKey is the content hash of a drawn card: its title, the site's
// name and the hash of its emblem (cardEmblem.sum).
func cardKey(title, siteName, emblemSum string) string {
	sum := sha256.Sum256([]byte(card.Version + "\x00" + title + "\x00" + siteName + "\x00" + emblemSum))
	return hex.EncodeToString(sum[:])
}

// claimPhotos claims the names of the photo variants and photo share
// cards of next; the drawn cards are in CardFolder, which Loa owns whole.
func claimPhotos(n *outputNames, next *state, errs *diag.List) {
	for _, o := range next.outs {
		if o.src == "" {
			continue
		}
		if c := n.claim(o.name, i18n.Sprintf("%s, which Loa makes", o.who)); c != nil {
			errs.Add(diag.Pos{File: "static/" + o.src}, "", i18n.Sprintf("makes %s, which %s", o.name, c.says(false)), i18n.Sprintf("rename the file"))
		}
	}
}

// drawCard returns the drawn share card of p on the site name, from the
// cache when it has it; emblem gives the picture of the site's emblem
// (loaded once for all cards).
func (b *Builder) drawCard(o photoOut, e cardEmblem, emblem func() (image.Image, error)) ([]byte, error) {
	key := "card/" + cardKey(o.title, o.caption, e.sum) + ".png"
	if data, ok := b.cfg.Cache.Get(key); ok {
		return data, nil
	}
	img, err := emblem()
	if err != nil {
		return nil, err
	}
	data, err := card.Draw(o.title, o.caption, img)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.who, err)
	}
	b.cfg.Cache.Put(key, data) // a cache that cannot keep it only costs time
	return data, nil
}

// writePhotos makes and writes the image files of next whose names prev
// did not write: the names hold the content hash of what they show. Made
// on all cores, within the memory budget of images.Processor. When the
// model was kept (and removeGone does not run), it removes those of prev
// that next does not make: cards change names with titles.
func (b *Builder) writePhotos(ctx context.Context, w *writer, prev, next *state, kept bool, res *Result) error {
	if err := b.makePhotos(ctx, w, prev, next); err != nil {
		return err
	}
	if !kept {
		return nil
	}
	var err error
	res.Removed, err = removeGonePhotos(prev, next, w.sink)
	return err
}

// makePhotos makes and writes the image files of next that prev lacks.
func (b *Builder) makePhotos(ctx context.Context, w *writer, prev, next *state) error {
	var todo []photoOut
	for _, o := range next.outs {
		sig := b.sumBytes([]byte(o.name))
		if was, ok := prev.sigOf(o.name); ok && was == sig {
			next.sigs[o.name] = sig
			continue
		}
		next.sigs[o.name] = sig
		todo = append(todo, o)
	}
	groups := groupBySource(todo)
	_, static := b.cfg.layers()
	emblem := sync.OnceValues(func() (image.Image, error) { return b.loadCardEmblem(ctx, next.cardEmblem, static) })
	return par.ForEach(ctx, len(groups), runtime.GOMAXPROCS(0), func(i int) error {
		return b.makeGroup(ctx, w, next, static, groups[i], emblem)
	})
}

// groupBySource gathers the outputs of one source photo, so that it is
// decoded once; each drawn card is a group of its own.
func groupBySource(outs []photoOut) [][]photoOut {
	var groups [][]photoOut
	at := map[string]int{}
	for _, o := range outs {
		if o.src == "" {
			groups = append(groups, []photoOut{o})
			continue
		}
		i, ok := at[o.src]
		if !ok {
			i = len(groups)
			at[o.src] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], o)
	}
	return groups
}

// makeGroup makes and writes the outputs of one source; emblem gives the
// picture of the emblem that drawn cards show.
func (b *Builder) makeGroup(ctx context.Context, w *writer, next *state, static fs.FS, group []photoOut, emblem func() (image.Image, error)) error {
	if group[0].src == "" {
		data, err := b.drawCard(group[0], next.cardEmblem, emblem)
		if err != nil {
			return err
		}
		return w.putRaw(group[0].name, data)
	}
	src := group[0].src
	info := *next.statics[src].Photo
	vs := make([]images.Variant, len(group))
	for i, o := range group {
		vs[i] = o.variant
	}
	out, err := b.img.Make(ctx, info, vs, func() ([]byte, error) { return fs.ReadFile(static, src) })
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var errs diag.List
		errs.Add(diag.Pos{File: "static/" + src}, "", strings.TrimPrefix(err.Error(), "images: "), i18n.Sprintf("replace it with a JPEG or PNG photo, or remove it"))
		return errs
	}
	for i, o := range group {
		if err := w.putRaw(o.name, out[i]); err != nil {
			return err
		}
	}
	return nil
}

// removeGonePhotos removes the image files of prev that next does not
// make, when the model was kept and removeGone does not run.
func removeGonePhotos(prev, next *state, sink output.Sink) ([]string, error) {
	now := make(map[string]uint64, len(next.outs))
	for _, o := range next.outs {
		now[o.name] = 0
	}
	before := map[string]uint64{}
	for _, o := range prev.outs {
		if _, ok := now[o.name]; !ok {
			before[o.name] = 0
			delete(next.sigs, o.name)
		}
	}
	for name := range prev.originals {
		if f, ok := prev.statics[name]; ok && !next.originals[name] {
			before[f.Out] = 0
			delete(next.sigs, f.Out)
		}
	}
	return removeGone(before, now, sink)
}

// writeOriginal writes a photo published as it is, without its metadata.
func (b *Builder) writeOriginal(w *writer, prev, next *state, name string) error {
	f := next.statics[name]
	sig := b.sumBytes([]byte("original\x00" + f.Photo.Sum))
	next.sigs[f.Out] = sig
	if was, ok := prev.sigOf(f.Out); ok && was == sig {
		return nil
	}
	_, static := b.cfg.layers()
	data, err := fs.ReadFile(static, name)
	if err == nil {
		data, err = images.Strip(data)
	}
	if err != nil {
		var errs diag.List
		errs.Add(diag.Pos{File: "static/" + name}, "", err.Error(), i18n.Sprintf("replace it with a JPEG or PNG photo, or remove it"))
		return errs
	}
	return w.putRaw(f.Out, data)
}

// shareCard returns the share card of p: its own, else the home page's.
func (st *state) shareCard(p *site.Page) (render.ShareImage, bool) {
	if c, ok := st.cards[p]; ok {
		return c, true
	}
	c, ok := st.cards[st.site.Home]
	return c, ok
}
