package site

import (
	"cmp"
	"slices"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/vntext"
)

// Kinds of the registry's filter pages: the documents of one type, and
// of one issuer. Loa makes them; they have no file.
const (
	KindDocType   content.Kind = "doc-type"
	KindDocIssuer content.Kind = "doc-issuer"
)

// Folders of the registry's filter pages, under the documents section:
// /van-ban/loai/chi-thi/ lists the documents whose type is "Chỉ thị",
// /van-ban/co-quan/quoc-hoi/ those whose issuer is "Quốc hội".
const (
	DocTypeFolder   = "loai"
	DocIssuerFolder = "co-quan"
)

// newestIssued orders documents by their date of issue (issued:), newest
// first; documents without one come last. Ties go by title, then URL.
func newestIssued(a, b *Page) int {
	az, bz := a.Meta.Issued.IsZero(), b.Meta.Issued.IsZero()
	if az != bz {
		if az {
			return 1
		}
		return -1
	}
	if c := b.Meta.Issued.Compare(a.Meta.Issued); c != 0 {
		return c
	}
	return byTitle(a, b)
}

// DocTypeURL returns the URL of the registry page of documents of type
// name ("Chỉ thị" → "/van-ban/loai/chi-thi/"), or "" when name has no
// letter or digit.
func DocTypeURL(name string) string { return docGroupURL(DocTypeFolder, name) }

// DocIssuerURL returns the URL of the registry page of the documents of
// issuer name, or "" when name has no letter or digit.
func DocIssuerURL(name string) string { return docGroupURL(DocIssuerFolder, name) }

func docGroupURL(folder, name string) string {
	slug := vntext.Slug(name)
	if slug == "" {
		return ""
	}
	return "/" + content.SectionDocuments + "/" + folder + "/" + slug + "/"
}

// groupDocuments makes the registry's filter pages: one per document
// type and one per issuer, each listing its documents newest issued
// first, in Vietnamese alphabetical order of their names. Names that
// fold to the same slug are one group, named as first met. A page's
// title says what it lists ("Loại văn bản: Chỉ thị"); its Meta.Type or
// Meta.Issuer holds the name alone.
func (s *Site) groupDocuments() {
	sec := s.Sections[content.SectionDocuments]
	if sec == nil {
		return
	}
	s.DocTypes = docGroups(s.Documents, sec, KindDocType, DocTypeURL, func(m *content.Meta) string { return m.Type })
	s.DocIssuers = docGroups(s.Documents, sec, KindDocIssuer, DocIssuerURL, func(m *content.Meta) string { return m.Issuer })
	for _, g := range s.DocTypes {
		g.Title, g.Meta.Type = "Loại văn bản: "+g.Title, g.Title
		g.Meta.Title = g.Title
	}
	for _, g := range s.DocIssuers {
		g.Title, g.Meta.Issuer = "Cơ quan ban hành: "+g.Title, g.Title
		g.Meta.Title = g.Title
	}
}

// docGroups groups docs, sorted, by the name key gives.
func docGroups(docs []*Page, sec *Page, kind content.Kind, urlOf func(string) string, key func(*content.Meta) string) []*Page {
	byURL := map[string]*Page{}
	var groups []*Page
	for _, d := range docs {
		name := key(d.Meta)
		u := urlOf(name)
		if u == "" {
			continue
		}
		g := byURL[u]
		if g == nil {
			g = &Page{Kind: kind, URL: u, Title: name, Meta: &content.Meta{Title: name}, Section: sec}
			byURL[u] = g
			groups = append(groups, g)
		}
		g.Items = append(g.Items, d)
	}
	slices.SortFunc(groups, func(a, b *Page) int { return cmp.Or(vntext.Compare(a.Title, b.Title), cmp.Compare(a.URL, b.URL)) })
	return groups
}

// DocGroupsOf returns the registry pages that list the document d: its
// type's and its issuer's.
func (s *Site) DocGroupsOf(d *Page) []*Page {
	var out []*Page
	for _, l := range []struct {
		groups []*Page
		url    string
	}{{s.DocTypes, DocTypeURL(d.Meta.Type)}, {s.DocIssuers, DocIssuerURL(d.Meta.Issuer)}} {
		for _, g := range l.groups {
			if g.URL == l.url {
				out = append(out, g)
			}
		}
	}
	return out
}
