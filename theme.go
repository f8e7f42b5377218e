// Package loa holds Loa's default theme: the layouts/ and static/ folders
// of this repository, embedded in the binary so that a site with only a
// content/ folder builds. The command is in cmd/loa.
package loa

import (
	"embed"
	"io/fs"
)

// The theme is layouts/ and static/ but static/anh/, which holds the
// photos of the sample portal (content/ of this repository), not of the
// theme: a site built with the theme does not publish them.
//
//go:embed layouts static/css static/js static/img
var theme embed.FS

// DefaultTheme returns the default theme: a file system holding layouts/
// and static/.
func DefaultTheme() fs.FS { return theme }
