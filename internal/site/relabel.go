package site

import (
	"slices"
	"time"

	"github.com/loa-vn/loa/internal/content"
)

// heldList is one sorted list that holds a page, with the pages whose
// routes show a cut of it (a pager page, a preview): when the list's
// order changes, what those routes show may change although none of
// their pages did.
type heldList struct {
	items      []*Page
	order      func(a, b *Page) int
	owners     []*Page
	neighbours bool // the list's items link to their neighbours in it
}

// Relabel puts back in order the lists that hold pages whose titles
// Update just changed, as New would have sorted them, and recomputes what
// those orders decide: neighbours and related pages (previews, pagers and
// the site's latest lists share the lists' arrays and follow by
// themselves). It returns the other pages whose routes may now show
// something else: the owners of the lists whose order changed (the list
// page, the home page), and the pages whose neighbours or related pages
// changed. The pages must be pages of s with a content file, other than
// the home page, whose title is the site's name.
//
// Like Update, Relabel changes the model in place; only the Builder, which
// owns it, calls it, between two builds.
func (s *Site) Relabel(pages []*Page) []*Page {
	var touched []*Page
	moved := false
	for _, p := range pages {
		for _, l := range s.listsOf(p) {
			if slices.IsSortedFunc(l.items, l.order) {
				continue // the same order as before: a sort is a total order
			}
			moved = true
			slices.SortFunc(l.items, l.order)
			for _, o := range l.owners {
				if o != nil {
					touched = append(touched, o)
				}
			}
			if l.neighbours {
				touched = neighbour(l.items, touched)
			}
		}
	}
	if !moved && !slices.ContainsFunc(pages, s.tiedInDate) {
		// Related pages are ranked by title only among pages of the
		// same date.
		return touched
	}
	return s.relateAgain(pages, touched)
}

// tiedInDate reports whether another article, news or Q&A item has p's
// date.
func (s *Site) tiedInDate(p *Page) bool {
	for _, l := range [][]*Page{s.Articles, s.News, s.QA} {
		// Newest first: the first item of p's date, if any.
		i, _ := slices.BinarySearchFunc(l, p.Date, func(q *Page, d time.Time) int { return d.Compare(q.Date) })
		for ; i < len(l) && l[i].Date.Equal(p.Date); i++ {
			if l[i] != p {
				return true
			}
		}
	}
	return false
}

// listsOf returns the sorted lists that hold p.
func (s *Site) listsOf(p *Page) []heldList {
	var lists []heldList
	add := func(items []*Page, order func(a, b *Page) int, neighbours bool, owners ...*Page) {
		lists = append(lists, heldList{items, order, owners, neighbours})
	}
	switch p.Kind {
	case content.KindArticle, content.KindNews:
		if p.Kind == content.KindArticle {
			add(s.Articles, newestFirst, false, s.Home)
		} else {
			add(s.News, newestFirst, false, s.Home)
		}
		if p.Meta.Featured {
			add(s.Featured, newestFirst, false, s.Home)
		}
		if l := p.Topic; l != nil && p.Kind == content.KindArticle {
			add(l.Items, newestFirst, true, l)
		}
		if l := p.Unit; l != nil && p.Kind == content.KindNews {
			add(l.Items, newestFirst, true, l)
		}
	case content.KindQA:
		add(s.QA, newestFirst, true, s.Home, s.Sections[content.SectionQA])
	case content.KindDocument:
		add(s.Documents, newestIssued, false, s.Sections[content.SectionDocuments])
		for _, g := range s.DocGroupsOf(p) {
			add(g.Items, newestIssued, false, g)
		}
	case content.KindTopic:
		add(s.Topics, byWeight, false, s.Home, s.Sections[content.SectionTopics])
	case content.KindUnit:
		add(s.Units, byWeight, false, s.Home, s.Sections[content.SectionUnits])
	case content.KindPage:
		if p.Meta.Menu {
			add(s.Menu, byWeight, false, s.Home)
		}
		if _, special := sectionTitles[p.File.Section]; p.Section != nil && !special {
			add(p.Section.Items, newestFirst, false, p.Section)
		}
	}
	for _, t := range p.Tags {
		add(t.Pages, newestFirst, false, t.Page)
	}
	for _, d := range p.Cites {
		add(d.CitedBy, newestFirst, false, d)
	}
	return lists
}

// relateAgain picks again the related pages of every item that may count
// one of pages among its candidates (the items of its topic, and of its
// tags), and appends to touched those whose related pages changed.
func (s *Site) relateAgain(pages, touched []*Page) []*Page {
	topics, self := map[*Page]bool{}, map[*Page]bool{}
	tags := map[*Tag]bool{}
	for _, p := range pages {
		self[p] = true // a Q&A item finds its place in its topic by its title
		if p.Kind == content.KindArticle && p.Topic != nil {
			topics[p.Topic] = true
		}
		for _, t := range p.Tags {
			tags[t] = true
		}
	}
	var r relater
	for _, group := range [][]*Page{s.Articles, s.News, s.QA} {
		for _, q := range group {
			if !self[q] && !topics[q.Topic] && !slices.ContainsFunc(q.Tags, func(t *Tag) bool { return tags[t] }) {
				continue
			}
			if related := r.related(q); !slices.Equal(related, q.Related) {
				q.Related = related
				touched = append(touched, q)
			}
		}
	}
	return touched
}
