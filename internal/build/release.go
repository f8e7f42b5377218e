package build

import (
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/site"
)

// What a one-shot build lets go of. Build (loa build) with the theme's
// layouts lets go of each part of a page once its last reader is done
// with it, so that a large site fits in memory (measured at 10,000
// articles: peak RSS 0.59 GB with it, 0.76 GB without):
//
//   - the Markdown source (File.Body), once the layouts have loaded;
//   - the HTML body (Body.HTML) of a page of a kind with one route
//     (singleRoute), once that route is written: the theme shows a page's
//     body only on its own route;
//   - the plain text (Body.Text) of every indexed page but Q&A items,
//     once the search index has read it: the theme shows it only as the
//     answers in the JSON-LD of Q&A items.
//
// A site's own layouts may show any page's body or text anywhere, so with
// them nothing is let go; nor does a Builder that rebuilds (loa serve).
// This is the one place that changes the model after site.New besides
// site.Update.

// releases reports whether this run lets go of what it will not read
// again: only a one-shot build with the theme's layouts does.
func (b *Builder) releases(next *state) bool {
	return b.once && !next.customLayouts
}

// releaseSource lets go of the Markdown source of converted files.
func releaseSource(files []*content.File) {
	for _, f := range files {
		f.Body = nil
	}
}

// releaseHTML lets go of the HTML body of the page of a route just
// written, when that route is the only one that shows it.
func releaseHTML(r *site.Route) {
	if p := r.Page; r.Pager == nil && p.Body != nil && singleRoute[p.Kind] {
		p.Body.HTML = ""
	}
}

// singleRoute lists the kinds whose pages have one route, the only place
// their HTML body appears.
var singleRoute = map[content.Kind]bool{
	content.KindArticle: true, content.KindNews: true, content.KindQA: true,
	content.KindDocument: true, content.KindPage: true,
}

// releaseText lets go of a page's plain text once the search index has
// read it, but for Q&A items.
func releaseText(p *site.Page) {
	if p.Kind != content.KindQA && p.Body != nil {
		p.Body.Text = ""
	}
}
