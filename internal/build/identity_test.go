package build

import (
	"slices"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
)

// otherNotices returns the notices of res but the one about missing
// identity settings (content.IdentityNotices), which every test site
// without its settings gets.
func otherNotices(res *Result) diag.List {
	var home *content.File
	if res.Site != nil && res.Site.Home != nil {
		home = res.Site.Home.File
	}
	id := content.IdentityNotices(home)
	return slices.DeleteFunc(slices.Clone(res.Notices), func(d *diag.Diagnostic) bool {
		return len(id) > 0 && d.Error() == id[0].Error()
	})
}
