package search

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/site"
	"github.com/loa-vn/loa/internal/vntext"
)

// Dir is the folder of the index in the output, relative to the site root.
// The search page's form names it in data-index.
const Dir = "tim-kiem/chi-muc/"

// Limits of the index format.
const (
	SummaryLen = 240 // runes of summary kept in the store
	MaxPrefix  = 8   // longest indexed prefix, in runes
)

// Config tunes the index. The zero value gives the defaults.
type Config struct {
	Top         int // documents per term with their own impact; 128 when zero
	ShardBytes  int // target size of a shard before compression; 4 KiB when zero
	Chunk       int // documents per store chunk; 8 when zero
	Completions int // words per prefix entry; 4 when zero

	// Release, when set, is called with each page once the index has
	// read its text, from several goroutines at once, so that a one-shot
	// build can let go of text nothing else will read.
	Release func(*site.Page)
}

func (c Config) withDefaults() Config {
	c.Top = cmp.Or(c.Top, 128)
	c.ShardBytes = cmp.Or(c.ShardBytes, 4<<10)
	c.Chunk = cmp.Or(c.Chunk, 8)
	c.Completions = cmp.Or(c.Completions, 4)
	return c
}

// Index builds the search files for s with the default Config.
func Index(s *site.Site) (map[string][]byte, error) { return Config{}.Index(s) }

// Index builds the search files for s: names are slash paths relative to
// the output root, under Dir ("tim-kiem/chi-muc/manifest.json"), and the
// JSON is already minified. The files depend only on s and c.
func (c Config) Index(s *site.Site) (map[string][]byte, error) {
	return c.withDefaults().build(docsOf(s))
}

// Numbers of the weighted fields of a document.
const (
	fieldTitle = iota
	fieldMeta  // summary, headings, tags, document number, type and issuer
	fieldBody
	numFields
)

// doc is one searchable page.
type doc struct {
	page                                   *site.Page
	url, title, kind, date, topic, summary string
	text                                   [numFields]string
	sortDate                               time.Time
}

// docsOf lists the searchable pages of s, newest first, then by URL.
func docsOf(s *site.Site) []*doc {
	var docs []*doc
	for _, l := range [][]*site.Page{s.Articles, s.QA, s.News, s.Documents} {
		for _, p := range l {
			docs = append(docs, newDoc(p))
		}
	}
	for _, p := range s.Pages {
		if p.Kind == content.KindPage && p.File != nil {
			docs = append(docs, newDoc(p))
		}
	}
	sortDocs(docs)
	return docs
}

func sortDocs(docs []*doc) {
	slices.SortStableFunc(docs, func(a, b *doc) int {
		return cmp.Or(b.sortDate.Compare(a.sortDate), cmp.Compare(a.url, b.url))
	})
}

func newDoc(p *site.Page) *doc {
	m := p.Meta
	d := &doc{page: p, url: p.URL, title: p.Title, kind: site.KindName(p.Kind), summary: p.Summary, sortDate: p.Date}
	if d.sortDate.IsZero() {
		d.sortDate = m.Issued
	}
	if !d.sortDate.IsZero() {
		d.date = vntext.ShortDate(d.sortDate)
	}
	switch {
	case p.Topic != nil:
		d.topic = p.Topic.Title
	case p.Unit != nil:
		d.topic = p.Unit.Title
	case m.Number != "" && m.Issuer != "":
		d.topic = m.Number + " · " + m.Issuer
	default:
		d.topic = m.Issuer + m.Number
	}
	meta := []string{p.Summary}
	if p.Body != nil {
		for _, h := range p.Body.Headings {
			meta = append(meta, h.Text)
		}
		d.text[fieldBody] = p.Body.Text
	}
	meta = append(meta, m.Tags...)
	meta = append(meta, m.Number, m.Type, m.Issuer)
	d.text[fieldTitle] = p.Title
	d.text[fieldMeta] = strings.Join(meta, "\n")
	return d
}
