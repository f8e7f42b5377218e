// Package site builds the model of a site from parsed content: which pages
// are published, their URLs, topics, units, tags, lists, pagination,
// related items, neighbours and citations, and the routes to render.
// It also cuts the short lists that pages show of other lists (the latest
// news on the home page, the first items of each topic): the Preview
// constants are the one place those cuts are made.
// It does no I/O and decides every page that exists; the renderer only
// draws them.
//
// A Site is read-only once New returns, and safe for concurrent use,
// with two exceptions, both made by package build, which owns the model:
// Update swaps an edited file into its page in place between two builds
// (and Relabel then puts back in order the lists holding pages whose
// titles changed), and a one-shot build.Build with the theme's layouts empties the HTML
// and plain text of page bodies once their last reader is done (see
// build.Build).
package site

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/vntext"
)

// Config is what the model needs besides content. The zero value
// publishes nothing dated after the zero time; set Now.
type Config struct {
	Now      time.Time // items dated after Now or expired before it are left out
	Drafts   bool      // include drafts and future-dated items
	PageSize int       // items per list page; 20 when zero
	// StaticFile reports whether a file exists under static/ (slash path
	// without leading slash). Nil means none does.
	StaticFile func(path string) bool
	// Committed gives the time of a file's last Git commit (slash path
	// from the site root), or the zero time; see Page.Modified. Nil means
	// no file's is known.
	Committed func(path string) time.Time
	// Forms: the host takes the posts of HTML forms (Netlify Forms), so
	// the question page shows its form; without, it offers e-mail and
	// Zalo only.
	Forms bool
}

// Site is the model of a whole site.
type Site struct {
	Config
	Title       string // the portal's name
	Description string
	ShortName   string // short name for page titles, "" when not set
	BaseURL     string // from the home page's front matter, may be empty
	Identity           // from the home page's front matter

	Home      *Page
	Pages     []*Page // every published page with a URL, sorted by URL
	Sections  map[string]*Page
	Topics    []*Page // by weight, then title
	Units     []*Page // by weight, then title
	Articles  []*Page // newest first
	QA        []*Page // newest first
	News      []*Page // newest first
	Documents []*Page // newest issued first (see newestIssued)
	// The registry's filter pages, which Loa makes: one per document type
	// (/van-ban/loai/…/) and one per issuer (/van-ban/co-quan/…/), each
	// listing its documents newest issued first; by name.
	DocTypes, DocIssuers []*Page
	Featured             []*Page // featured articles and news, newest first

	// The first items of lists, as pages other than the lists' own show
	// them (see FeaturedPreview and the other cuts).
	LatestFeatured []*Page // the first FeaturedPreview of Featured
	LatestNews     []*Page // the first NewsPreview of News
	LatestQA       []*Page // the first QAPreview of QA
	// LatestDocuments are the first DocsPreview of Documents.
	LatestDocuments []*Page
	// The side column's lists: the first SidePreview of News, QA and
	// Documents.
	SideNews, SideQA, SideDocuments []*Page

	Menu     []*Page // plain pages with menu: true, by weight
	Tags     []*Tag  // in Vietnamese alphabetical order
	TagsPage *Page
	Search   *Page
	NotFound *Page
	// The question form, its thank-you page and the contact page (see
	// builtinPages), nil when the site has none.
	Ask, AskSent, Contact *Page
	Routes                []*Route
	Aliases               map[string]string // old URL → page URL

	byURL       map[string]*Page
	routeURLs   map[string]bool          // every route and generated file
	builtin     map[string]string        // URL → layout of the pages of builtinPages
	unpublished map[string]bool          // URLs of drafts, future and expired items
	expired     map[string]*content.File // URLs of items left out only for their expiry
	edits       int                      // pages swapped in by Update
}

// Default titles of generated section pages.
var sectionTitles = map[string]string{
	content.SectionTopics:    "Chủ đề",
	content.SectionQA:        "Hỏi - đáp",
	content.SectionUnits:     "Tin đơn vị",
	content.SectionDocuments: "Văn bản",
}

