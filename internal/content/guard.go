package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
)

// OpenSite opens the site folder dir as a file system that holds the rule
// of Check: through os.Root, no link leads out of dir (os.DirFS would
// follow one to /proc/self/environ or /dev/zero), and what is not a
// regular file is never opened. Reading a file walks its folders once.
// The root stays open for the life of the file system, closed by the
// runtime when it is no longer used. Safe for concurrent use.
func OpenSite(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return guard{fsys: root.FS(), root: root}, nil
}

// Guard returns fsys with the rule of Check enforced on every open, stat
// and read: a file that breaks it is never opened, and its error (a
// *diag.Diagnostic) names its path from the root of fsys, also through
// fs.Sub. ReadFile reads no more than the size of the opened file, so a
// file that grows while read cannot exhaust memory. A file swapped for a
// named pipe between the check and the open can still block: the rule
// guards against files in the site, not against racing processes.
func Guard(fsys fs.FS) fs.FS {
	if g, ok := fsys.(guard); ok {
		return g
	}
	return guard{fsys: fsys}
}

type guard struct {
	fsys fs.FS
	root *os.Root // from OpenSite: opens take the short way of openRegular
}

func (g guard) Open(name string) (fs.File, error) {
	if g.root != nil {
		if f := g.openRegular(name); f != nil {
			return f, nil
		}
	}
	if _, err := Check(g.fsys, name); err != nil {
		return nil, err
	}
	return g.fsys.Open(name)
}

// openRegular opens name when it is a regular file, not a link, walking
// its folders once; nil means "take the long way" (Check, then open).
func (g guard) openRegular(name string) fs.File {
	if !fs.ValidPath(name) {
		return nil
	}
	r := g.root
	if dir := path.Dir(name); dir != "." {
		sub, err := g.root.OpenRoot(dir)
		if err != nil {
			return nil
		}
		defer sub.Close() // the opened file stays open
		r = sub
	}
	base := path.Base(name)
	if info, err := r.Lstat(base); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f, err := r.Open(base)
	if err != nil {
		return nil
	}
	return f
}

func (g guard) Stat(name string) (fs.FileInfo, error) { return Check(g.fsys, name) }

func (g guard) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(g.fsys, name) }

func (g guard) ReadLink(name string) (string, error) { return fs.ReadLink(g.fsys, name) }

func (g guard) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := Check(g.fsys, name); err != nil {
		return nil, err
	}
	return fs.ReadDir(g.fsys, name)
}

func (g guard) ReadFile(name string) ([]byte, error) { return readFile(g, name, -1) }

// tooLargeError is a file larger than the limit of readFile.
type tooLargeError struct{ size int64 }

func (e *tooLargeError) Error() string { return fmt.Sprintf("file is %d bytes", e.size) }

// readFile opens name in fsys once and reads no more than the size of the
// opened file; when that is over max (max >= 0) it reads nothing and
// returns a *tooLargeError.
func readFile(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, err
	case !info.Mode().IsRegular():
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("not a regular file")}
	case max >= 0 && info.Size() > max:
		return nil, &tooLargeError{info.Size()}
	}
	data := make([]byte, info.Size())
	n, err := io.ReadFull(f, data)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data[:n], nil
}
