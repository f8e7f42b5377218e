package site

import (
	"strconv"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/vntext"
)

// Kinds of pages that have no content file of their own.
const (
	KindTag      content.Kind = "tag"
	KindTags     content.Kind = "tags"
	KindSearch   content.Kind = "search"
	KindNotFound content.Kind = "404"
	// KindCited is the list of the pages citing a document, made when
	// there are more than its page shows (CitedPreview).
	KindCited content.Kind = "cited"
)

// Page is one page of the site: a content file with what the site knows
// about it, or a generated page (tag, search, 404, a section without an
// _index.md). Pages are read-only once New returns, but for the two
// exceptions the package doc names.
type Page struct {
	Kind    content.Kind
	URL     string        // site-relative, e.g. "/chu-de/the-che-hoa/"
	File    *content.File // nil for generated pages
	Meta    *content.Meta // never nil
	Body    *markdown.Result
	Title   string
	Summary string    // from front matter, else the first paragraph
	Date    time.Time // zero for pages without a date
	// Modified is the last substantial change: the updated key, else the
	// file's last Git commit (Config.Committed) when after Date; zero
	// when neither is known.
	Modified time.Time

	Section *Page   // the section list the page belongs to, nil for home
	Topic   *Page   // topic of an article, Q&A item or news item
	Unit    *Page   // unit of a news item, or the unit that wrote an article
	Tags    []*Tag  // in front-matter order
	Items   []*Page // list pages: what they list, in display order
	Preview []*Page // list pages: the first ItemsPreview of Items

	Prev, Next *Page   // older and newer neighbour in the same topic or unit
	Related    []*Page // up to five pages on the same topic or with the same tags
	Cites      []*Page // documents cited in the body
	CitedBy    []*Page // for documents: pages citing it, newest first
	// CitedPreview is the first CitedPreview of CitedBy, what a
	// document's page shows; CitedList is the generated list of all of
	// CitedBy, nil when CitedPreview holds them all.
	CitedPreview []*Page
	CitedList    *Page
}

// Path returns the file path of the page's source, or "" for generated pages.
func (p *Page) Path() string {
	if p.File == nil {
		return ""
	}
	return p.File.Path
}

// Revised returns p.Modified when it falls on a later day than p.Date in
// Vietnam's zone, for the page to show as "Cập nhật"; else the zero time.
func (p *Page) Revised() time.Time {
	if p.Modified.IsZero() || vntext.ShortDate(p.Modified) == vntext.ShortDate(p.Date) || p.Modified.Before(p.Date) {
		return time.Time{}
	}
	return p.Modified
}

// NoIndex reports whether search engines should leave p out: the 404
// page, the thank-you page of the question form, a tag page listing a
// single item (a thin page that only repeats the item), and the list of
// pages citing a document (which only repeats other lists). The theme
// marks them noindex and the sitemap leaves them out.
func (p *Page) NoIndex() bool {
	return p.Kind == KindNotFound || p.Kind == KindAskSent || p.Kind == KindCited || p.Kind == KindTag && len(p.Items) <= 1
}

// Tag is a tag with its pages, newest first.
type Tag struct {
	Name  string // as first written
	Slug  string
	URL   string
	Page  *Page
	Pages []*Page
}

// Route is one HTML file of the output: a page, or one page of a
// paginated list.
type Route struct {
	URL    string // site-relative URL of this file, e.g. "/chu-de/x/trang/2/"
	Layout string // template name without extension, e.g. "list"
	Page   *Page
	Pager  *Pager // nil when the page is not paginated
}

// Pager is one page of a paginated list.
type Pager struct {
	Number, Total int
	Items         []*Page
	PrevURL       string // "" on the first page
	NextURL       string // "" on the last page
	First         string // URL of page 1
}

// PageURL returns the URL of page n of a list at base.
func PageURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "trang/" + strconv.Itoa(n) + "/"
}
