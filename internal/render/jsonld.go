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
	ldArticle struct {
		Type          string `json:"@type"`
		Headline      string `json:"headline"`
		Description   string `json:"description"`
		DatePublished string `json:"datePublished"`
		InLanguage    string `json:"inLanguage"`
		MainEntity    string `json:"mainEntityOfPage"`
		Publisher     ldOrg  `json:"publisher"`
		Author        *ldOrg `json:"author,omitempty"`
		Image         string `json:"image,omitempty"`
	}
	ldOrg struct {
		Type string `json:"@type"`
		Name string `json:"name"`
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

// jsonLD returns the schema.org description of the page: a BreadcrumbList,
// plus NewsArticle for articles and news and FAQPage for Q&A. It is
// already JSON, safe inside <script>: encoding/json writes <, > and & as
// \u003c, \u003e and \u0026, so no "</script>" can appear.
func (r *Renderer) jsonLD(d *Data) (template.JS, error) {
	p := d.Page
	g := ldGraph{Context: "https://schema.org", Graph: []any{}}
	if len(d.Crumbs) > 1 {
		items := make([]ldListItem, len(d.Crumbs))
		for i, c := range d.Crumbs {
			items[i] = ldListItem{"ListItem", i + 1, c.Title, r.abs(c.URL)}
		}
		g.Graph = append(g.Graph, ldBreadcrumbs{"BreadcrumbList", items})
	}
	switch p.Kind {
	case content.KindArticle, content.KindNews:
		a := ldArticle{
			Type: "NewsArticle", Headline: p.Title, Description: p.Summary,
			DatePublished: p.Date.Format(time.RFC3339), InLanguage: "vi",
			MainEntity: r.abs(p.URL),
			Publisher:  ldOrg{"Organization", orDefault(d.Site.Publisher, d.Site.Title)},
		}
		if p.Meta.Author != "" {
			a.Author = &ldOrg{"Organization", p.Meta.Author}
		} else if p.Unit != nil {
			a.Author = &ldOrg{"Organization", p.Unit.Title}
		}
		if p.Meta.Image != "" {
			a.Image = r.abs("/" + p.Meta.Image)
		}
		g.Graph = append(g.Graph, a)
	case content.KindQA:
		g.Graph = append(g.Graph, faq([]*site.Page{p}))
	case content.KindSection:
		if p.URL == "/"+content.SectionQA+"/" && len(p.Items) > 0 {
			g.Graph = append(g.Graph, faq(p.Items))
		}
	}
	out, err := json.Marshal(g)
	return template.JS(out), err
}

func faq(items []*site.Page) ldFAQ {
	qs := make([]ldQuestion, len(items))
	for i, q := range items {
		answer := q.Summary
		if q.Body != nil && q.Body.Text != "" {
			answer = q.Body.Text
		}
		qs[i] = ldQuestion{"Question", q.Title, ldAnswer{"Answer", answer}}
	}
	return ldFAQ{"FAQPage", qs}
}

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
