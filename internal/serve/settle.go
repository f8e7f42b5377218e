package serve

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/diag"
)

// settleTime is how long a rebuild that failed on a file being replaced is
// tried again before its errors are shown.
const settleTime = time.Second

// errUnsettled is the failure of a rebuild held back (by unsettled, or
// because it started on the first event of a save) to be tried again.
var errUnsettled = errors.New("a file is being replaced; trying again")

// unsettled reports whether the failure err of a rebuild of changed may
// come only from a file being replaced: one of its errors names a
// temporary file of sed -i (see tempName), or a changed file that is gone
// (removed between the event and the read). A file that was never there,
// such as a missing _index.md, does not count.
func (s *Server) unsettled(err error, changed []string) bool {
	var list diag.List
	if !errors.As(err, &list) {
		return false
	}
	for _, d := range list.Errors() {
		name := d.Pos.File
		if name == "" {
			continue
		}
		if tempName(path.Base(name)) {
			return true
		}
		if !build.Touched(name, changed) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(s.cfg.Dir, filepath.FromSlash(name))); errors.Is(err, fs.ErrNotExist) {
			return true
		}
	}
	return false
}

// tempName reports whether name is that of the temporary file sed -i
// writes beside the file it edits and then renames over it: "sed" and six
// letters or digits (GNU sed's sedXXXXXX).
func tempName(name string) bool {
	if len(name) != 9 || name[:3] != "sed" {
		return false
	}
	for _, c := range []byte(name[3:]) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// setOf returns the set of names.
func setOf(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}
