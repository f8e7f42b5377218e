package loa

import (
	"io/fs"
	"os"
	"strings"
	"testing"
)

// TestThemeHoldsStatic checks that the theme embeds every file of static/
// but the sample portal's photos (static/anh/), so that a folder added to
// static/ is not left out of the theme by the embed list.
func TestThemeHoldsStatic(t *testing.T) {
	fs.WalkDir(os.DirFS("."), "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		_, err = fs.Stat(DefaultTheme(), name)
		switch sample := strings.HasPrefix(name, "static/anh/"); {
		case sample && err == nil:
			t.Errorf("the theme embeds the sample photo %s", name)
		case !sample && err != nil:
			t.Errorf("the theme lacks %s: add its folder to the go:embed line of theme.go", name)
		}
		return nil
	})
}