// New builds the model from files and their converted bodies. Problems
// that span files (unknown topic, duplicate URL, broken link) are
// returned with positions; the model is still complete enough to render
// when the list holds only notices.
func New(files []*content.File, bodies map[*content.File]*markdown.Result, cfg Config) (*Site, diag.List) {
	if cfg.PageSize <= 0 {
		cfg.PageSize = 20
	}
	s := &Site{Config: cfg, Sections: map[string]*Page{}, Aliases: map[string]string{}, byURL: map[string]*Page{}, unpublished: map[string]bool{}, expired: map[string]*content.File{}}
	var errs diag.List
	s.addPages(files, bodies, &errs)
	s.link(files, &errs)
	s.sortLists()
	s.groupDocuments()
	s.buildTags(&errs)
	s.preview()
	s.relate()
	s.route()
	s.checkLinks(&errs)
	errs.Sort()
	return s, errs
}

// published reports whether f goes on the site in this build.
func (s *Site) published(f *content.File) bool { return s.Config.Published(f) }

// Published reports whether f goes on the site: not a draft, not dated in
// the future and not expired, or any file when Drafts is set.
func (cfg Config) Published(f *content.File) bool {
	m := &f.Meta
	s := cfg
	if s.Drafts {
		return true
	}
	if m.Draft || (!m.Date.IsZero() && m.Date.After(s.Now)) {
		return false
	}
	return m.Expires.IsZero() || m.Expires.After(s.Now)
}

// Expired reports whether f is left out of the site only because its
// expires: date has passed. Links to it are then not errors: the site
// broke by itself, with no edit.
func (cfg Config) Expired(f *content.File) bool {
	m := f.Meta
	m.Expires = time.Time{}
	return !cfg.Published(f) && cfg.Published(&content.File{Meta: m})
}

func (cfg Config) newPage(f *content.File, body *markdown.Result) *Page {
	p := &Page{Kind: f.Kind, URL: f.URL, File: f, Meta: &f.Meta, Body: body, Title: f.Meta.Title, Summary: f.Meta.Summary, Date: f.Meta.Date}
	p.Modified = cfg.modified(f)
	if p.Summary == "" && body != nil {
		p.Summary = shorten(body.Lead, 220)
	}
	return p
}

// modified is f's last substantial change: its updated key, else its
// last commit when that is after its date, else zero.
func (cfg Config) modified(f *content.File) time.Time {
	if !f.Meta.Updated.IsZero() {
		return f.Meta.Updated
	}
	if cfg.Committed == nil {
		return time.Time{}
	}
	if c := cfg.Committed(f.Path); c.After(f.Meta.Date) {
		return c.In(vntext.Zone)
	}
	return time.Time{}
}

// shorten cuts s to at most n runes at a word boundary, adding "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// addPages makes the pages of the published files and puts them in the
// lists of their kind; it reports URLs that two files, or a file and an
// alias, claim.
func (s *Site) addPages(files []*content.File, bodies map[*content.File]*markdown.Result, errs *diag.List) {
	owners := urlOwners{owner: map[string]*Page{}, errs: errs}
	var pages []*Page
	for _, f := range files {
		if generatedURL(f, errs) {
			continue
		}
		if !s.published(f) {
			s.unpublished[f.URL] = true
			if s.Config.Expired(f) {
				s.expired[f.URL] = f
			}
			continue
		}
		p := s.newPage(f, bodies[f])
		if owners.claim(p.URL, p, diag.Pos{File: f.Path, Line: f.Meta.Line("slug")}, "") {
			pages = append(pages, p)
		}
	}
	// Aliases after pages, so that a page always wins over an alias.
	for _, p := range pages {
		for _, a := range p.Meta.Aliases {
			if owners.claim(a, p, diag.Pos{File: p.Path(), Line: p.Meta.Line("aliases")}, "aliases") {
				s.Aliases[a] = p.URL
			}
		}
	}
	for _, p := range pages {
		s.byURL[p.URL] = p
		s.addToList(p)
		s.Pages = append(s.Pages, p)
	}
	s.addGenerated()
}

// urlOwners gives each URL to the first page that claims it.
type urlOwners struct {
	owner map[string]*Page
	errs  *diag.List
}

// claim gives url to p, or reports at pos that another page has it.
func (o urlOwners) claim(url string, p *Page, pos diag.Pos, field string) bool {
	if other, ok := o.owner[url]; ok {
		o.errs.Add(pos, field, i18n.Sprintf("URL %s is also the URL of %s", url, cmp.Or(other.Path(), other.Title)), i18n.Sprintf("rename one of the files or change its slug"))
		return false
	}
	o.owner[url] = p
	return true
}

