package content

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/par"
)

// Ignored reports whether a file or folder name is skipped everywhere in
// a site: dotfiles, and editors' backup, swap and lock files.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		strings.HasPrefix(name, "~$")
}

// List returns the slash paths of all content files under content/ in
// fsys, sorted, skipping ignored names. A file that is not Markdown is
// reported, not listed.
func List(fsys fs.FS) ([]string, diag.List) {
	var names []string
	var errs diag.List
	err := fs.WalkDir(fsys, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && name == "content" {
				return fs.SkipAll
			}
			errs.Add(diag.Pos{File: name}, "", "cannot read: "+err.Error(), "")
			return nil
		}
		if name != "content" && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case path.Ext(name) == ".md":
			names = append(names, name)
		case d.Type().IsRegular():
			errs.Add(diag.Pos{File: name}, "", "is not a Markdown (.md) file", "put images and attachments in static/ and link them from a page")
		}
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{File: "content"}, "", err.Error(), "")
	}
	slices.Sort(names)
	return names, errs
}

// Load reads and parses every content file in fsys, using all cores. The
// files come back sorted by path; problems are collected, not stopped at.
func Load(ctx context.Context, fsys fs.FS) ([]*File, diag.List) {
	names, errs := List(fsys)
	files, loadErrs := LoadFiles(ctx, fsys, names)
	errs.Append(loadErrs)
	return files, errs
}

// LoadFiles reads and parses the named files. Missing entries are left out
// of the result.
func LoadFiles(ctx context.Context, fsys fs.FS, names []string) ([]*File, diag.List) {
	files := make([]*File, len(names))
	problems := make([]diag.List, len(names))
	stopped := par.ForEach(ctx, len(names), runtime.GOMAXPROCS(0), func(i int) error {
		files[i], problems[i] = ReadFile(fsys, names[i])
		return nil
	})
	var errs diag.List
	if stopped != nil {
		errs.Add(diag.Pos{File: "content"}, "", "reading stopped: "+stopped.Error(), "")
	}
	for _, p := range problems {
		errs.Append(p)
	}
	return slices.DeleteFunc(files, func(f *File) bool { return f == nil }), errs
}

// ReadFile reads and parses one content file from fsys.
func ReadFile(fsys fs.FS, name string) (*File, diag.List) {
	if info, err := fs.Stat(fsys, name); err == nil && info.Size() > MaxFileSize {
		var errs diag.List
		msg, hint := tooLarge(info.Size())
		errs.Add(diag.Pos{File: name}, "", msg, hint)
		return nil, errs
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		var errs diag.List
		errs.Add(diag.Pos{File: name}, "", "cannot read: "+err.Error(), "")
		return nil, errs
	}
	return Parse(name, data)
}
