package site

import (
	"path"
	"strconv"
	"strings"

	"github.com/loa-vn/loa/internal/content"
)

// DefaultEmblem is the theme's neutral mark, shown when the site names no
// emblem of its own: a static file of the default theme.
const DefaultEmblem = "img/emblem.svg"

// Identity is who publishes the site, from the settings of
// content/_index.md (see package content). An empty field was not set;
// the theme leaves its line out.
type Identity struct {
	Parent         string // the level above, e.g. "Đảng bộ tỉnh …"
	Body           string // the publishing body, e.g. "Đảng ủy xã …"
	Township       string // the place, e.g. "xã …"
	Emblem         string // image under static/, DefaultEmblem when not set
	Owner          string // cơ quan chủ quản
	Editor         string // người chịu trách nhiệm nội dung
	Licence        string
	ProvincePortal string // absolute address
	Address        string
	Phone          string
	Email          string
	Zalo           string // phone number of a Zalo account readers may write to, digits only
}

func identityOf(m *content.Meta) Identity {
	id := Identity{
		Parent: m.Parent, Body: m.Body, Township: m.Township, Emblem: m.Emblem,
		Owner: m.Owner, Editor: m.Editor, Licence: m.Licence, ProvincePortal: m.ProvincePortal,
		Address: m.Address, Phone: m.Phone, Email: m.Email, Zalo: m.Zalo,
	}
	if id.Emblem == "" {
		id.Emblem = DefaultEmblem
	}
	return id
}

// Publisher is the name of the body that publishes the site: its body
// setting, else the site's title.
func (s *Site) Publisher() string {
	if s.Body != "" {
		return s.Body
	}
	return s.Title
}

// IconSizes are the sizes of the PNG icons made from the emblem: 180 for
// the apple-touch-icon, 192 and 512 for the web app manifest.
var IconSizes = []int{180, 192, 512}

// IconFile names the PNG rendering of the emblem at size×size pixels
// that a site puts beside its emblem: "img/logo.svg" → "img/logo-180.png".
// The theme ships those of its own mark; the layouts and the manifest use
// the ones that exist.
func (id Identity) IconFile(size int) string {
	return strings.TrimSuffix(id.Emblem, path.Ext(id.Emblem)) + "-" + strconv.Itoa(size) + ".png"
}
