// Package feed makes the files of a site model besides its pages: RSS 2.0
// feeds and the sitemap (with encoding/xml, so that every value is
// escaped), robots.txt, the _redirects of aliases and their redirect
// pages. Names lists the names of these files. Output is deterministic.
// Feeds and the sitemap need absolute URLs: without an absolute base URL
// (Absolute) they are not made, rather than made invalid.
package feed

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/loa-vn/loa/internal/site"
)

// MaxItems is the number of items in a feed.
const MaxItems = 20

type rss struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Atom    string   `xml:"xmlns:atom,attr"`
	Channel channel  `xml:"channel"`
}

type channel struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Self        atomLink `xml:"atom:link"`
	Description string   `xml:"description"`
	Language    string   `xml:"language"`
	LastBuild   string   `xml:"lastBuildDate,omitempty"`
	Items       []item   `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type item struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate"`
	Description string `xml:"description,omitempty"`
	Category    string `xml:"category,omitempty"`
}

// RSS returns the feed of pages (newest first, at most MaxItems) for the
// list at listURL. abs turns a site URL into an absolute one.
func RSS(s *site.Site, title, description, listURL, feedURL string, pages []*site.Page, abs func(string) string) []byte {
	ch := channel{
		Title: title, Link: abs(listURL), Description: description, Language: "vi",
		Self: atomLink{Href: abs(feedURL), Rel: "self", Type: "application/rss+xml"},
	}
	pages = pages[:min(len(pages), MaxItems)]
	if len(pages) > 0 {
		ch.LastBuild = pages[0].Date.Format(time.RFC1123Z)
	}
	for _, p := range pages {
		it := item{Title: p.Title, Link: abs(p.URL), GUID: abs(p.URL), PubDate: p.Date.Format(time.RFC1123Z), Description: p.Summary}
		if p.Topic != nil {
			it.Category = p.Topic.Title
		}
		ch.Items = append(ch.Items, it)
	}
	return encode(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch})
}

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	URLs    []sitemapURL
}

type sitemapURL struct {
	XMLName xml.Name `xml:"url"`
	Loc     string   `xml:"loc"`
	LastMod string   `xml:"lastmod,omitempty"`
}

// Sitemap lists every route of the site, with the day of its last change
// (site.Page.Modified, else its date) when it has one.
func Sitemap(s *site.Site, abs func(string) string) []byte {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, r := range s.Routes {
		if r.Page.NoIndex() || r.Page.Kind == site.KindSearch {
			continue
		}
		u := sitemapURL{Loc: abs(r.URL)}
		if last := r.Page.Date; !last.IsZero() || !r.Page.Modified.IsZero() {
			if r.Page.Modified.After(last) {
				last = r.Page.Modified
			}
			u.LastMod = last.Format(time.DateOnly)
		}
		set.URLs = append(set.URLs, u)
	}
	return encode(set)
}

func encode(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		panic(err) // only fixed struct types are encoded: a failure is a programming error
	}
	b.WriteByte('\n')
	return b.Bytes()
}
