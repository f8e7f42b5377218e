package build

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"slices"

	"github.com/loa-vn/loa/internal/site"
)

// signer computes the signature of each route: a hash of the data the
// theme's layout of it receives. A route is rendered again only when its
// signature changed. The inputs are
//
//   - global: layouts, asset names, sizes of images and attachments, base
//     URL, document numbers, the site settings and everything in the frame
//     of every page (navigation, menu, the side column's lists);
//   - the page itself (its source: front matter and body);
//   - its topic, unit and section, its neighbours, related pages, cited
//     and citing documents, and its tags;
//   - for a list: the items on this page of it, with their topics and units;
//   - for the home, topics and units pages: the model's preview lists
//     (site.Site.LatestNews, site.Page.Preview…), the same fields the
//     layouts range over, so no cut is written twice.
//
// When a site has layouts of its own, which may show anything, every
// route's signature also covers every page of the site.
type signer struct {
	b      *Builder
	st     *state
	global uint64
	page   map[*site.Page]uint64
	rec    []*site.Page // pages the route being signed depends on
}

func newSigner(b *Builder, st *state) *signer {
	g := &signer{b: b, st: st, page: map[*site.Page]uint64{}}
	s := st.site
	h := g.hash()
	g.u64(h, st.layoutSum)
	for _, k := range slices.Sorted(maps.Keys(st.assets)) {
		h.WriteString(k + "=" + st.assets[k] + "\x00")
	}
	for _, k := range slices.Sorted(maps.Keys(st.images)) {
		fmt.Fprintf(h, "%s=%v\x00", k, st.images[k])
	}
	for _, k := range slices.Sorted(maps.Keys(st.attach)) {
		fmt.Fprintf(h, "%s=%d\x00", k, st.attach[k])
	}
	for _, k := range slices.Sorted(maps.Keys(st.photos)) {
		h.WriteString(k + "=" + st.photos[k] + "\x00") // the names of its variants
	}
	for _, k := range slices.Sorted(maps.Keys(st.docs)) {
		h.WriteString(k + "=" + st.docs[k] + "\x00")
	}
	for _, k := range slices.Sorted(maps.Keys(st.expired)) {
		h.WriteString("expired " + k + "\x00") // links to it lose their <a>
	}
	h.WriteString(st.baseURL)
	g.pages(h, s.Home)
	for _, sec := range slices.Sorted(maps.Keys(s.Sections)) {
		g.pages(h, s.Sections[sec])
	}
	g.pages(h, s.Menu...)
	side(h, s.SideNews, s.SideQA, s.SideDocuments)
	if st.customLayouts {
		g.pages(h, s.Pages...)
		for _, t := range s.Tags {
			g.pages(h, t.Page)
		}
	}
	g.global = h.Sum64()
	g.rec = g.rec[:0]
	return g
}

// side writes what the side column of every page shows of its lists:
// each item's URL, title, date and number (not its source, so that
// editing the text of a recent item renders only its own pages again).
func side(h *maphash.Hash, lists ...[]*site.Page) {
	for _, l := range lists {
		fmt.Fprintf(h, "%d\x00", len(l))
		for _, p := range l {
			fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\x00", p.URL, p.Title, p.Date.Unix(), p.Meta.Number)
		}
	}
}

// customLayouts reports whether the site has layouts of its own that
// differ from the theme's (the repository's sample portal uses the theme's
// own files).
func customLayouts(cfg Config) bool {
	if cfg.Site == nil {
		return false
	}
	custom := false
	fs.WalkDir(cfg.Site, "layouts", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || custom {
			return nil
		}
		mine, _ := fs.ReadFile(cfg.Site, name)
		var theirs []byte
		if cfg.Theme != nil {
			theirs, _ = fs.ReadFile(cfg.Theme, name)
		}
		custom = !bytes.Equal(mine, theirs)
		return nil
	})
	return custom
}

func (g *signer) hash() *maphash.Hash {
	h := new(maphash.Hash)
	h.SetSeed(g.b.seed)
	return h
}

func (g *signer) u64(h *maphash.Hash, v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.Write(b[:])
}

