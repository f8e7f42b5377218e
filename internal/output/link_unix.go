//go:build unix

package output

import (
	"io/fs"
	"syscall"
)

// singleLink reports whether the file has no other name (hard link), so
// that writing into it changes nothing else.
func singleLink(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}
