package cms

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCheckPath: a path the local editor accepts, of any kind, is local
// to the site folder (filepath.IsLocal), clean, and inside content/ or a
// media folder; an entry is a Markdown file under content/.
func FuzzCheckPath(f *testing.F) {
	for _, p := range []string{"content/hoi-dap/a.md", "content", "static/anh/a.jpg", "static/tep", "content/../x.md", `content\a.md`, "/etc/passwd", "content/.git/x.md", "C:/a", "content/a\x00.md"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		for _, want := range []place{entryFile, entryFolder, mediaFile, mediaFolder} {
			if checkPath(p, want) != nil {
				continue
			}
			if !filepath.IsLocal(p) {
				t.Fatalf("%q (kind %d) accepted but leaves the site folder", p, want)
			}
			inside := false
			for _, root := range append([]string{"content"}, mediaRoots...) {
				inside = inside || p == root || strings.HasPrefix(p, root+"/")
			}
			if !inside {
				t.Fatalf("%q (kind %d) accepted but is outside content/ and the media folders", p, want)
			}
			if want == entryFile && (!strings.HasPrefix(p, "content/") || !strings.HasSuffix(p, ".md")) {
				t.Fatalf("%q accepted as an entry but is no Markdown file under content/", p)
			}
		}
	})
}
