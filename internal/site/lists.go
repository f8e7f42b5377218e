package site

import (
	"cmp"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/vntext"
)

// MaxTags is the most tags a site may have: 2,000. Each tag is a page of
// its own and a line on /the/; a portal uses a few dozen to a few hundred
// (the sample portal about 70, the benchmark corpus 40). Past it, a site
// would write a page for every stray word.
const MaxTags = 2000

// buildTags groups pages by tag. Tags that fold to the same slug ("Dân
// chủ", "dân chủ") are one tag, named as first met in URL order. A tag
// past MaxTags is not made; the first is an error naming its page.
func (s *Site) buildTags(errs *diag.List) {
	bySlug := map[string]*Tag{}
	over := map[string]bool{} // slugs of the tags past MaxTags
	var firstOver string      // the first tag past MaxTags
	var firstPos diag.Pos
	for _, p := range s.Pages {
		if p.File == nil {
			continue
		}
		for _, name := range p.Meta.Tags {
			slug := vntext.Slug(name)
			t := bySlug[slug]
			if t == nil && len(s.Tags) == MaxTags {
				if len(over) == 0 {
					firstOver, firstPos = name, diag.Pos{File: p.Path(), Line: p.Meta.Line("tags")}
				}
				over[slug] = true
				continue
			}
			if t == nil {
				t = &Tag{Name: name, Slug: slug, URL: "/the/" + slug + "/"}
				t.Page = &Page{Kind: KindTag, URL: t.URL, Title: name, Meta: &content.Meta{}, Section: s.TagsPage}
				bySlug[slug] = t
				s.Tags = append(s.Tags, t)
			}
			if !slices.Contains(p.Tags, t) {
				p.Tags = append(p.Tags, t)
				t.Pages = append(t.Pages, p)
			}
		}
	}
	if len(over) > 0 {
		errs.Add(firstPos, "tags", i18n.Sprintf("%q makes the site's tag number %d, more than the limit of %d (the site has %d)", firstOver, MaxTags+1, MaxTags, MaxTags+len(over)),
			i18n.Sprintf("use the site's existing tags (listed at /the/) rather than new ones"))
	}
	slices.SortFunc(s.Tags, func(a, b *Tag) int { return cmp.Or(vntext.Compare(a.Name, b.Name), cmp.Compare(a.Slug, b.Slug)) })
	for _, t := range s.Tags {
		slices.SortFunc(t.Pages, newestFirst)
		t.Page.Items = t.Pages
	}
}

// relate picks up to five related pages for each article, news and Q&A
// item: pages near it in date in the same topic (counted twice) and in each
// of its tags, ranked by how many of those lists they share with it, then
// by nearness in date.
func (s *Site) relate() {
	var r relater
	for _, group := range [][]*Page{s.Articles, s.News, s.QA} {
		for _, p := range group {
			p.Related = r.related(p)
		}
	}
}

// How many pages near an item in each of its lists are candidates, and
// how many of them it keeps.
const relatedWindow, relatedKeep = 12, 5

// relater ranks the related pages of one page at a time, reusing its
// buffers: a few dozen candidates per page.
type relater struct {
	cands []cand
	index map[*Page]int // candidate → its place in cands, cleared per page
}

// cand is a candidate related page of p.
type cand struct {
	p     *Page
	score int     // lists shared with p, the topic counted twice
	hours float64 // distance in date from p
}

// related returns the related pages of p.
func (r *relater) related(p *Page) []*Page {
	r.cands = r.cands[:0]
	if r.index == nil {
		r.index = map[*Page]int{}
	}
	clear(r.index)
	if p.Topic != nil {
		r.add(p, p.Topic.Items, 2)
	}
	for _, t := range p.Tags {
		r.add(p, t.Pages, 1)
	}
	return r.best()
}

// add counts, with weight, the pages near p in l, a list newest first.
func (r *relater) add(p *Page, l []*Page, weight int) {
	i, _ := slices.BinarySearchFunc(l, p, newestFirst)
	for j := max(0, i-relatedWindow); j < min(len(l), i+relatedWindow+1); j++ {
		q := l[j]
		if q == p {
			continue
		}
		k, ok := r.index[q]
		if !ok {
			k = len(r.cands)
			r.index[q] = k
			r.cands = append(r.cands, cand{p: q, hours: absHours(q, p)})
		}
		r.cands[k].score += weight
	}
}

