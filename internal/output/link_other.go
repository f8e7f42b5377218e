//go:build !unix

package output

import "io/fs"

// singleLink cannot tell here: files are replaced, never written into.
func singleLink(fs.FileInfo) bool { return false }
