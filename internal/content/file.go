package content

import (
	"hash/maphash"
	"time"
)

// seed keys the hashes of files; they are compared only within a process.
var seed = maphash.MakeSeed()

// Kind is what a content file is, decided by its place in content/.
type Kind string

// The kinds of content file.
const (
	KindHome     Kind = "home"
	KindSection  Kind = "section"
	KindTopic    Kind = "topic"
	KindArticle  Kind = "article"
	KindQA       Kind = "qa"
	KindUnit     Kind = "unit"
	KindNews     Kind = "news"
	KindDocument Kind = "document"
	KindPage     Kind = "page"
)

// Section folders with a kind of their own.
const (
	SectionTopics    = "chu-de"
	SectionQA        = "hoi-dap"
	SectionUnits     = "tin-don-vi"
	SectionDocuments = "van-ban"
)

// File is one parsed content file. Files are immutable after Parse and
// safe to share between goroutines, with one exception: a one-shot
// build.Build with the theme's layouts sets Body to nil once the body is
// converted and nothing reads it again.
type File struct {
	Path     string // slash path from the site root, e.g. "content/hoi-dap/a.md"
	Kind     Kind
	Section  string // first folder under content/, "" for the home and top-level pages
	Group    string // topic slug of an article or topic, unit slug of a news item or unit
	URL      string // site-relative URL, e.g. "/hoi-dap/a/"
	Meta     Meta
	Body     []byte // Markdown after the front matter, NFC with LF line ends
	BodyLine int    // line of the file on which Body starts (1-based)
	Sum      uint64 // hash of the file's bytes, to tell an edit from a touch
	MetaSum  uint64 // hash of the front matter's bytes
}

// IsIndex reports whether f is an _index.md file describing a list page.
func (f *File) IsIndex() bool {
	switch f.Kind {
	case KindHome, KindSection, KindTopic, KindUnit:
		return true
	}
	return false
}

// Meta is the front matter of a file. Lines maps each key present to its
// line in the file, so that later checks can point at it.
type Meta struct {
	Title    string
	Date     time.Time
	Summary  string
	Tags     []string
	Author   string
	Image    string
	Alt      string
	Draft    bool
	Featured bool
	Weight   int
	Aliases  []string
	Expires  time.Time
	Updated  time.Time // last substantial change; zero when not set
	Slug     string
	Unsafe   bool
	Example  bool

	Topic string // article, qa, news
	Unit  string // article, news
	Asker string // qa
	Menu  bool   // page

	// Documents.
	Number    string
	Type      string
	Issuer    string
	Issued    time.Time
	Signer    string
	Effective time.Time
	File      string

	// Home: site settings.
	Description string
	ShortName   string // short site name for page titles
	Address     string
	Phone       string
	Email       string
	Zalo        string // the phone number of the Zalo account readers may write to, as digits: "0912345678"
	BaseURL     string

	// Home: the site's identity (see identity.go).
	Parent         string // the level above, e.g. "Đảng bộ tỉnh …"
	Body           string // the body that publishes the site, e.g. "Đảng ủy xã …"
	Township       string // the place, e.g. "xã …"
	Emblem         string // image under static/; "" for the theme's mark
	Owner          string // cơ quan chủ quản
	Editor         string // người chịu trách nhiệm nội dung
	Licence        string // licence number, "" when there is none
	ProvincePortal string // address of the province's portal
	NoCMS          bool   // cms: false: no web editor at /quan-tri/

	Lines map[string]int // key → line in the file
	Start int            // line of the opening delimiter
}

// Line returns the line of key in the file, or the line of the opening
// front-matter delimiter when key is absent.
func (m *Meta) Line(key string) int {
	if l, ok := m.Lines[key]; ok {
		return l
	}
	return m.Start
}
