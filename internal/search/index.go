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
	ShardBytes  int // target size of a shard before compression; 512 bytes when zero
	Chunk       int // documents per store chunk; 1 when zero
	Completions int // words per prefix entry; 6 when zero
	Followers   int // words per follower entry; 16 when zero

	// Weights are the field weights of the impacts; the zero value gives
	// DefaultWeights. The judged query sets tune them (judge_test.go).
	Weights Weights

	// Release, when set, is called with each page once the index has
	// read its text, from several goroutines at once, so that a one-shot
	// build can let go of text nothing else will read.
	Release func(*site.Page)
}

func (c Config) withDefaults() Config {
	c.Top = cmp.Or(c.Top, 128)
	c.ShardBytes = cmp.Or(c.ShardBytes, 512)
	c.Chunk = cmp.Or(c.Chunk, 1)
	c.Completions = cmp.Or(c.Completions, 6)
	c.Followers = cmp.Or(c.Followers, 16)
	if c.Weights == (Weights{}) {
		c.Weights = DefaultWeights
	}
	return c
}

// Index builds the search files for s with the default Config.
func Index(s *site.Site) (map[string][]byte, error) { return Config{}.Index(s) }

// Index builds the search files for s: names are slash paths relative to
// the output root, under Dir ("tim-kiem/chi-muc/manifest.json"), and the
// JSON is already minified. The files depend only on s and c.
func (c Config) Index(s *site.Site) (map[string][]byte, error) {
	var topics [][2]string
	for _, t := range s.Topics {
		topics = append(topics, [2]string{t.URL, t.Title})
	}
	return c.withDefaults().build(docsOf(s), topics)
}

// Numbers of the weighted fields of a document.
const (
	fieldTitle = iota
	fieldLead  // the head of the title: its first LeadWords words
	fieldHeading
	fieldSummary
	fieldTags
	fieldNumber // document number, type and issuer
	fieldBody
	numFields
)

// Weights are the weights of the fields of a document in its impacts.
type Weights struct {
	Title, Lead, Heading, Summary, Tags, Number, Body float64
}

// DefaultWeights are the best weights of the grid search on the sample
// portal's judged queries (TestJudged -judge.tune); the synthetic set is
// held out.
var DefaultWeights = Weights{Title: 8, Lead: 4, Heading: 1, Summary: 1, Tags: 1, Number: 2, Body: 0.5}

func (w Weights) array() [numFields]float64 {
	return [numFields]float64{w.Title, w.Lead, w.Heading, w.Summary, w.Tags, w.Number, w.Body}
}

// LeadWords is the length of the head of a title, in words.
const LeadWords = 4

// titleLead returns the head of title: its first LeadWords words before
// any clause punctuation. Vietnamese puts the head of a phrase first, so
// that "Hội nghị đối thoại … được tổ chức khi nào?" is about the dialogue
// conference while "Nâng cao hiệu quả hội nghị đối thoại" is about
// improving something.
func titleLead(title string) string {
	var words []string
	for t := range vntext.Scan(title) {
		if len(words) == LeadWords || len(words) > 0 && t.Break {
			break
		}
		words = append(words, t.Word)
	}
	return strings.Join(words, " ")
}

// doc is one searchable page.
type doc struct {
	page                                   *site.Page
	url, title, kind, date, topic, summary string
	number, typ                            string // of a document page
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
	d := &doc{page: p, url: p.URL, title: p.Title, kind: site.KindName(p.Kind), summary: p.Summary, sortDate: p.Date,
		number: m.Number, typ: m.Type}
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
	if p.Body != nil {
		var hs []string
		for _, h := range p.Body.Headings {
			hs = append(hs, h.Text)
		}
		d.text[fieldHeading] = strings.Join(hs, "\n")
		d.text[fieldBody] = p.Body.Text
	}
	d.text[fieldTitle] = p.Title
	d.text[fieldLead] = titleLead(p.Title)
	d.text[fieldSummary] = p.Summary
	d.text[fieldTags] = strings.Join(m.Tags, "\n")
	d.text[fieldNumber] = strings.Join([]string{m.Number, m.Type, m.Issuer}, "\n")
	return d
}
