//go:build !unix

package output

import (
	"io/fs"
	"os"
)

// singleLink cannot tell here: files are replaced, never written into.
func singleLink(fs.FileInfo) bool { return false }

// unusable says why Loa could not write into or delete the entry of a
// kept output described by info, or returns "" when it can.
func unusable(info fs.FileInfo) string { return unusableMode(info.Mode()) }

// deviceOf cannot tell devices apart here: every path is on device 0.
func deviceOf(path string) (uint64, error) {
	_, err := os.Lstat(path)
	return 0, err
}
