package content

import (
	"strings"

	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
)

// HomePath is the file of the home page and the site's settings.
const HomePath = "content/_index.md"

// identityKey is one setting of the site's identity in content/_index.md.
type identityKey struct {
	key      string
	required bool
	example  string // a value to write, in the hint
}

// identityKeys are the settings of the site's identity, in the order the
// notices for missing ones are reported. The required ones are what a
// Party committee's portal states about itself (Decree 42/2022/NĐ-CP
// asks state portals for the same); a missing one is a notice, and the
// theme leaves its line out rather than show a placeholder.
var identityKeys = []identityKey{
	{"parent", true, `"Đảng bộ tỉnh …"`},
	{"body", true, `"Đảng ủy xã …"`},
	{"township", true, `"xã …"`},
	{"owner", true, `"Đảng ủy xã …"`},
	{"editor", true, `"Đồng chí …, Phó Bí thư Thường trực Đảng ủy"`},
	{"address", true, `"Số …, thôn …, xã …, tỉnh …"`},
	{"phone", true, `"0… … …"`},
	{"email", true, `"dangUy@….vn"`},
	{"province_portal", true, "https://….dcs.vn/"},
	{"licence", false, `"12/GP-TTĐT"`},
	{"emblem", false, "img/logo.png"},
}

// IdentityNotices returns one notice naming every required identity
// setting that the home page (nil when the site has no
// content/_index.md) does not give. The build goes on: the theme leaves out what is not set,
// and never shows a placeholder.
func IdentityNotices(home *File) diag.List {
	pos := diag.Pos{File: HomePath}
	var m *Meta
	if home != nil {
		m = &home.Meta
		pos = diag.Pos{File: home.Path, Line: home.Meta.Start}
	}
	var missing []identityKey
	for _, k := range identityKeys {
		if k.required && (m == nil || identityValue(m, k.key) == "") {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	names := make([]string, len(missing))
	for i, k := range missing {
		names[i] = k.key
	}
	var notes diag.List
	notes.Notice(pos, strings.Join(names, ", "), i18n.Sprintf("not set, so the header and footer leave out what they would say"),
		i18n.Sprintf("add them here, e.g. %s: %s (see the site settings in the README)", missing[0].key, missing[0].example))
	return notes
}

// identityValue returns the value of an identity setting.
func identityValue(m *Meta, key string) string {
	switch key {
	case "parent":
		return m.Parent
	case "body":
		return m.Body
	case "township":
		return m.Township
	case "owner":
		return m.Owner
	case "editor":
		return m.Editor
	case "address":
		return m.Address
	case "phone":
		return m.Phone
	case "email":
		return m.Email
	case "province_portal":
		return m.ProvincePortal
	case "licence":
		return m.Licence
	case "emblem":
		return m.Emblem
	}
	return ""
}

// renamedKeys are keys of older versions of Loa and the keys that
// replaced them, so that an old site gets a hint rather than a bare
// "unknown key".
var renamedKeys = map[string]struct {
	kind Kind
	to   string
	hint func() string
}{
	"publisher": {KindHome, "body", func() string {
		return i18n.Sprintf(`write body: "Đảng ủy xã …", the name of the body that publishes the site`)
	}},
}
