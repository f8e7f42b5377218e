package content

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
)

// Check applies the one rule for what a site may read: regular files, and
// links to regular files that stay inside the site folder. It never opens
// name, so a named pipe cannot block it. For a readable file or a folder
// (not reached through a link) it returns the file's information; for
// anything else a *diag.Diagnostic naming the path and saying what to do.
//
// Check relies on fsys to keep links inside the site folder: open a site
// with OpenSite (os.Root refuses to follow a link out of the folder);
// os.DirFS follows links anywhere.
func Check(fsys fs.FS, name string) (fs.FileInfo, error) {
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, err
	}
	if info.Mode().IsRegular() || info.IsDir() {
		return info, nil
	}
	if info.Mode()&fs.ModeSymlink == 0 {
		return nil, refuse(name, i18n.Sprintf("is %s, not a regular file", what(info.Mode())), i18n.Sprintf("remove it"))
	}
	target, err := fs.Stat(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, refuse(name, i18n.Sprintf("is a link to a file that does not exist"), i18n.Sprintf("fix the link or remove it"))
	case errors.Is(err, syscall.ELOOP):
		return nil, refuse(name, i18n.Sprintf("is a link that leads back to itself"), i18n.Sprintf("fix the link or remove it"))
	case err != nil:
		return nil, refuse(name, i18n.Sprintf("is a link to a place outside the site folder"), i18n.Sprintf("copy the file into the site instead"))
	case target.Mode().IsRegular():
		return target, nil
	case target.IsDir():
		return nil, refuse(name, i18n.Sprintf("is a link to a folder; Loa follows links only to files"), i18n.Sprintf("copy the folder into the site instead"))
	}
	return nil, refuse(name, i18n.Sprintf("is a link to %s, not to a regular file", what(target.Mode())), i18n.Sprintf("remove the link"))
}

func refuse(name, msg, hint string) *diag.Diagnostic {
	return &diag.Diagnostic{Pos: diag.Pos{File: name}, Msg: msg, Hint: hint}
}

// what names the kind of a file that is not regular.
func what(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return i18n.Sprintf("a named pipe (FIFO)")
	case m&fs.ModeSocket != 0:
		return i18n.Sprintf("a socket")
	case m&fs.ModeDevice != 0:
		return i18n.Sprintf("a device")
	}
	return i18n.Sprintf("a special file")
}

// CheckTree reports every entry under dir in fsys that the site may not
// read (see Check), skipping ignored names. A missing dir is no problem.
func CheckTree(fsys fs.FS, dir string) diag.List {
	var errs diag.List
	fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && name == dir && errors.Is(err, fs.ErrNotExist):
			return fs.SkipAll
		case err != nil:
			errs.Append(ReadError(name, err))
			return nil
		case name != dir && Ignored(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir() && !d.Type().IsRegular():
			if _, err := Check(fsys, name); err != nil {
				errs.Append(ReadError(name, err))
			}
		}
		return nil
	})
	return errs
}

// ReadError turns an error from reading name into diagnostics: the
// diagnostic of Check as it is, anything else as "name: cannot read: …".
func ReadError(name string, err error) diag.List {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return diag.List{d}
	}
	var errs diag.List
	errs.Add(diag.Pos{File: name}, "", i18n.Sprintf("cannot read: %v", err), "")
	return errs
}
