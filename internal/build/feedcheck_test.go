package build

import (
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The rules of the W3C Feed Validation Service for RSS 2.0 that a Loa
// feed could break. RSS 2.0 has no official schema to validate against
// (Atom, which Loa does not write, has RFC 4287's RELAX NG), so this test
// is the outside checker of the feeds; .ci/validate-xml.sh checks that
// they are well-formed XML and the sitemap against its XSD.
type (
	rssDoc struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel []struct {
			// Before Link: encoding/xml gives an element to the first
			// field that matches, and "link" matches in any namespace.
			Self []struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
				Type string `xml:"type,attr"`
			} `xml:"http://www.w3.org/2005/Atom link"`
			Title         string    `xml:"title"`
			Link          string    `xml:"link"`
			Description   string    `xml:"description"`
			Language      string    `xml:"language"`
			LastBuildDate string    `xml:"lastBuildDate"`
			Items         []rssItem `xml:"item"`
		} `xml:"channel"`
	}
	rssItem struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		Description string `xml:"description"`
		PubDate     string `xml:"pubDate"`
		GUID        struct {
			Value       string `xml:",chardata"`
			IsPermaLink string `xml:"isPermaLink,attr"`
		} `xml:"guid"`
	}
)

// checkFeed returns what the W3C feed validator would report of the feed
// at name (an output file name) of a site at base, whose output files are
// files.
func checkFeed(name, base string, data []byte, files map[string][]byte) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, name+": "+fmt.Sprintf(format, args...)) }
	var doc rssDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		return []string{name + ": not RSS: " + err.Error()}
	}
	if doc.Version != "2.0" {
		bad("rss version %q, want 2.0", doc.Version)
	}
	if len(doc.Channel) != 1 {
		bad("%d channels, want 1", len(doc.Channel))
		return errs
	}
	ch := doc.Channel[0]
	if ch.Title == "" || ch.Description == "" {
		bad("channel lacks title or description")
	}
	checkLink(bad, "channel link", ch.Link, base, files)
	if ch.Language != "vi" {
		bad("language %q", ch.Language)
	}
	if len(ch.Self) != 1 || ch.Self[0].Rel != "self" || ch.Self[0].Type != "application/rss+xml" || ch.Self[0].Href != base+name {
		bad("atom:link self %+v, want href %q", ch.Self, base+name)
	}
	if ch.LastBuildDate != "" {
		checkDate(bad, "lastBuildDate", ch.LastBuildDate)
	}
	guids := map[string]bool{}
	for _, it := range ch.Items {
		if it.Title == "" && it.Description == "" {
			bad("item with neither title nor description")
		}
		checkLink(bad, "item link", it.Link, base, files)
		// A guid without isPermaLink="false" is a permalink: a full URL.
		if it.GUID.IsPermaLink != "false" {
			checkLink(bad, "guid", it.GUID.Value, base, files)
		}
		if guids[it.GUID.Value] {
			bad("guid %q twice", it.GUID.Value)
		}
		guids[it.GUID.Value] = true
		checkDate(bad, "pubDate", it.PubDate)
	}
	return errs
}

// checkLink reports a link that is not an absolute http(s) URL, or that
// is on the site but leads to no page of the output.
func checkLink(bad func(string, ...any), what, link, base string, files map[string][]byte) {
	u, err := url.Parse(link)
	if err != nil || u.Host == "" || u.Scheme != "https" && u.Scheme != "http" {
		bad("%s %q is not an absolute URL", what, link)
		return
	}
	rest, ok := strings.CutPrefix(link, base)
	if !ok {
		bad("%s %q is not under %s", what, link, base)
		return
	}
	if p, _ := url.PathUnescape(rest); files[p+"index.html"] == nil && files[p] == nil {
		bad("%s %q leads to no page", what, link)
	}
}

// checkDate reports a date that is not RFC 822 as RSS wants it (the
// validator reads RFC 2822: a four-digit year, a numeric zone, and a
// weekday that matches the date).
func checkDate(bad func(string, ...any), what, date string) {
	t, err := time.Parse(time.RFC1123Z, date)
	if err != nil || t.Format(time.RFC1123Z) != date {
		bad("%s %q is not an RFC 822 date", what, date)
	}
}

// TestFeedsValid checks every feed of the sample portal, at the root and
// under a sub-path, by the feed validator's rules.
func TestFeedsValid(t *testing.T) {
	t.Run("checker", func(t *testing.T) {
		base := "https://example.org/"
		files := map[string][]byte{"a/index.html": {}, "index.html": {}}
		feed := `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>/</link><description>D</description><language>vi</language>
<atom:link href="https://example.org/x.xml" rel="self" type="application/rss+xml"></atom:link>
<item><title>A</title><link>https://example.org/a/</link><guid>/a/</guid><pubDate>Mon, 25 Nov 2026 00:00:00 +0700</pubDate></item>
<item><title>B</title><link>https://example.org/b/</link><guid isPermaLink="false">x</guid><pubDate>Wed, 25 Nov 2026 00:00:00 +0700</pubDate></item>
</channel></rss>`
		got := strings.Join(checkFeed("index.xml", base, []byte(feed), files), "\n")
		want := strings.Join([]string{
			`index.xml: channel link "/" is not an absolute URL`,
			`index.xml: atom:link self [{Href:https://example.org/x.xml Rel:self Type:application/rss+xml}], want href "https://example.org/index.xml"`,
			`index.xml: guid "/a/" is not an absolute URL`,
			`index.xml: pubDate "Mon, 25 Nov 2026 00:00:00 +0700" is not an RFC 822 date`,
			`index.xml: item link "https://example.org/b/" leads to no page`,
		}, "\n")
		if got != want {
			t.Errorf("checker reports\n%s\nwant\n%s", got, want)
		}
	})
	for _, base := range []string{"https://example.org/", "https://example.org/portal/"} {
		t.Run(base, func(t *testing.T) {
			_, files := buildSample(t, base)
			feeds := 0
			for name, data := range files {
				if !strings.HasSuffix(name, ".xml") || name == "sitemap.xml" {
					continue
				}
				feeds++
				for _, e := range checkFeed(name, base, data, files) {
					t.Error(e)
				}
			}
			if feeds < 16 {
				t.Errorf("%d feeds checked, want the 16 of the sample portal", feeds)
			}
		})
	}
}
