package render

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// idAttr matches an id attribute written in a layout: id="noi-dung".
var idAttr = regexp.MustCompile(`\sid\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// LayoutIDs returns the ids the layouts of fsys (*.html and
// partials/*.html, as New reads them) write as they are, sorted and once
// each: the ids heading ids of Markdown bodies must not take (see
// markdown.Config.Reserved). Ids made by actions (id="chu-de_{{.File.Group}}")
// are left out: the theme's hold an underscore, which no heading id has
// (heading ids are slugs of letters, digits and hyphens). A file it
// cannot read is skipped: New reports it.
func LayoutIDs(fsys fs.FS) []string {
	var ids []string
	for _, pattern := range []string{"*.html", "partials/*.html"} {
		names, _ := fs.Glob(fsys, pattern)
		for _, name := range names {
			src, err := fs.ReadFile(fsys, name)
			if err != nil {
				continue
			}
			for _, m := range idAttr.FindAllStringSubmatch(string(src), -1) {
				if id := m[1] + m[2]; id != "" && !strings.Contains(id, "{{") {
					ids = append(ids, id)
				}
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
