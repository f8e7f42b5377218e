package build

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/assets"
	"github.com/loa-vn/loa/internal/cms"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/search"
	"github.com/loa-vn/loa/internal/site"
)

// outputNames is the registry of the names one build writes. Every output
// claims its name before anything is written: generated files first, then
// pages, static files and aliases. A name claimed twice, a name whose
// folder is already a file, a file where other names need a folder, or a
// name inside a folder that a generated output owns whole, is an error
// naming both claimants. The zero value is not usable; see newOutputNames.
type outputNames struct {
	files    map[string]claimant // name → who claimed it
	folders  map[string]claimant // folder → who claimed the first name inside it
	reserved map[string]claimant // folder → the generated output that owns every name inside it
}

// A claimant is a *site.Route, described only when a clash needs it, or
// a description such as "the static file static/img/a.png".
type claimant any

// describe says who a claimant is, for messages.
func describe(c claimant) string {
	if r, ok := c.(*site.Route); ok {
		return routeWho(r)
	}
	return c.(string)
}

func newOutputNames() *outputNames {
	return &outputNames{files: map[string]claimant{}, folders: map[string]claimant{}, reserved: map[string]claimant{}}
}

// clash says how a claim failed.
type clash struct {
	kind  clashKind
	at    string   // the name, or the folder, clashed on
	other claimant // who claimed it first
}

type clashKind int

const (
	sameName   clashKind = iota // the name is already claimed
	overFolder                  // the name is a folder holding other names
	underFile                   // a folder of the name is already a file
	inReserved                  // the name is inside a folder a generated output owns
)

// says describes the clash after the claimant; for a name already
// claimed, the claimant "is already" the other one, or with replace
// "would replace" it.
func (c *clash) says(replace bool) string {
	other := describe(c.other)
	switch {
	case c.kind == overFolder:
		return i18n.Sprintf("would be a file where the folder %s/ holds %s", c.at, other)
	case c.kind == underFile:
		return i18n.Sprintf("needs a folder %s/ where there is already %s", c.at, other)
	case c.kind == inReserved:
		return i18n.Sprintf("is inside %s/, the folder of %s", c.at, other)
	case replace:
		return i18n.Sprintf("would replace %s", other)
	}
	return i18n.Sprintf("is already %s", other)
}

// claim records that who writes name, or reports the clash.
func (n *outputNames) claim(name string, who claimant) *clash {
	if other, ok := n.files[name]; ok {
		return &clash{sameName, name, other}
	}
	if other, ok := n.folders[name]; ok {
		return &clash{overFolder, name, other}
	}
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if other, ok := n.reserved[dir]; ok {
			return &clash{inReserved, dir, other}
		}
		if other, ok := n.files[dir]; ok {
			return &clash{underFile, dir, other}
		}
	}
	n.files[name] = who
	n.addFolders(name, who)
	return nil
}

// addFolders records the folders of name. A folder already recorded has
// its own folders recorded too.
func (n *outputNames) addFolders(name string, who claimant) {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if _, ok := n.folders[dir]; ok {
			return
		}
		n.folders[dir] = who
	}
}

// reserve gives every name inside folder to who. Call it before any claim.
func (n *outputNames) reserve(folder string, who claimant) {
	n.reserved[folder] = who
	n.folders[folder] = who
	n.addFolders(folder+"/x", who)
}

// checkNames claims the name of every output of next, and returns the
// clashes as errors, and a notice when the site's own robots.txt replaces
// the generated one without naming the sitemap. When next keeps the model
// and the base URL of prev (which decides whether feeds are made) and its
// static files keep their names, the names are those prev checked, and
// only the notice is made again.
func checkNames(prev, next *state) diag.List {
	var errs diag.List
	if _, ownRobots := next.statics[feed.RobotsTxt]; ownRobots {
		errs.Append(robotsNotice(next))
	}
	if prev != nil && next.site == prev.site && next.baseURL == prev.baseURL && sameOutputs(prev.statics, next.statics) && maps.Equal(prev.photos, next.photos) {
		return errs
	}
	errs.Append(claimAll(next))
	return errs
}

// sameOutputs reports whether two sets of static files have the same
// output names.
func sameOutputs(a, b map[string]assets.File) bool {
	if len(a) != len(b) {
		return false
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || g.Out != f.Out {
			return false
		}
	}
	return true
}

