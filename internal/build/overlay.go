package build

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/diag"
)

// overlay is a read-only file system in which files of top hide the files
// of the same name in bottom, folder by folder: a site's own layouts and
// static files replace the default theme's one by one.
type overlay struct{ top, bottom fs.FS }

// Open opens name from top when top has it as a file, else from bottom.
// A file of top that content.Check refuses is an error, not hidden by the
// file of bottom.
func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		if info, statErr := f.Stat(); statErr == nil && !info.IsDir() {
			return f, nil
		}
		f.Close()
	} else if refused(err) {
		return nil, err
	}
	return o.bottom.Open(name)
}

// ReadFile reads name from top when top has it as a file, else from
// bottom; through the ReadFile of each layer (content.Guard's reads no
// more than the size of the opened file).
func (o overlay) ReadFile(name string) ([]byte, error) {
	info, err := fs.Stat(o.top, name)
	switch {
	case err == nil && !info.IsDir():
		return fs.ReadFile(o.top, name)
	case refused(err):
		return nil, err
	}
	return fs.ReadFile(o.bottom, name)
}

// refused reports whether err is content.Check refusing a file.
func refused(err error) bool {
	var d *diag.Diagnostic
	return errors.As(err, &d)
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
