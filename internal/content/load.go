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
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/par"
)

// Ignored reports whether a file or folder name is skipped everywhere in
// a site: dotfiles (.DS_Store among them), the files Windows leaves in
// folders (Thumbs.db, desktop.ini), and editors' backup, swap and lock files.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		strings.HasPrefix(name, "~$") ||
		strings.EqualFold(name, "Thumbs.db") || strings.EqualFold(name, "ehthumbs.db") ||
		strings.EqualFold(name, "desktop.ini")
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
			errs.Append(ReadError(name, err))
			return nil
		}
		if name != "content" && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && !d.Type().IsRegular() {
			if _, err := Check(fsys, name); err != nil {
				errs.Append(ReadError(name, err))
				return nil
			}
		}
		switch {
		case d.IsDir():
		case path.Ext(name) == ".md":
			names = append(names, name)
		default:
			errs.Add(diag.Pos{File: name}, "", i18n.Sprintf("is not a Markdown (.md) file"), i18n.Sprintf("put images and attachments in static/ and link them from a page"))
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
		errs.Add(diag.Pos{File: "content"}, "", i18n.Sprintf("reading stopped: %v", stopped), "")
	}
	for _, p := range problems {
		errs.Append(p)
	}
	return slices.DeleteFunc(files, func(f *File) bool { return f == nil }), errs
}

// ReadFile reads and parses one content file from fsys, holding the rule
// of Check.
func ReadFile(fsys fs.FS, name string) (*File, diag.List) {
	data, err := readFile(Guard(fsys), name, MaxFileSize)
	if big := (*tooLargeError)(nil); errors.As(err, &big) {
		var errs diag.List
		msg, hint := tooLarge(big.size)
		errs.Add(diag.Pos{File: name}, "", msg, hint)
		return nil, errs
	}
	if err != nil {
		return nil, ReadError(name, err)
	}
	return Parse(name, data)
}