// claimAll claims the name of every output of next and returns the
// clashes.
func claimAll(next *state) diag.List {
	var errs diag.List
	n := newOutputNames()
	s := next.site
	_, ownRobots := next.statics[feed.RobotsTxt]
	for _, g := range feed.Names(s, feed.Options{BaseURL: next.baseURL, OwnRobots: ownRobots}) {
		if c := n.claim(g.Name, i18n.Sprintf("%s, which Loa makes", g.What)); c != nil {
			errs.Add(diag.Pos{File: g.Name}, "", i18n.Sprintf("generated twice: %s", c.says(false)), i18n.Sprintf("report this as a bug of Loa"))
		}
	}
	n.reserve(strings.TrimSuffix(search.Dir, "/"), i18n.Sprintf("the search index, which Loa makes"))
	n.reserve(CardFolder, i18n.Sprintf("the share cards, which Loa makes"))
	if cms.Enabled(next.sorted) {
		n.reserve(cms.Dir, i18n.Sprintf("the web editor, which Loa makes (cms: false in content/_index.md leaves it out)"))
	}
	claimRoutes(n, s, &errs)
	claimPhotos(n, next, &errs)
	for _, name := range slices.Sorted(maps.Keys(next.statics)) {
		f := next.statics[name]
		if f.Photo != nil && !next.originals[name] {
			continue // not published: pages show its variants
		}
		who := i18n.Sprintf("the static file static/%s", name)
		if f.Out != name {
			who = i18n.Sprintf("the static file static/%s (fingerprinted)", name)
		}
		if c := n.claim(f.Out, who); c != nil {
			errs.Add(diag.Pos{File: "static/" + name}, "", c.says(true), i18n.Sprintf("rename or remove the file"))
		}
	}
	for _, from := range slices.Sorted(maps.Keys(s.Aliases)) {
		p := s.Page(s.Aliases[from])
		pos := diag.Pos{File: p.Path(), Line: p.Meta.Line("aliases")}
		if c := n.claim(FileName(from), i18n.Sprintf("the old address %q of %s", from, p.Path())); c != nil {
			errs.Add(pos, "aliases", fmt.Sprintf("%q %s", from, c.says(false)), i18n.Sprintf("choose another old address"))
		}
	}
	return errs
}

// claimRoutes claims the file of every route: first the pages Loa makes
// and the later pages of lists, then the pages of content files, so that
// a clash is reported on the file an editor can change.
func claimRoutes(n *outputNames, s *site.Site, errs *diag.List) {
	own := func(r *site.Route) bool {
		return r.Page.File != nil && r.Pager == nil || r.Pager != nil && r.Pager.Number == 1 && r.Page.File != nil
	}
	for _, pass := range []bool{false, true} {
		for _, r := range s.Routes {
			if own(r) != pass {
				continue
			}
			c := n.claim(FileName(r.URL), r)
			if c == nil {
				continue
			}
			pos := diag.Pos{File: r.Page.Path()}
			if r.Page.Meta.Slug != "" {
				pos.Line = r.Page.Meta.Line("slug")
			}
			errs.Add(pos, "", i18n.Sprintf("URL %s %s", r.URL, c.says(false)), i18n.Sprintf("rename the file or give it another slug"))
		}
	}
}

// routeWho describes the page a route writes, for messages.
func routeWho(r *site.Route) string {
	if r.Pager != nil && r.Pager.Number > 1 {
		return i18n.Sprintf("page %d of %s", r.Pager.Number, pageWho(r.Page))
	}
	return pageWho(r.Page)
}

func pageWho(p *site.Page) string {
	switch {
	case p.File != nil && p.Kind == content.KindHome:
		return i18n.Sprintf("the home page (%s)", p.Path())
	case p.File != nil && p.File.IsIndex():
		return i18n.Sprintf("the list %s (%s)", p.URL, p.Path())
	case p.File != nil:
		return i18n.Sprintf("the page of %s", p.Path())
	}
	return i18n.Sprintf("%s, which Loa makes", generatedWho(p))
}

// generatedWho names a page that Loa makes without a content file.
func generatedWho(p *site.Page) string {
	switch p.Kind {
	case content.KindHome:
		return i18n.Sprintf("the home page")
	case site.KindTags:
		return i18n.Sprintf("the list of tags")
	case site.KindSearch:
		return i18n.Sprintf("the search page")
	case site.KindNotFound:
		return i18n.Sprintf("the 404 page")
	case site.KindTag:
		return i18n.Sprintf("the page of tag %q", p.Title)
	case site.KindAsk:
		return i18n.Sprintf("the question form")
	case site.KindAskSent:
		return i18n.Sprintf("the page the question form leads to")
	case site.KindContact:
		return i18n.Sprintf("the contact page")
	case site.KindDocType:
		return i18n.Sprintf("the list of documents of type %q", p.Meta.Type)
	case site.KindDocIssuer:
		return i18n.Sprintf("the list of documents issued by %q", p.Meta.Issuer)
	}
	return i18n.Sprintf("the list %s", p.URL)
}

// robotsNotice reminds a site whose own static/robots.txt replaces the
// generated one, and does not name the sitemap, to add the line.
func robotsNotice(next *state) diag.List {
	var notes diag.List
	u, err := url.Parse(next.baseURL)
	if err != nil || u.Host == "" {
		return nil
	}
	for line := range strings.Lines(string(next.statics[feed.RobotsTxt].Data)) {
		if k, _, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "sitemap") {
			return nil
		}
	}
	sitemap := u.Scheme + "://" + u.Host + strings.TrimSuffix(u.Path, "/") + "/sitemap.xml"
	notes.Notice(diag.Pos{File: "static/" + feed.RobotsTxt}, "", i18n.Sprintf("replaces the robots.txt that Loa makes, which names the sitemap"),
		i18n.Sprintf("add the line Sitemap: %s", sitemap))
	return notes
}