// addToList puts p in the site's list of its kind, unsorted.
func (s *Site) addToList(p *Page) {
	switch p.Kind {
	case content.KindHome:
		s.Home = p
	case content.KindSection:
		s.Sections[p.File.Section] = p
	case content.KindTopic:
		s.Topics = append(s.Topics, p)
	case content.KindUnit:
		s.Units = append(s.Units, p)
	case content.KindArticle:
		s.Articles = append(s.Articles, p)
	case content.KindQA:
		s.QA = append(s.QA, p)
	case content.KindNews:
		s.News = append(s.News, p)
	case content.KindDocument:
		s.Documents = append(s.Documents, p)
	case content.KindPage:
		if p.Meta.Menu {
			s.Menu = append(s.Menu, p)
		}
	}
}

// generatedFolders are the URL folders whose pages only Loa makes: the
// tag pages under /the/, and the search page with its index under
// /tim-kiem/. No content file may take a URL in them, draft or not.
var generatedFolders = []struct {
	folder         string
	page, contents func() string
}{
	{"/the/", func() string { return i18n.Sprintf("the list of tags") }, func() string { return i18n.Sprintf("the tag pages") }},
	{"/tim-kiem/", func() string { return i18n.Sprintf("the search page") }, func() string { return i18n.Sprintf("the search page and its index") }},
}

// generatedURL reports, and adds to errs, a file whose URL is or is
// inside a folder of generated pages.
func generatedURL(f *content.File, errs *diag.List) bool {
	for _, g := range generatedFolders {
		if !strings.HasPrefix(f.URL, g.folder) {
			continue
		}
		pos := diag.Pos{File: f.Path}
		if f.Meta.Slug != "" {
			pos.Line = f.Meta.Line("slug")
		}
		if f.URL == g.folder {
			errs.Add(pos, "", i18n.Sprintf("URL %s is %s, which Loa makes", f.URL, g.page()), i18n.Sprintf("rename the file or give it another slug"))
		} else {
			errs.Add(pos, "", i18n.Sprintf("URL %s is inside %s, the folder of %s, which Loa makes", f.URL, g.folder, g.contents()),
				i18n.Sprintf("move the file out of content%s", g.folder))
		}
		return true
	}
	return false
}

// addGenerated adds the pages that exist without a file: the home page and
// section lists when their _index.md is missing, tags, search and 404.
func (s *Site) addGenerated() {
	gen := func(kind content.Kind, url, title string) *Page {
		p := &Page{Kind: kind, URL: url, Title: title, Meta: &content.Meta{}}
		if _, taken := s.byURL[url]; !taken {
			s.byURL[url] = p
			s.Pages = append(s.Pages, p)
		}
		return p
	}
	if s.Home == nil {
		s.Home = gen(content.KindHome, "/", "Cổng thông tin")
	}
	m := s.Home.Meta
	s.Title, s.Description = s.Home.Title, cmp.Or(m.Description, s.Home.Summary)
	s.BaseURL, s.ShortName = m.BaseURL, m.ShortName
	s.Identity = identityOf(m)
	need := map[string]bool{
		content.SectionTopics: len(s.Topics) > 0, content.SectionQA: len(s.QA) > 0,
		content.SectionUnits: len(s.Units) > 0, content.SectionDocuments: len(s.Documents) > 0,
	}
	for sec, ok := range need {
		if ok && s.Sections[sec] == nil {
			p := gen(content.KindSection, "/"+sec+"/", sectionTitles[sec])
			p.Meta = &content.Meta{Title: p.Title}
			s.Sections[sec] = p
		}
	}
	s.addBuiltin(gen)
	s.TagsPage = gen(KindTags, "/the/", "Thẻ")
	s.Search = gen(KindSearch, "/tim-kiem/", "Tìm kiếm")
	s.NotFound = &Page{Kind: KindNotFound, URL: "/404.html", Title: "Không tìm thấy trang", Meta: &content.Meta{}}
}

