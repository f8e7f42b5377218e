package render

import (
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/site"
)

// ld is one JSON-LD object; html/template encodes it as escaped JSON.
type ld = map[string]any

// jsonLD returns the schema.org description of the page: a BreadcrumbList,
// plus NewsArticle for articles and news and FAQPage for Q&A.
func (r *Renderer) jsonLD(d *Data) ld {
	p := d.Page
	var graph []ld
	if len(d.Crumbs) > 1 {
		items := make([]ld, len(d.Crumbs))
		for i, c := range d.Crumbs {
			items[i] = ld{"@type": "ListItem", "position": i + 1, "name": c.Title, "item": r.abs(c.URL)}
		}
		graph = append(graph, ld{"@type": "BreadcrumbList", "itemListElement": items})
	}
	switch p.Kind {
	case content.KindArticle, content.KindNews:
		a := ld{
			"@type": "NewsArticle", "headline": p.Title, "description": p.Summary,
			"datePublished": p.Date.Format(time.RFC3339), "inLanguage": "vi",
			"mainEntityOfPage": r.abs(p.URL),
			"publisher":        ld{"@type": "Organization", "name": orDefault(d.Site.Publisher, d.Site.Title)},
		}
		if p.Meta.Author != "" {
			a["author"] = ld{"@type": "Organization", "name": p.Meta.Author}
		} else if p.Unit != nil {
			a["author"] = ld{"@type": "Organization", "name": p.Unit.Title}
		}
		if p.Meta.Image != "" {
			a["image"] = r.abs("/" + p.Meta.Image)
		}
		graph = append(graph, a)
	case content.KindQA:
		graph = append(graph, faq([]*site.Page{p}))
	case content.KindSection:
		if p.URL == "/"+content.SectionQA+"/" && len(p.Items) > 0 {
			graph = append(graph, faq(p.Items))
		}
	}
	return ld{"@context": "https://schema.org", "@graph": graph}
}

func faq(items []*site.Page) ld {
	qs := make([]ld, len(items))
	for i, q := range items {
		answer := q.Summary
		if q.Body != nil && q.Body.Text != "" {
			answer = q.Body.Text
		}
		qs[i] = ld{"@type": "Question", "name": q.Title, "acceptedAnswer": ld{"@type": "Answer", "text": answer}}
	}
	return ld{"@type": "FAQPage", "mainEntity": qs}
}

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
