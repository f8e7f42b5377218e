package render

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/site"
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
		Address   string `json:"address,omitempty"`
		Telephone string `json:"telephone,omitempty"`
		Email     string `json:"email,omitempty"`
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
// news and FAQPage for a Q&A item's own page. It is already JSON, safe
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

// organization describes the body that publishes the site, with the
// contact details of the home page's settings. It is an Organization, not
// a GovernmentOrganization: the publisher may be a Party committee or a
// mass organisation, which are not state agencies. It has no logo until
// the site has the publisher's emblem (the theme's loudspeaker is Loa's
// mark, not the publisher's).
func (r *Renderer) organization(s *site.Site) ldOrg {
	o := r.publisher(s)
	o.Address, o.Telephone, o.Email = s.Address, s.Phone, s.Email
	return o
}

// publisher is the organisation that publishes the site: its publisher
// setting, else the site's title.
func (r *Renderer) publisher(s *site.Site) ldOrg {
	return ldOrg{Type: "Organization", Name: orDefault(s.Publisher, s.Title), URL: r.abs("/")}
}

// article describes an article (Article) or a news item (NewsArticle).
// Its author is the author key, else the unit that wrote it (with the
// unit's page), else the publisher; dateModified is the updated key, else
// the date.
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
	if !p.Meta.Updated.IsZero() {
		a.DateModified = p.Meta.Updated.Format(time.RFC3339)
	}
	switch {
	case p.Meta.Author != "":
		a.Author = ldOrg{Type: "Organization", Name: p.Meta.Author}
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
