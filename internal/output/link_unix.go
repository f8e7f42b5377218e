//go:build unix

package output

import (
	"io/fs"
	"os"
	"syscall"
)

// singleLink reports whether the file has no other name (hard link), so
// that writing into it changes nothing else.
func singleLink(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}

// unusable says why Loa could not write into or delete the entry of a
// kept output described by info, or returns "" when it can: the entry
// must belong to the user running Loa, a file must be writable and a
// folder readable, writable and searchable by its owner.
func unusable(info fs.FileInfo) string {
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Geteuid() {
		return "belongs to another user"
	}
	return unusableMode(info.Mode())
}

// deviceOf returns the id of the device that holds path.
func deviceOf(path string) (uint64, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return 0, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, nil
	}
	return uint64(st.Dev), nil
}