// sig returns the signature of one page on its own: its URL and source,
// or for generated pages, their title and item count.
func (g *signer) sig(p *site.Page) uint64 {
	if p == nil {
		return 0
	}
	if v, ok := g.page[p]; ok {
		return v
	}
	h := g.hash()
	h.WriteString(p.URL + "\x00" + string(p.Kind) + "\x00" + p.Title + "\x00")
	if p.File != nil {
		g.u64(h, g.st.sums[p.File.Path])
	}
	v := h.Sum64()
	g.page[p] = v
	return v
}

// pages writes the signatures of pages into h, and records them as
// dependencies of the route being signed.
func (g *signer) pages(h *maphash.Hash, pages ...*site.Page) {
	for _, p := range pages {
		if p != nil {
			g.rec = append(g.rec, p)
		}
		g.u64(h, g.sig(p))
	}
}

// routeDeps maps each page to the routes whose signatures cover it.
type routeDeps map[*site.Page][]*site.Route

// add records that route r depends on pages, copying each list it
// extends: the lists may be shared with the deps of an earlier state.
func (d routeDeps) add(r *site.Route, pages []*site.Page) {
	for _, p := range pages {
		if l := d[p]; !slices.Contains(l, r) {
			d[p] = append(slices.Clip(l), r)
		}
	}
}

// signAll signs every route, recording which pages each depends on.
func (g *signer) signAll(routes []*site.Route) (map[*site.Route]uint64, routeDeps) {
	sigs := make(map[*site.Route]uint64, len(routes))
	deps := routeDeps{}
	for _, r := range routes {
		g.rec = g.rec[:0]
		sigs[r] = g.route(r)
		for _, p := range g.rec {
			if l := deps[p]; len(l) == 0 || l[len(l)-1] != r {
				deps[p] = append(l, r)
			}
		}
	}
	return sigs, deps
}

// items writes list items with what their cards show besides themselves.
func (g *signer) items(h *maphash.Hash, items []*site.Page) {
	g.u64(h, uint64(len(items)))
	for _, p := range items {
		g.pages(h, p, p.Topic, p.Unit)
	}
}

func (g *signer) route(r *site.Route) uint64 {
	s, p := g.st.site, r.Page
	h := g.hash()
	g.u64(h, g.global)
	h.WriteString(r.URL + "\x00" + r.Layout + "\x00")
	g.pages(h, p, p.Topic, p.Unit, p.Section, p.Prev, p.Next)
	if p.Section != nil {
		g.pages(h, p.Section.Section)
	}
	g.items(h, p.Related)
	g.items(h, p.Cites)
	g.items(h, p.CitedBy)
	for _, t := range p.Tags {
		h.WriteString(t.Name + "\x00" + t.URL + "\x00")
	}
	if r.Pager != nil {
		g.u64(h, uint64(r.Pager.Number<<32|r.Pager.Total))
		g.items(h, r.Pager.Items)
	}
	switch r.Layout {
	case "home":
		g.items(h, s.LatestFeatured)
		g.lists(h, s.Topics)
		g.items(h, s.LatestNews)
		g.items(h, s.LatestQA)
		g.items(h, s.LatestDocuments)
	case "topics", "units":
		g.lists(h, p.Items)
	case "qa-index":
		g.items(h, p.Items)
		g.pages(h, s.Topics...)
	case "documents":
		g.items(h, p.Items)
		for _, l := range slices.Concat(s.DocTypes, s.DocIssuers) {
			h.WriteString(l.Title + "\x00" + l.URL + "\x00")
			g.u64(h, uint64(len(l.Items)))
		}
	case "tags":
		for _, t := range s.Tags {
			h.WriteString(t.Name + "\x00" + t.URL + "\x00")
			g.u64(h, uint64(len(t.Pages)))
		}
	}
	return h.Sum64()
}

// lists writes list pages as cards show them: with their counts and
// previews.
func (g *signer) lists(h *maphash.Hash, lists []*site.Page) {
	for _, l := range lists {
		g.pages(h, l)
		g.u64(h, uint64(len(l.Items)))
		g.items(h, l.Preview)
	}
}
