// Package assets owns a site's static/ folder: Load lists its files,
// reads them (by the read rule of content), minifies them, measures its
// images and names fingerprinted copies of its stylesheets and scripts,
// so that hosts can cache them forever: css/site.css → css/site.3f2a9c1b.css.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/content"
)

// Files is the set of static file names (slash paths under static/).
type Files map[string]bool

// List walks fsys (the static folder) and returns its files, skipping
// the names the whole site ignores (content.Ignored: dotfiles, editor
// backups, Windows' folder files). Whatever is not a folder is listed,
// links and special files too, for the reader to refuse by name.
func List(fsys fs.FS) (Files, error) {
	files := Files{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == "." {
				return fs.SkipAll
			}
			return err
		}
		base := d.Name()
		if name != "." && content.Ignored(base) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files[name] = true
		}
		return nil
	})
	return files, err
}

// Has reports whether name is a static file.
func (f Files) Has(name string) bool { return f[name] }

// Names returns the file names, sorted.
func (f Files) Names() []string {
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Fingerprinted reports whether name gets a content hash in its URL.
func Fingerprinted(name string) bool {
	switch path.Ext(name) {
	case ".css", ".js":
		return true
	}
	return false
}

// Fingerprint returns name with the first 10 hex digits of the SHA-256 of
// data before its extension.
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}
