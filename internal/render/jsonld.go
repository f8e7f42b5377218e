package render

import (
	"encoding/json"
	"html/template"
	"path"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/site"
	"github.com/loa-vn/loa/internal/vntext"
)

// The schema.org types Loa describes pages with. Fields are in the order
// they are written.
type (
	ldGraph struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}
	ldBreadcrumbs struct {
		Type  string       `json:"@type"`
		Items []ldListItem `json:"itemListElement"`
	}
	ldListItem struct {
		Type     string `json:"@type"`
		Position int    `json:"position"`
		Name     string `json:"name"`
		Item     string `json:"item"`
	}
	ldWebSite struct {
		Type       string   `json:"@type"`
		Name       string   `json:"name"`
		URL        string   `json:"url"`
		InLanguage string   `json:"inLanguage"`
		Action     ldSearch `json:"potentialAction"`
	}
	ldSearch struct {
		Type       string `json:"@type"`
		Target     string `json:"target"`
		QueryInput string `json:"query-input"`
	}
	ldArticle struct {
		Type          string `json:"@type"`
		Headline      string `json:"headline"`
		Description   string `json:"description"`
		DatePublished string `json:"datePublished"`
		DateModified  string `json:"dateModified"`
		InLanguage    string `json:"inLanguage"`
		MainEntity    string `json:"mainEntityOfPage"`
		Author        ldOrg  `json:"author"`
		Publisher     ldOrg  `json:"publisher"`
		Image         string `json:"image,omitempty"`
	}
	ldOrg struct {
		Type      string `json:"@type"`
		Name      string `json:"name"`
		URL       string `json:"url,omitempty"`
		Logo      string `json:"logo,omitempty"`
		Parent    *ldOrg `json:"parentOrganization,omitempty"`
		Address   string `json:"address,omitempty"`
		Telephone string `json:"telephone,omitempty"`
		Email     string `json:"email,omitempty"`
	}
	ldDocument struct {
		Type          string   `json:"@type"`
		Name          string   `json:"name"`
		Identifier    string   `json:"identifier,omitempty"`
		Genre         string   `json:"genre,omitempty"`
		Abstract      string   `json:"abstract,omitempty"`
		DatePublished string   `json:"datePublished,omitempty"`
		Author        *ldOrg   `json:"author,omitempty"`
		InLanguage    string   `json:"inLanguage"`
		URL           string   `json:"url"`
		Expires       string   `json:"expires,omitempty"`
		Encoding      *ldMedia `json:"encoding,omitempty"`
	}
	ldMedia struct {
		Type           string `json:"@type"`
		ContentURL     string `json:"contentUrl"`
		EncodingFormat string `json:"encodingFormat,omitempty"`
	}
	ldFAQ struct {
		Type      string       `json:"@type"`
		Questions []ldQuestion `json:"mainEntity"`
	}
	ldQuestion struct {
		Type   string   `json:"@type"`
		Name   string   `json:"name"`
		Answer ldAnswer `json:"acceptedAnswer"`
	}
	ldAnswer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
)

// jsonLD returns the schema.org description of the page: a BreadcrumbList
// (not on the 404 page, which has no place in the site), plus WebSite and
// Organization on the home page, Article for articles, NewsArticle for
// news, FAQPage for a Q&A item's own page and DigitalDocument for a
// document. It is already JSON, safe
// inside <script>: encoding/json writes <, > and & as \u003c, \u003e and
// \u0026, so no "</script>" can appear.
func (r *Renderer) jsonLD(d *Data) (template.JS, error) {
	p := d.Page
	g := ldGraph{Context: "https://schema.org", Graph: []any{}}
	if len(d.Crumbs) > 1 && p.Kind != site.KindNotFound {
		items := make([]ldListItem, len(d.Crumbs))
		for i, c := range d.Crumbs {
			items[i] = ldListItem{"ListItem", i + 1, c.Title, r.abs(c.URL)}
		}
		g.Graph = append(g.Graph, ldBreadcrumbs{"BreadcrumbList", items})
	}
	switch p.Kind {
	case content.KindHome:
		g.Graph = append(g.Graph, r.webSite(d.Site), r.organization(d.Site))
	case content.KindArticle, content.KindNews:
		g.Graph = append(g.Graph, r.article(d.Site, p))
	case content.KindQA:
		g.Graph = append(g.Graph, faq(p))
	case content.KindDocument:
		g.Graph = append(g.Graph, r.document(p))
	}
	out, err := json.Marshal(g)
	return template.JS(out), err
}

// webSite describes the site and its search page, which takes the words
// to find in ?q=.
func (r *Renderer) webSite(s *site.Site) ldWebSite {
	return ldWebSite{
		Type: "WebSite", Name: s.Title, URL: r.abs("/"), InLanguage: "vi",
		Action: ldSearch{"SearchAction", r.abs("/tim-kiem/") + "?q={search_term_string}", "required name=search_term_string"},
	}
}