// link connects pages to their sections, topics and units, and checks the
// names used in front matter. files are all the files, for what is not
// published.
func (s *Site) link(files []*content.File, errs *diag.List) {
	l := &linker{held: s.heldGroups(files), topics: byGroup(s.Topics), units: byGroup(s.Units), errs: errs}
	for _, p := range s.Pages {
		if p.File == nil {
			continue
		}
		f := p.File
		if f.Section != "" && p.Kind != content.KindSection {
			p.Section = s.Sections[f.Section]
		}
		switch p.Kind {
		case content.KindArticle:
			p.Topic = l.lookup(p, "topic", f.Group, l.topics, content.SectionTopics)
			p.Unit = l.lookup(p, "unit", p.Meta.Unit, l.units, content.SectionUnits)
		case content.KindNews:
			p.Unit = l.lookup(p, "unit", f.Group, l.units, content.SectionUnits)
			p.Topic = l.lookup(p, "topic", p.Meta.Topic, l.topics, content.SectionTopics)
		case content.KindQA:
			p.Topic = l.lookup(p, "topic", p.Meta.Topic, l.topics, content.SectionTopics)
		case content.KindTopic, content.KindUnit:
			p.Section = s.Sections[f.Section]
		}
		l.checkFolder(p)
	}
}

// linker looks up the topics and units front matter names, and reports
// the names it cannot find.
type linker struct {
	held          map[string]*content.File // from heldGroups
	topics, units map[string]*Page         // by folder
	errs          *diag.List
}

// byGroup maps list pages by their folder.
func byGroup(pages []*Page) map[string]*Page {
	m := map[string]*Page{}
	for _, p := range pages {
		m[p.File.Group] = p
	}
	return m
}

// lookup returns the topic or unit (key) of p named name, one of m,
// whose pages are in folder; it reports a name that is not there.
func (l *linker) lookup(p *Page, key, name string, m map[string]*Page, folder string) *Page {
	if name == "" {
		return nil
	}
	if t, ok := m[name]; ok {
		return t
	}
	pos := diag.Pos{File: p.Path(), Line: p.Meta.Line(key)}
	if h := l.held[folder+"/"+name]; h != nil {
		msg, hint := i18n.Sprintf("topic %s is a draft (%s has draft: true)", quote(name), h.Path), i18n.Sprintf("remove draft: true there to publish the topic, or add draft: true here too")
		if key == "unit" {
			msg, hint = i18n.Sprintf("unit %s is a draft (%s has draft: true)", quote(name), h.Path), i18n.Sprintf("remove draft: true there to publish the unit, or add draft: true here too")
		}
		l.errs.Add(pos, key, msg, hint)
		return nil
	}
	hint := i18n.Sprintf("create content/%s/%s/_index.md", folder, name)
	if len(m) > 0 {
		hint = i18n.Sprintf("use one of: %s; or create content/%s/%s/_index.md", strings.Join(slices.Sorted(maps.Keys(m)), ", "), folder, name)
	}
	msg := i18n.Sprintf("there is no topic %s", quote(name))
	if key == "unit" {
		msg = i18n.Sprintf("there is no unit %s", quote(name))
	}
	l.errs.Add(pos, key, msg, hint)
	return nil
}

// checkFolder reports an article whose topic folder, or a news item whose
// unit folder, has no published _index.md.
func (l *linker) checkFolder(p *Page) {
	f := p.File
	if h := l.held[content.SectionTopics+"/"+f.Group]; p.Kind == content.KindArticle && p.Topic == nil && h != nil {
		l.errs.Add(diag.Pos{File: h.Path, Line: h.Meta.Line("draft")}, "draft",
			i18n.Sprintf("the topic's _index.md is a draft, but articles of the topic are not"), i18n.Sprintf("remove draft: true to publish the topic, or add draft: true to each of its articles too"))
	} else if p.Kind == content.KindArticle && p.Topic == nil {
		// The topic folder has no _index.md: report it once per folder.
		l.errs.Add(diag.Pos{File: "content/" + content.SectionTopics + "/" + f.Group + "/_index.md"}, "",
			i18n.Sprintf("missing: every topic folder needs an _index.md"), i18n.Sprintf("create it with title: \"…\" (the topic's name) and summary"))
	}
	if h := l.held[content.SectionUnits+"/"+f.Group]; p.Kind == content.KindNews && p.Unit == nil && h != nil {
		l.errs.Add(diag.Pos{File: h.Path, Line: h.Meta.Line("draft")}, "draft",
			i18n.Sprintf("the unit's _index.md is a draft, but news items of the unit are not"), i18n.Sprintf("remove draft: true to publish the unit, or add draft: true to each of its news items too"))
	} else if p.Kind == content.KindNews && p.Unit == nil {
		l.errs.Add(diag.Pos{File: "content/" + content.SectionUnits + "/" + f.Group + "/_index.md"}, "",
			i18n.Sprintf("missing: every unit folder needs an _index.md"), i18n.Sprintf("create it with title: \"…\" (the unit's name) and summary"))
	}
}

