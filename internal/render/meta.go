package render

import (
	"fmt"
	"unicode/utf8"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/site"
)

// MaxTitle is the length, in characters, that a page's <title> keeps
// within: longer, the site's name is left off. Search engines cut titles
// at about this length.
const MaxTitle = 60

// pageTitle returns the text of the page's <title>: the site's title on
// the home page; elsewhere the page's title and its page number in a
// list, then the site's name (shortname, else title) unless the whole
// would pass MaxTitle characters.
func pageTitle(d *Data) string {
	if d.Page.Kind == content.KindHome {
		return d.Site.Title
	}
	t := d.Page.Title
	if d.Pager != nil && d.Pager.Number > 1 {
		t += fmt.Sprintf(" - Trang %d", d.Pager.Number)
	}
	if full := t + " | " + siteName(d.Site); utf8.RuneCountInString(full) <= MaxTitle {
		return full
	}
	return t
}

// siteName is the site's shortname, else its title.
func siteName(s *site.Site) string {
	if short := s.ShortName; short != "" {
		return short
	}
	return s.Title
}

// description returns the page's meta description: the site's
// description on the home page, an item's summary on an item's page, and
// on a list page its summary or a sentence made from its title, with the
// page number after the first page, so that no two pages share one.
func description(d *Data) string {
	p, s := d.Page, d.Site
	desc := ""
	switch p.Kind {
	case content.KindHome:
		return s.Description
	case content.KindArticle, content.KindQA, content.KindNews, content.KindDocument, content.KindPage:
		return orDefault(p.Summary, s.Description)
	case content.KindTopic:
		desc = orDefault(p.Summary, fmt.Sprintf("Bài viết, hỏi - đáp và tin về chủ đề “%s” trên %s.", p.Title, siteName(s)))
	case content.KindUnit:
		desc = orDefault(p.Summary, fmt.Sprintf("Tin và bài viết của %s trên %s.", p.Title, siteName(s)))
	case site.KindTag:
		desc = fmt.Sprintf("Bài viết, hỏi - đáp và tin có thẻ “%s” trên %s.", p.Title, siteName(s))
	case site.KindTags:
		desc = fmt.Sprintf("Các thẻ của bài viết, hỏi - đáp và tin trên %s.", siteName(s))
	case site.KindSearch:
		desc = fmt.Sprintf("Tìm bài viết, hỏi - đáp, tin và văn bản trên %s.", siteName(s))
	case site.KindNotFound:
		return fmt.Sprintf("Trang bạn tìm không có trên %s hoặc đã được chuyển đi.", siteName(s))
	default: // sections
		desc = orDefault(p.Summary, sectionDescription(p, siteName(s)))
	}
	if d.Pager != nil && d.Pager.Number > 1 {
		desc += fmt.Sprintf(" Trang %d.", d.Pager.Number)
	}
	return desc
}

// Description returns the meta description of the first page of p, as
// its own page shows it (for the pages of aliases, made without layouts).
func Description(s *site.Site, p *site.Page) string {
	return description(&Data{Site: s, Page: p})
}

// sectionDescription describes a section list that has no summary.
func sectionDescription(p *site.Page, name string) string {
	switch p.URL {
	case "/" + content.SectionTopics + "/":
		return fmt.Sprintf("Các chủ đề tuyên truyền trên %s.", name)
	case "/" + content.SectionQA + "/":
		return fmt.Sprintf("Câu hỏi và trả lời trên %s.", name)
	case "/" + content.SectionUnits + "/":
		return fmt.Sprintf("Tin của các đơn vị trên %s.", name)
	case "/" + content.SectionDocuments + "/":
		return fmt.Sprintf("Danh mục văn bản trên %s.", name)
	}
	return fmt.Sprintf("%s trên %s.", p.Title, name)
}
