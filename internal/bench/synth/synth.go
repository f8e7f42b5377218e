// Package synth generates a synthetic Vietnamese portal for benchmarks and
// tests: N topic articles, Q&A items, unit news and a few documents, with
// realistic civic Vietnamese text (about 780 words a page drawn from a
// 599-syllable vocabulary), headings, lists, quotes, bold, links to earlier
// pages and "Xem thêm" lists.
//
// It is a port of ../shared/bench/gencorpus.py, the generator of the Hugo
// baseline, down to its random number generator: for the same N and seed
// the files it writes are byte-identical to those of
//
//	gencorpus.py --n N --seed S --layout loa    (Config{Layout: Loa}, plus content/van-ban/)
//	gencorpus.py --n N --seed S                 (Config{Layout: Hugo})
//
// so Loa and Hugo can be measured on the same text. The Loa layout adds
// document pages under content/van-ban/ (see Config.Documents), generated
// after everything else so that the other files stay identical.
//
// # Proportions and front matter
//
// For N articles there are round(0.05·N) Q&A items and round(0.25·N) news
// items, shuffled together; about 1% are drafts. Every item has title, date
// (2023-01-01 to 2026-11-20 22:00 in the Loa layout, to 2026-12-31 in
// Hugo's), topic, tags (2–4 of 40), summary and draft; news items add unit.
// An article's topic is its folder and a news item's unit is its folder, as
// package content requires. Internal links point only to pages generated
// before, never to drafts.
package synth

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Layout is the shape of the content tree.
type Layout int

const (
	// Loa puts topics under content/chu-de/<topic>/, writes content/_index.md
	// and content/chu-de/_index.md, keeps dates on or before 2026-11-20 and
	// adds documents under content/van-ban/.
	Loa Layout = iota
	// Hugo puts topics at content/<topic>/, as gencorpus.py does by default.
	Hugo
)

// Config says what to generate. Only N must be set: zero rates mean
// gencorpus.py's defaults, and a negative rate or count means none.
type Config struct {
	N         int     // topic articles
	Seed      int64   // as gencorpus.py --seed; 0 is a seed like any other
	Layout    Layout  // Loa (the zero value) or Hugo
	QARate    float64 // Q&A items as a fraction of N; 0 means 0.05
	NewsRate  float64 // unit news as a fraction of N; 0 means 0.25
	DraftRate float64 // chance that an item is a draft; 0 means 0.01
	NFDRate   float64 // fraction of paragraphs written in NFD; 0 means all NFC
	Documents int     // documents in content/van-ban/ (Loa only); 0 means max(3, N/1000)

	Vocabulary bool // count distinct syllables into Stats.Syllables (slower)
}

// Stats describes a generated corpus.
type Stats struct {
	Articles, QA, News, Documents int
	Drafts                        int // of the articles, Q&A and news items
	Indexes                       int // _index.md files
	Files                         int
	Bytes                         int64
	Words                         int // whitespace-separated words in the bodies of articles, Q&A and news
	Syllables                     int // distinct lowercase syllables in those bodies; with Config.Vocabulary
}

// Items returns the number of articles, Q&A and news items.
func (st Stats) Items() int { return st.Articles + st.QA + st.News }

func (st Stats) String() string {
	s := fmt.Sprintf("%d files, %d bytes: %d articles, %d Q&A, %d news (%d drafts), %d documents, %d _index.md; %.0f words/page",
		st.Files, st.Bytes, st.Articles, st.QA, st.News, st.Drafts, st.Documents, st.Indexes,
		float64(st.Words)/float64(max(st.Items(), 1)))
	if st.Syllables > 0 {
		s += fmt.Sprintf(", %d distinct syllables", st.Syllables)
	}
	return s
}

type pair struct{ slug, title string }

type link struct{ title, url string }

// Generate produces the corpus and hands each file to put, in a fixed
// order, as a slash path under "content/" and bytes that put may keep.
// It calls put one file at a time on the calling goroutine and stops at
// put's first error, which it returns.
func Generate(cfg Config, put func(name string, data []byte) error) (Stats, error) {
	if cfg.N < 0 {
		return Stats{}, fmt.Errorf("N is %d; want 0 or more articles", cfg.N)
	}
	g := &generator{r: newPyRandom(cfg.Seed), cfg: cfg, put: put, maxDate: time.Date(2026, 12, 31, 22, 0, 0, 0, time.UTC)}
	if cfg.Vocabulary {
		g.vocab = map[string]bool{}
	}
	if cfg.Layout == Loa {
		g.index("content/chu-de/_index.md", "Chủ đề")
		g.index("content/_index.md", "Cổng thông tin thử tải")
		g.maxDate = time.Date(2026, 11, 20, 22, 0, 0, 0, time.UTC)
	}
	for _, t := range topics {
		g.index(path.Join("content", g.topicDir(t.slug), "_index.md"), t.title)
	}
	g.index("content/hoi-dap/_index.md", "Hỏi - đáp")
	g.index("content/tin-don-vi/_index.md", "Tin đơn vị")
	for _, u := range units {
		g.index("content/tin-don-vi/"+u.slug+"/_index.md", u.title)
	}
	g.items()
	if cfg.Layout == Loa {
		g.documents(cfg.documents())
	}
	g.st.Syllables = len(g.vocab)
	return g.st, g.err
}

func rate(r, def float64) float64 {
	switch {
	case r == 0:
		return def
	case r < 0:
		return 0
	}
	return r
}

func (cfg Config) documents() int {
	switch {
	case cfg.Documents == 0:
		return max(3, cfg.N/1000)
	case cfg.Documents < 0:
		return 0
	}
	return cfg.Documents
}