// heldGroups returns the topic and unit _index.md files that this build
// does not publish (drafts), by section and folder: "chu-de/t".
func (s *Site) heldGroups(files []*content.File) map[string]*content.File {
	held := map[string]*content.File{}
	for _, f := range files {
		if (f.Kind == content.KindTopic || f.Kind == content.KindUnit) && !s.published(f) {
			held[f.Section+"/"+f.Group] = f
		}
	}
	return held
}

func quote(s string) string { return "\"" + s + "\"" }

// newestFirst orders by date, newest first, then by title and URL so that
// the order never depends on input order. (cmp.Or would evaluate the costly
// collation every time; ties are rare.)
func newestFirst(a, b *Page) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return byTitle(a, b)
}

// byWeight orders by weight, then title.
func byWeight(a, b *Page) int {
	if c := cmp.Compare(a.Meta.Weight, b.Meta.Weight); c != 0 {
		return c
	}
	return byTitle(a, b)
}

func byTitle(a, b *Page) int {
	if a == b {
		return 0
	}
	return cmp.Or(vntext.Compare(a.Title, b.Title), cmp.Compare(a.URL, b.URL))
}

func (s *Site) sortLists() {
	slices.SortFunc(s.Pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	slices.SortFunc(s.Topics, byWeight)
	slices.SortFunc(s.Units, byWeight)
	slices.SortFunc(s.Menu, byWeight)
	for _, l := range [][]*Page{s.Articles, s.QA, s.News} {
		slices.SortFunc(l, newestFirst)
	}
	slices.SortFunc(s.Documents, newestIssued)
	for _, l := range [][]*Page{s.Articles, s.News} {
		for _, p := range l {
			if p.Meta.Featured {
				s.Featured = append(s.Featured, p)
			}
		}
	}
	slices.SortFunc(s.Featured, newestFirst)
	// Items of topics, units and sections, with neighbours.
	for _, p := range s.Articles {
		if p.Topic != nil {
			p.Topic.Items = append(p.Topic.Items, p)
		}
	}
	for _, p := range s.News {
		if p.Unit != nil {
			p.Unit.Items = append(p.Unit.Items, p)
		}
	}
	for _, l := range [][]*Page{s.Topics, s.Units} {
		for _, list := range l {
			neighbour(list.Items, nil)
		}
	}
	neighbour(s.QA, nil)
	set := func(sec string, items []*Page) {
		if p := s.Sections[sec]; p != nil {
			p.Items = items
		}
	}
	set(content.SectionTopics, s.Topics)
	set(content.SectionUnits, s.Units)
	set(content.SectionQA, s.QA)
	set(content.SectionDocuments, s.Documents)
	for sec, p := range s.Sections {
		if _, special := sectionTitles[sec]; special {
			continue
		}
		for _, q := range s.Pages {
			if q.Kind == content.KindPage && q.File.Section == sec {
				q.Section = p
				p.Items = append(p.Items, q)
			}
		}
		slices.SortFunc(p.Items, newestFirst)
	}
}

// neighbour links each item of items, a list newest first, to its older
// (Prev) and newer (Next) neighbour, and appends to changed the items
// whose neighbours changed.
func neighbour(items, changed []*Page) []*Page {
	for i, p := range items {
		var prev, next *Page
		if i > 0 {
			next = items[i-1]
		}
		if i+1 < len(items) {
			prev = items[i+1]
		}
		if p.Prev != prev || p.Next != next {
			p.Prev, p.Next = prev, next
			changed = append(changed, p)
		}
	}
	return changed
}