// better reports whether a ranks before b: more shared lists, then nearer
// in date, then newest first.
func (a cand) better(b cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.hours != b.hours {
		return a.hours < b.hours
	}
	return newestFirst(a.p, b.p) < 0
}

// best returns the best relatedKeep candidates in order. It keeps them
// by insertion: a full sort of every candidate list costs more than the
// rest of the model.
func (r *relater) best() []*Page {
	var best [relatedKeep]cand
	n := 0
	for _, c := range r.cands {
		if n == relatedKeep && !c.better(best[relatedKeep-1]) {
			continue
		}
		i := min(n, relatedKeep-1)
		for i > 0 && c.better(best[i-1]) {
			best[i] = best[i-1]
			i--
		}
		best[i] = c
		n = min(n+1, relatedKeep)
	}
	related := make([]*Page, n)
	for i := range n {
		related[i] = best[i].p
	}
	return related
}

func absHours(a, p *Page) float64 {
	d := a.Date.Sub(p.Date).Hours()
	if d < 0 {
		return -d
	}
	return d
}

// citations fills Cites and CitedBy from the documents the bodies cite.
func (s *Site) citations() {
	for _, p := range s.Pages {
		if p.Body == nil {
			continue
		}
		for _, c := range p.Body.Citations {
			d := s.byURL[c.URL]
			if d == nil || d == p || slices.Contains(p.Cites, d) {
				continue
			}
			p.Cites = append(p.Cites, d)
			d.CitedBy = append(d.CitedBy, p)
		}
	}
	for _, d := range s.Documents {
		slices.SortFunc(d.CitedBy, newestFirst)
		d.CitedPreview, d.CitedList = head(d.CitedBy, CitedPreview), nil
		if len(d.CitedBy) > CitedPreview {
			d.CitedList = &Page{Kind: KindCited, URL: d.URL + CitedSlug + "/", Title: "Các bài nhắc đến " + cmp.Or(d.Meta.Number, d.Title),
				Meta: &content.Meta{}, Section: d, Items: d.CitedBy}
		}
	}
}

// CitedSlug is the last segment of the URL of the list of the pages
// citing a document: /van-ban/x/trich-dan/.
const CitedSlug = "trich-dan"

// route lists every HTML file to render.
func (s *Site) route() {
	s.citations()
	for _, p := range s.Pages {
		if l, ok := s.builtin[p.URL]; ok && (p.File == nil || p.Kind == content.KindPage) {
			s.addRoute(l, p)
			continue
		}
		switch layout, paged := layoutOf(p); {
		case paged:
			s.addPaged(layout, p)
		case layout != "":
			s.addRoute(layout, p)
		}
	}
	for _, t := range s.Tags {
		s.addPaged("list", t.Page)
	}
	for _, g := range slices.Concat(s.DocTypes, s.DocIssuers) {
		s.addRoute("documents", g)
	}
	for _, d := range s.Documents {
		if d.CitedList != nil {
			s.addPaged("list", d.CitedList)
		}
	}
	s.addRoute("404", s.NotFound)
	slices.SortFunc(s.Routes, func(a, b *Route) int { return cmp.Compare(a.URL, b.URL) })
	s.indexURLs()
}

// sectionLayouts are the layouts of the sections Loa knows; other
// sections are paginated lists.
var sectionLayouts = map[string]string{
	"/" + content.SectionTopics + "/":    "topics",
	"/" + content.SectionQA + "/":        "qa-index",
	"/" + content.SectionUnits + "/":     "units",
	"/" + content.SectionDocuments + "/": "documents",
}

// pageLayouts are the layouts of the pages of each kind that are not lists.
var pageLayouts = map[content.Kind]string{
	content.KindHome: "home", content.KindArticle: "article", content.KindNews: "article",
	content.KindQA: "qa", content.KindDocument: "document", content.KindPage: "page",
	KindTags: "tags", KindSearch: "search",
}

// layoutOf returns the layout of p, and whether p is a paginated list;
// "" when p has no route of its own.
func layoutOf(p *Page) (layout string, paged bool) {
	switch p.Kind {
	case content.KindSection:
		if l, ok := sectionLayouts[p.URL]; ok {
			return l, false
		}
		return "list", true
	case content.KindTopic, content.KindUnit:
		return "list", true
	}
	return pageLayouts[p.Kind], false
}

// addRoute adds the route of page p.
func (s *Site) addRoute(layout string, p *Page) {
	s.Routes = append(s.Routes, &Route{URL: p.URL, Layout: layout, Page: p})
}

