package build

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
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
	if body := st.bodies[f]; body != nil {
		for _, l := range body.Links {
			fmt.Fprintf(&h, "%s\x00%d\x00%t\x00", l.Dest, l.Line, l.Image)
		}
		for _, c := range body.Citations {
			fmt.Fprintf(&h, "%s\x00%d\x00%s\x00", c.Number, c.Line, c.URL)
		}
		if f.Meta.Summary == "" {
			h.WriteString(body.Lead)
		}
	}
	return h.Sum64()
}

// sameShape reports whether files with shapes give the model of prev:
// the same files with the same shapes, and no item whose date or expiry
// fell due between the two builds.
func (b *Builder) sameShape(prev *state, files map[string]*content.File, shapes map[string]uint64, now time.Time) bool {
	if prev.site == nil || !maps.Equal(prev.shapes, shapes) || b.cfg.Drafts != prev.site.Drafts {
		return false
	}
	for _, f := range files {
		for _, t := range []time.Time{f.Meta.Date, f.Meta.Expires} {
			if t.After(prev.now) && !t.After(now) {
				return false
			}
		}
	}
	return true
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

// touched reports whether name, or a folder holding it, is in changed.
func touched(name string, changed []string) bool {
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
