package build

import (
	"net/url"
	"strings"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/render"
	"github.com/loa-vn/loa/internal/site"
)

// defaultImageAlt describes the theme's share image, img/og.png, as the
// og:image:alt of layouts/partials/meta.html does.
const defaultImageAlt = "Biểu tượng chiếc loa trên nền đỏ"

// card is what the page of an alias of p shows when shared: what p's own
// Open Graph tags say (layouts/partials/meta.html): its share card, else
// its image, else the site's card (state.shareCard), else the theme's
// picture; so that a link to an old address shows the same card as one
// to the new.
func (st *state) card(p *site.Page) feed.Card {
	c := feed.Card{Title: p.Title, Description: render.Description(st.site, p), Type: "website"}
	if p.Kind == content.KindArticle || p.Kind == content.KindNews {
		c.Type = "article"
	}
	base := basePath(st.baseURL)
	sc, own := st.cards[p]
	site, shared := st.shareCard(p)
	switch {
	case own:
	case p.Meta.Image != "":
		c.Image, c.ImageAlt = base+"/"+p.Meta.Image, p.Meta.Alt
		return c
	case shared:
		sc = site
	default:
		if name, ok := st.assets["img/og.png"]; ok {
			c.Image, c.ImageAlt = base+"/"+name, defaultImageAlt
		}
		return c
	}
	c.Image, c.ImageAlt = sc.URL, sc.Alt
	if u, err := url.Parse(sc.URL); err == nil {
		c.Image = u.Path // feed.Files makes it absolute
	}
	return c
}

// basePath is the path of the site's address without its final slash:
// "/portal" for "https://example.org/portal/", "" for the root.
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}