// generator holds the state of one run. Its methods follow gencorpus.py's
// Gen class, drawing random numbers in the same order.
type generator struct {
	r       *pyRandom
	cfg     Config
	put     func(string, []byte) error
	err     error // put's first error
	maxDate time.Time
	links   []link // the last ≤200 published pages, as gencorpus.py's all_links
	st      Stats
	vocab   map[string]bool
}

// write hands a file to put, which then owns data.
func (g *generator) write(name string, data []byte) {
	if g.err != nil {
		return
	}
	g.st.Files++
	g.st.Bytes += int64(len(data))
	g.err = g.put(name, data)
}

func (g *generator) index(name, title string) {
	g.st.Indexes++
	g.write(name, []byte("---\ntitle: "+yq(title)+"\n---\n"))
}

func (g *generator) topicDir(topic string) string {
	if g.cfg.Layout == Loa {
		return "chu-de/" + topic
	}
	return topic
}

// items writes the articles, Q&A and news, interleaved so that links
// point across kinds.
func (g *generator) items() {
	const article, qa, news = 0, 1, 2
	nQA := int(math.RoundToEven(float64(g.cfg.N) * rate(g.cfg.QARate, 0.05)))
	nNews := int(math.RoundToEven(float64(g.cfg.N) * rate(g.cfg.NewsRate, 0.25)))
	kinds := make([]int, 0, g.cfg.N+nQA+nNews)
	kinds = append(kinds, slices.Repeat([]int{article}, g.cfg.N)...)
	kinds = append(kinds, slices.Repeat([]int{qa}, nQA)...)
	kinds = append(kinds, slices.Repeat([]int{news}, nNews)...)
	shuffle(g.r, kinds)
	draftRate := rate(g.cfg.DraftRate, 0.01)
	for i, kind := range kinds {
		if g.err != nil {
			return
		}
		topic := pick(g.r, topics).slug
		var title, dir, unit string
		var target int
		switch kind {
		case qa:
			title = pick(g.r, questions) + "?"
			target = g.r.intn(400, 700)
			dir = "hoi-dap"
			g.st.QA++
		case news:
			u := pick(g.r, units)
			unit = u.slug
			title = u.title + ": " + g.title()
			target = g.r.intn(300, 600)
			dir = "tin-don-vi/" + unit
			g.st.News++
		default:
			title = g.title()
			target = g.r.intn(600, 900)
			dir = g.topicDir(topic)
			g.st.Articles++
		}
		slug := fmt.Sprintf("%s-%05d", strings.TrimRight(truncate(fold(title), 60), "-"), i)
		tags := sample(g.r, tags, g.r.intn(2, 4))
		draft := g.r.random() < draftRate
		date := g.date()
		summary := g.summary()
		fm := frontMatter(title, date, topic, unit, tags, summary, draft)
		data, words := g.body(append(make([]byte, 0, len(fm)+8<<10), fm...), target, kind == qa)
		g.count(data[len(fm):], words)
		g.write("content/"+dir+"/"+slug+".md", data)
		if draft {
			g.st.Drafts++
			continue
		}
		g.links = append(g.links, link{title, "/" + dir + "/" + slug + "/"})
		if len(g.links) > 200 {
			i := g.r.below(len(g.links))
			g.links = slices.Delete(g.links, i, i+1)
		}
	}
}

// frontMatter is gencorpus.py's front_matter.
func frontMatter(title, date, topic, unit string, tags []string, summary string, draft bool) string {
	var b strings.Builder
	b.WriteString("---\ntitle: " + yq(title) + "\ndate: " + date + "\ntopic: " + topic + "\n")
	if unit != "" {
		b.WriteString("unit: " + unit + "\n")
	}
	b.WriteString("tags: [")
	for i, t := range tags {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(yq(t))
	}
	b.WriteString("]\nsummary: " + yq(summary) + "\n")
	b.WriteString(fmt.Sprintf("draft: %t\n---\n\n", draft))
	return b.String()
}

// yq quotes s as a double-quoted YAML scalar.
func yq(s string) string {
	return `"` + yamlEscaper.Replace(s) + `"`
}

var yamlEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// capitalize upper-cases the first letter, as gencorpus.py's cap.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// truncate returns the first n runes of s.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

var dFolder = strings.NewReplacer("đ", "d", "Đ", "D")

// fold makes a slug as gencorpus.py does: đ→d, marks dropped, lower case,
// runs of anything but ASCII letters and digits as one "-".
func fold(s string) string {
	s = norm.NFD.String(dFolder.Replace(s))
	b := make([]byte, 0, len(s))
	dash := false
	for _, c := range s {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		c = unicode.ToLower(c)
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			b = append(b, byte(c))
			dash = false
		} else if !dash {
			b = append(b, '-')
			dash = true
		}
	}
	return strings.Trim(string(b), "-")
}

// count adds a body to the word and syllable statistics.
func (g *generator) count(body []byte, words int) {
	g.st.Words += words
	if g.vocab == nil {
		return
	}
	// As gencorpus.py: drop link targets "](…)", then take runs of letters.
	var b strings.Builder
	for rest := string(body); ; {
		i := strings.Index(rest, "](")
		j := -1
		if i >= 0 {
			j = strings.IndexByte(rest[i:], ')')
		}
		if j < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i+1])
		rest = rest[i+j+1:]
	}
	for _, w := range strings.FieldsFunc(norm.NFC.String(b.String()), func(r rune) bool { return !unicode.IsLetter(r) }) {
		g.vocab[strings.ToLower(w)] = true
	}
}