// addPaged adds a route for each page of the list p, at least one.
func (s *Site) addPaged(layout string, p *Page) {
	n := max(1, (len(p.Items)+s.PageSize-1)/s.PageSize)
	for i := 1; i <= n; i++ {
		pg := &Pager{Number: i, Total: n, First: p.URL, Items: p.Items[(i-1)*s.PageSize : min(len(p.Items), i*s.PageSize)]}
		if i > 1 {
			pg.PrevURL = PageURL(p.URL, i-1)
		}
		if i < n {
			pg.NextURL = PageURL(p.URL, i+1)
		}
		s.Routes = append(s.Routes, &Route{URL: PageURL(p.URL, i), Layout: layout, Page: p, Pager: pg})
	}
}

// indexURLs records the URLs of every route and generated file, for
// HasURL.
func (s *Site) indexURLs() {
	s.routeURLs = map[string]bool{}
	for _, r := range s.Routes {
		s.routeURLs[r.URL] = true
	}
	for _, g := range generated {
		s.routeURLs[g] = true
	}
	for _, p := range s.Pages {
		if p.Kind == content.KindTopic || p.Kind == content.KindUnit {
			s.routeURLs[p.URL+"index.xml"] = true
		}
	}
}

// generated lists URLs the build writes besides routes and static files.
var generated = []string{"/index.xml", "/sitemap.xml", "/robots.txt", "/404.html"}

// HasURL reports whether url (site-relative, with or without the
// trailing slash, without query or fragment) names something the site
// publishes: a route, an alias, a feed or a static file.
func (s *Site) HasURL(u string) bool {
	if s.routeURLs[u] || s.routeURLs[u+"/"] || s.Aliases[u] != "" || s.Aliases[u+"/"] != "" {
		return true
	}
	if u == "/" {
		return true
	}
	return s.StaticFile != nil && s.StaticFile(strings.TrimPrefix(u, "/"))
}

// expiredAt returns the expired item at the site path u ("/a/" or "/a"),
// or nil.
func (s *Site) expiredAt(u string) *content.File {
	if f := s.expired[u]; f != nil {
		return f
	}
	return s.expired[u+"/"]
}

// checkLinks reports root-relative links and images that lead nowhere, and
// front-matter images and attachments that are missing from static/.
func (s *Site) checkLinks(errs *diag.List) {
	for _, p := range s.Pages {
		if p.File == nil {
			continue
		}
		pos := func(key string) diag.Pos { return diag.Pos{File: p.Path(), Line: p.Meta.Line(key)} }
		for _, key := range []string{"image", "file", "emblem"} {
			v := map[string]string{"image": p.Meta.Image, "file": p.Meta.File, "emblem": p.Meta.Emblem}[key]
			if v != "" && (s.StaticFile == nil || !s.StaticFile(v)) {
				errs.Add(pos(key), key, i18n.Sprintf("static/%s does not exist", v), i18n.Sprintf("add the file to static/ or correct the path"))
			}
		}
		if p.Body == nil {
			continue
		}
		for _, l := range p.Body.Links {
			u := l.Dest
			if i := strings.IndexAny(u, "?#"); i >= 0 {
				u = u[:i]
			}
			if dec, err := url.PathUnescape(u); err == nil {
				u = dec
			}
			if s.HasURL(u) {
				continue
			}
			if f := s.expiredAt(u); f != nil && !l.Image {
				errs.Notice(diag.Pos{File: p.Path(), Line: l.Line}, "",
					i18n.Sprintf("link %s leads to %s, which expired on %s", l.Dest, f.Path, f.Meta.Expires.In(vntext.Zone).Format("2006-01-02")),
					i18n.Sprintf("its text is shown without a link (remove the link, or change expires:)"))
				continue
			}
			msg, hint := i18n.Sprintf("link %s leads to no page of the site", l.Dest), i18n.Sprintf("correct the link or create the page")
			if l.Image {
				msg = i18n.Sprintf("image %s leads to no page of the site", l.Dest)
				hint = i18n.Sprintf("add the file under static%s or correct the path", path.Clean(u))
			} else if s.unpublished[u] || s.unpublished[u+"/"] {
				hint = i18n.Sprintf("the page is a draft or not yet published")
			}
			errs.Add(diag.Pos{File: p.Path(), Line: l.Line}, "", msg, hint)
		}
	}
}
