package build

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// overlay is a read-only file system in which files of top hide the files
// of the same name in bottom, folder by folder: a site's own layouts and
// static files replace the default theme's one by one.
type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		if info, statErr := f.Stat(); statErr == nil && !info.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.bottom.Open(name)
}

// ReadDir merges the entries of both layers, top first.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, errTop := fs.ReadDir(o.top, name)
	bottom, errBottom := fs.ReadDir(o.bottom, name)
	if errTop != nil && errBottom != nil {
		return nil, errors.Join(errTop, errBottom)
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(top, bottom...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
