package build

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"reflect"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/site"
)

// shapes hashes, for each file, everything site.New takes from it besides
// what only the file's own page shows: the front matter (which places and
// orders pages), and the links, citations and lead of the body.
func (b *Builder) shapes(prev, st *state, files, reparsed []*content.File) map[string]uint64 {
	if prev != nil && prev.shapes != nil && len(files) == len(prev.shapes) {
		// Only some files changed: update a copy of the previous shapes.
		out := maps.Clone(prev.shapes)
		for _, f := range reparsed {
			out[f.Path] = b.shape(st, f)
		}
		return out
	}
	out := make(map[string]uint64, len(files))
	for _, f := range files {
		out[f.Path] = b.shape(st, f)
	}
	return out
}

// shape hashes what the model takes from one file.
func (b *Builder) shape(st *state, f *content.File) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	fmt.Fprintf(&h, "%s\x00%d\x00", f.Path, f.MetaSum)
	b.writeBodyShape(&h, st.bodies[f], f.Meta.Summary == "")
	return h.Sum64()
}

// writeBodyShape writes into h what the model takes from a body: its
// links, its citations and, when the page has no summary, its lead.
func (b *Builder) writeBodyShape(h *maphash.Hash, body *markdown.Result, lead bool) {
	if body == nil {
		return
	}
	for _, l := range body.Links {
		fmt.Fprintf(h, "%s\x00%d\x00%t\x00", l.Dest, l.Line, l.Image)
	}
	for _, c := range body.Citations {
		fmt.Fprintf(h, "%s\x00%d\x00%s\x00", c.Number, c.Line, c.URL)
	}
	if lead {
		h.WriteString(body.Lead)
	}
}

// bodyShape hashes what the model takes from a body.
func (b *Builder) bodyShape(body *markdown.Result, lead bool) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	b.writeBodyShape(&h, body, lead)
	return h.Sum64()
}

// samePlaces reports whether files with shapes give the model of prev
// but for the titles of some pages: the same files with the same shapes,
// except reparsed files whose only change the model sees is their title
// (which it returns, relabeled); and no item whose date or expiry fell
// due between the two builds. A title decides no page's place (its URL,
// its lists, whether it is published), only its label and its order
// among items of the same date or weight.
func (b *Builder) samePlaces(prev, next *state, shapes map[string]uint64, reparsed []*content.File, now time.Time) (relabeled []*content.File, ok bool) {
	if prev.site == nil || prev.shapes == nil || len(prev.shapes) != len(shapes) || b.cfg.Drafts != prev.site.Drafts || fellDue(prev, next.files, now) {
		return nil, false
	}
	for _, f := range reparsed {
		if shapes[f.Path] == prev.shapes[f.Path] {
			continue
		}
		old := prev.files[f.Path]
		if old == nil || f.Kind == content.KindHome || !b.onlyTitle(old, f, prev.bodies[old], next.bodies[f]) {
			return nil, false // the home page's title is the site's name
		}
		relabeled = append(relabeled, f)
	}
	differ := 0
	for p, sh := range shapes {
		was, ok := prev.shapes[p]
		if !ok {
			return nil, false
		}
		if was != sh {
			differ++
		}
	}
	return relabeled, differ == len(relabeled)
}

// onlyTitle reports whether old and f, two versions of a file, differ in
// nothing the model takes from them but the title.
func (b *Builder) onlyTitle(old, f *content.File, oldBody, body *markdown.Result) bool {
	if old.Kind != f.Kind || old.URL != f.URL || old.Section != f.Section || old.Group != f.Group {
		return false
	}
	m, n := old.Meta, f.Meta
	m.Title, n.Title = "", ""
	lead := f.Meta.Summary == ""
	return reflect.DeepEqual(m, n) && b.bodyShape(oldBody, lead) == b.bodyShape(body, lead)
}

// fellDue reports whether an item's date or expiry fell due between the
// build of prev and now.
func fellDue(prev *state, files map[string]*content.File, now time.Time) bool {
	for _, f := range files {
		for _, t := range []time.Time{f.Meta.Date, f.Meta.Expires} {
			if t.After(prev.now) && !t.After(now) {
				return true
			}
		}
	}
	return false
}

// relabel puts back in order, in the model s, the lists that hold the
// pages of the relabeled files, and returns the pages whose routes must
// be signed again besides theirs.
func relabel(s *site.Site, relabeled []*content.File) []*site.Page {
	var pages []*site.Page
	for _, f := range relabeled {
		if p := s.Page(f.URL); p != nil && p.File == f {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return nil
	}
	return s.Relabel(pages)
}

// updateModel swaps the reparsed files into the model of prev. A file
// with no page there must be one that is not published.
func (b *Builder) updateModel(s *site.Site, reparsed []*content.File, bodies map[*content.File]*markdown.Result, now time.Time) bool {
	publish := site.Config{Now: now, Drafts: b.cfg.Drafts}
	for _, f := range reparsed {
		if !s.Update(f, bodies[f]) && publish.Published(f) {
			return false
		}
	}
	return true
}

// sameKeys reports whether two maps have the same keys: the model checks
// only that static files exist.
func sameKeys[V any](a, b map[string]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// onlyEdits reports whether every changed content path is a file that
// prev knows and that is still a file: edits, with nothing created,
// removed or renamed.
func onlyEdits(fsys fs.FS, prev *state, changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, "content/") {
			continue
		}
		if prev.files[p] == nil {
			return false
		}
		if info, err := fs.Stat(fsys, p); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// Touched reports whether name, or a folder holding it, is in changed
// (slash paths from the site root, as Rebuild takes them).
func Touched(name string, changed []string) bool {
	for _, c := range changed {
		if name == c || strings.HasPrefix(name, strings.TrimSuffix(c, "/")+"/") {
			return true
		}
	}
	return false
}

// sumFS hashes every file of fsys, for layouts.
func (b *Builder) sumFS(fsys fs.FS) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(fsys, name)
			fmt.Fprintf(&h, "%s\x00%d\x00", name, len(data))
			h.Write(data)
		}
		return nil
	})
	return h.Sum64()
}