// organization describes the body that publishes the site, with its
// emblem as logo, the level above as parentOrganization and the contact
// details of the home page's settings. It is an Organization, not a
// GovernmentOrganization: the publisher may be a Party committee or a
// mass organisation, which are not state agencies.
func (r *Renderer) organization(s *site.Site) ldOrg {
	o := r.publisher(s)
	if s.Parent != "" {
		o.Parent = &ldOrg{Type: "Organization", Name: s.Parent}
	}
	o.Address, o.Telephone, o.Email = s.Address, s.Phone, s.Email
	return o
}

// publisher is the organisation that publishes the site: its body
// setting, else the site's title, with its emblem as logo when the site
// has an absolute address.
func (r *Renderer) publisher(s *site.Site) ldOrg {
	o := ldOrg{Type: "Organization", Name: s.Publisher(), URL: r.abs("/")}
	if u, err := r.asset(s.Emblem); err == nil && r.origin != "" {
		o.Logo = r.origin + u
	}
	return o
}

// author describes the body named by an author key: the unit of that
// name with its page, the site's own body as the publisher, else a name
// alone (no page of the site speaks for it).
func (r *Renderer) author(s *site.Site, name string) ldOrg {
	for _, u := range s.Units {
		if strings.EqualFold(u.Title, name) {
			return ldOrg{Type: "Organization", Name: u.Title, URL: r.abs(u.URL)}
		}
	}
	if strings.EqualFold(s.Publisher(), name) {
		return r.publisher(s)
	}
	return ldOrg{Type: "Organization", Name: name}
}

// article describes an article (Article) or a news item (NewsArticle).
// Its author is the author key (see author), else the unit that wrote it (with the
// unit's page), else the publisher; dateModified is the page's last
// change (the updated key, else the file's last commit; site.Page.Modified),
// else the date.
func (r *Renderer) article(s *site.Site, p *site.Page) ldArticle {
	a := ldArticle{
		Type: "Article", Headline: p.Title, Description: p.Summary,
		DatePublished: p.Date.Format(time.RFC3339), DateModified: p.Date.Format(time.RFC3339),
		InLanguage: "vi", MainEntity: r.abs(p.URL),
		Author: r.publisher(s), Publisher: r.publisher(s),
	}
	if p.Kind == content.KindNews {
		a.Type = "NewsArticle"
	}
	if !p.Modified.IsZero() {
		a.DateModified = p.Modified.Format(time.RFC3339)
	}
	switch {
	case p.Meta.Author != "":
		a.Author = r.author(s, p.Meta.Author)
	case p.Unit != nil:
		a.Author = ldOrg{Type: "Organization", Name: p.Unit.Title, URL: r.abs(p.Unit.URL)}
	}
	if r.cfg.ShareImage != nil {
		if img, ok := r.cfg.ShareImage(p); ok {
			a.Image = img.URL
		}
	} else if p.Meta.Image != "" {
		a.Image = r.abs("/" + p.Meta.Image)
	}
	return a
}

// document describes a page of the documents registry as a
// DigitalDocument: its number (identifier), type (genre), summary
// (abstract), date of issue (datePublished), issuing body (author), the
// end of its validity (expires) and its attached file (encoding). It is
// not a Legislation: the registry holds Party directives, plans and
// official letters besides laws, and schema.org's Legislation is for
// legal acts; Google reads neither type.
func (r *Renderer) document(p *site.Page) ldDocument {
	m := p.Meta
	d := ldDocument{
		Type: "DigitalDocument", Name: p.Title, Identifier: m.Number, Genre: m.Type,
		Abstract: p.Summary, InLanguage: "vi", URL: r.abs(p.URL),
	}
	if !m.Issued.IsZero() {
		d.DatePublished = m.Issued.In(vntext.Zone).Format(time.DateOnly)
	}
	if m.Issuer != "" {
		d.Author = &ldOrg{Type: "Organization", Name: m.Issuer}
	}
	if !m.Expires.IsZero() {
		d.Expires = m.Expires.In(vntext.Zone).Format(time.DateOnly)
	}
	if m.File != "" {
		d.Encoding = &ldMedia{"MediaObject", r.abs("/" + m.File), mediaTypes[strings.ToLower(path.Ext(m.File))]}
	}
	return d
}

// mediaTypes are the types of the files documents attach, by extension.
// A fixed table, not mime.TypeByExtension: that reads the system's tables,
// and the output must not depend on the machine.
var mediaTypes = map[string]string{
	".pdf":  "application/pdf",
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".odt":  "application/vnd.oasis.opendocument.text",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".rtf":  "application/rtf",
	".txt":  "text/plain",
	".zip":  "application/zip",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".png":  "image/png",
}

// faq describes a Q&A item's own page, which shows the whole answer. The
// Q&A index shows only questions and summaries, so it has no FAQPage:
// Google wants the marked-up answer visible on the page, and each
// question marked up once. The answer is the body's HTML cut to the tags
// Google reads in FAQ answers (answerHTML), which keeps its paragraphs,
// lists and headings.
func faq(q *site.Page) ldFAQ {
	answer := q.Summary
	if q.Body != nil && q.Body.HTML != "" {
		answer = answerHTML(string(q.Body.HTML))
	}
	return ldFAQ{"FAQPage", []ldQuestion{{"Question", q.Title, ldAnswer{"Answer", answer}}}}
}

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
