package cms

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/loa-vn/loa/internal/i18n"

	"github.com/loa-vn/loa/internal/content"
)

// pathError is a path the editor may not use.
type pathError struct{ path, why string }

func (e *pathError) Error() string { return fmt.Sprintf("%q: %s", e.path, e.why) }

// The places a path may name.
type place int

const (
	entryFile   place = iota // a Markdown file under content/
	entryFolder              // content/ or a folder under it
	mediaFile                // a file under a media folder
	mediaFolder              // a media folder or a folder under it
)

// mediaRoots are the folders uploads may go to.
var mediaRoots = []string{MediaFolder, FileFolder}

// checkPath says whether p, a slash path from the site folder as the
// editor sends it, names a place of the given kind: relative, clean, no
// "..", no backslash (a Windows separator), no NUL or other control
// character, no drive letter, no hidden or ignored segment, and inside
// content/ or a media folder. Symbolic links are refused when the file
// is opened (Local.noLinks).
func checkPath(p string, want place) error {
	bad := func(why string) error { return &pathError{p, why} }
	switch {
	case p == "" || !utf8.ValidString(p):
		return bad(i18n.Sprintf("is empty or not UTF-8"))
	case strings.ContainsAny(p, "\\:"):
		return bad(i18n.Sprintf("has a backslash or a colon; write a slash path such as content/hoi-dap/a.md"))
	case strings.HasPrefix(p, "/"):
		return bad(i18n.Sprintf("is absolute; paths are from the site folder"))
	case path.Clean(p) != p:
		return bad(i18n.Sprintf("is not a clean path"))
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return bad(i18n.Sprintf("leaves its folder"))
		}
		if strings.ContainsFunc(seg, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			return bad(i18n.Sprintf("has a control character"))
		}
		if content.Ignored(seg) {
			return bad(i18n.Sprintf("names a hidden or ignored file"))
		}
	}
	under := func(dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }
	switch want {
	case entryFile:
		if !under("content") || p == "content" || path.Ext(p) != ".md" {
			return bad(i18n.Sprintf("is not a Markdown file under content/"))
		}
	case entryFolder:
		if !under("content") {
			return bad(i18n.Sprintf("is not a folder under content/"))
		}
	case mediaFile, mediaFolder:
		for _, m := range mediaRoots {
			if under(m) && (want == mediaFolder || p != m) {
				return nil
			}
		}
		return bad(i18n.Sprintf("is not under %s", strings.Join(mediaRoots, " or ")))
	}
	return nil
}

// noLinks refuses a path any of whose parts that exist is a symbolic link
// or not what it should be: os.Root keeps links inside the site folder,
// and this keeps them from leading from content/ to elsewhere in it.
func (l *Local) noLinks(p string) error {
	parts := strings.Split(p, "/")
	for i := range parts {
		sub := strings.Join(parts[:i+1], "/")
		fi, err := l.root.Lstat(sub)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		last := i == len(parts)-1
		if fi.Mode()&fs.ModeSymlink != 0 {
			return &pathError{p, i18n.Sprintf("goes through a symbolic link (%s); the editor does not follow links", sub)}
		}
		if !last && !fi.IsDir() || last && !fi.Mode().IsRegular() && !fi.IsDir() {
			return &pathError{p, i18n.Sprintf("%s is not a regular file or folder", sub)}
		}
	}
	return nil
}

func (l *Local) read(p string) ([]byte, error) {
	if err := l.noLinks(p); err != nil {
		return nil, err
	}
	return fs.ReadFile(l.root.FS(), p)
}

// write writes data to p atomically: to a hidden temporary file in the
// same folder (which the watcher and the build ignore), then renamed
// over p, so that p is either the old file or the new one.
func (l *Local) write(p string, data []byte) error {
	if err := l.noLinks(p); err != nil {
		return err
	}
	dir := path.Dir(p)
	if err := l.root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := l.noLinks(p); err != nil { // MkdirAll follows links: look again
		return err
	}
	tmp := path.Join(dir, "."+path.Base(p)+"."+rand.Text()[:8]+".tmp")
	f, err := l.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = l.root.Rename(tmp, p)
	}
	if err != nil {
		l.root.Remove(tmp)
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}

func (l *Local) remove(p string) error {
	if checkPath(p, entryFile) != nil {
		if err := checkPath(p, mediaFile); err != nil {
			return err
		}
	}
	if err := l.noLinks(p); err != nil {
		return err
	}
	if err := l.root.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// dataFile is an entry's file as the editor sends it.
type dataFile struct {
	Path    string `json:"path"`
	Raw     string `json:"raw"`
	NewPath string `json:"newPath"`
}

// asset is an uploaded file.
type asset struct {
	Path     string `json:"path"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
}

type persistParams struct {
	Entry     *dataFile  `json:"entry"`
	DataFiles []dataFile `json:"dataFiles"`
	Assets    []asset    `json:"assets"`
}

// persistEntry checks every path first, then writes: a refused path
// writes nothing.
func (l *Local) persistEntry(p persistParams) (any, error) {
	files := p.DataFiles
	if len(files) == 0 && p.Entry != nil {
		files = []dataFile{*p.Entry}
	}
	for _, f := range files {
		for _, name := range []string{f.Path, f.NewPath} {
			if err := checkPath(name, entryFile); name != "" && err != nil {
				return nil, err
			}
		}
	}
	for _, a := range p.Assets {
		if err := checkPath(a.Path, mediaFile); err != nil {
			return nil, err
		}
	}
	for _, a := range p.Assets {
		if err := l.writeAsset(a); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		if err := l.write(f.Path, []byte(f.Raw)); err != nil {
			return nil, err
		}
		if f.NewPath != "" && f.NewPath != f.Path {
			if err := l.noLinks(f.NewPath); err != nil {
				return nil, err
			}
			if err := l.root.MkdirAll(path.Dir(f.NewPath), 0o755); err != nil {
				return nil, err
			}
			if err := l.root.Rename(f.Path, f.NewPath); err != nil {
				return nil, err
			}
		}
	}
	return message("entry persisted", nil)
}

func (l *Local) writeAsset(a asset) error {
	if err := checkPath(a.Path, mediaFile); err != nil {
		return err
	}
	data := []byte(a.Content)
	if a.Encoding == "base64" {
		var err error
		if data, err = base64.StdEncoding.DecodeString(a.Content); err != nil {
			return &pathError{a.Path, "content is not base64"}
		}
	}
	return l.write(a.Path, data)
}

// mediaEntry is a media file as the editor reads it.
type mediaEntry struct {
	ID       string `json:"id"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
	Path     string `json:"path"`
	Name     string `json:"name"`
}

func (l *Local) mediaFile(p string) (mediaEntry, error) {
	if err := checkPath(p, mediaFile); err != nil {
		return mediaEntry{}, err
	}
	data, err := l.read(p)
	if err != nil {
		return mediaEntry{}, err
	}
	return mediaEntry{ID: sum(data), Content: base64.StdEncoding.EncodeToString(data), Encoding: "base64", Path: p, Name: path.Base(p)}, nil
}

func (l *Local) media(folder string) ([]mediaEntry, error) {
	folder = strings.TrimPrefix(folder, "/")
	if err := checkPath(folder, mediaFolder); err != nil {
		return nil, err
	}
	names, err := l.list(folder, 1)
	if err != nil {
		return nil, err
	}
	out := []mediaEntry{}
	for _, name := range names {
		if m, err := l.mediaFile(name); err == nil {
			out = append(out, m)
		}
	}
	return out, nil
}
