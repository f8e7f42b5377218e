// Package loa holds Loa's default theme: the layouts/ and static/ folders
// of this repository, embedded in the binary so that a site with only a
// content/ folder builds. The command is in cmd/loa.
package loa

import (
	"embed"
	"io/fs"
)

//go:embed layouts static
var theme embed.FS

// DefaultTheme returns the default theme: a file system holding layouts/
// and static/.
func DefaultTheme() fs.FS { return theme }
