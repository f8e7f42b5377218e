package synth

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// The methods in this file are gencorpus.py's Gen methods of the same
// names. Each draws its random numbers in Python's evaluation order (left
// to right, and short-circuited where Python's "and" is), which is what
// keeps the output byte-identical; keep that order when editing.

func (g *generator) title() string {
	p := pick(g.r, titlePatterns)
	v := map[string]string{
		"verb":      pick(g.r, verbs),
		"verb_cap":  capitalize(pick(g.r, verbs)),
		"subj_cap":  capitalize(pick(g.r, subjects)),
		"obj":       pick(g.r, objects),
		"adv":       pick(g.r, adverbials),
		"place":     pick(g.r, places),
		"place_cap": capitalize(pick(g.r, places)),
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			b.WriteString(p)
			break
		}
		j := strings.IndexByte(p[i:], '}')
		b.WriteString(p[:i])
		b.WriteString(v[p[i+1:i+j]])
		p = p[i+j+1:]
	}
	return capitalize(b.String())
}

func (g *generator) clause() string {
	s := pick(g.r, subjects)
	v := pick(g.r, verbs)
	return s + " " + v + " " + pick(g.r, objects)
}

func (g *generator) filler(k int) string {
	words := make([]string, k)
	for i := range words {
		words[i] = pick(g.r, general)
	}
	return strings.Join(words, ", ")
}

var sentenceEnds = []string{".", ".", ".", ".", ";", "!"}

func (g *generator) sentence() string {
	var s string
	switch r := g.r.random(); {
	case r < 0.45:
		c := g.clause()
		s = c + " " + pick(g.r, adverbials)
	case r < 0.7:
		conn := pick(g.r, connectors)
		c := g.clause()
		a := pick(g.r, general)
		s = conn + " " + c + ", góp phần nâng cao " + a + " và " + pick(g.r, general)
	case r < 0.85:
		f := g.filler(g.r.intn(2, 4))
		s = "Trong lĩnh vực " + f + ", " + g.clause()
	default:
		subj := pick(g.r, subjects)
		s = subj + " cần tập trung vào " + g.filler(g.r.intn(3, 6))
	}
	s = capitalize(strings.TrimSpace(s))
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + pick(g.r, sentenceEnds)
}

// inline adds bold and a link to a sentence, at random.
func (g *generator) inline(text string) string {
	n := strings.Count(text, " ") + 1 // len(text.split(" "))
	var words []string
	if n > 6 && g.r.random() < 0.25 {
		i := g.r.intn(0, n-3)
		words = strings.Split(text, " ")
		words[i] = "**" + words[i]
		words[i+1] += "**"
	}
	if n > 6 && g.r.random() < 0.12 {
		i := g.r.intn(0, n-3)
		if words == nil {
			words = strings.Split(text, " ")
		}
		if strings.Contains(words[i], "*") || strings.Contains(words[i+1], "*") {
			return strings.Join(words, " ")
		}
		var url string
		if len(g.links) > 0 && g.r.random() < 0.7 {
			url = pick(g.r, g.links).url
		} else {
			url = pick(g.r, externalLinks).url
		}
		words[i] = "[" + words[i]
		words[i+1] += "](" + url + ")"
	}
	if words == nil {
		return text
	}
	return strings.Join(words, " ")
}

// paragraph appends 2–5 sentences to dst and returns it with the
// paragraph's word count.
func (g *generator) paragraph(dst []byte) ([]byte, int) {
	start := len(dst)
	for i := range g.r.intn(2, 5) {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, g.inline(g.sentence())...)
	}
	if g.cfg.NFDRate > 0 && g.r.random() < g.cfg.NFDRate {
		p := append([]byte(nil), dst[start:]...)
		dst = norm.NFD.Append(dst[:start], p...)
	}
	return dst, countWords(dst[start:])
}

// countWords is len(s.split()) in Python, for the ASCII spaces used here.
func countWords[T string | []byte](s T) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// body appends blocks to dst until they hold about target words:
// numbered headings, lists, quotes and paragraphs, then a "Xem thêm" list
// of three earlier pages. It returns dst and the body's word count.
func (g *generator) body(dst []byte, target int, qa bool) ([]byte, int) {
	start, n := len(dst), 0
	sep := func() {
		if len(dst) > start {
			dst = append(dst, "\n\n"...)
		}
	}
	if qa {
		dst = append(dst, "**Hỏi:** "...)
		var k int
		dst, k = g.paragraph(dst)
		dst = append(dst, "\n\n**Trả lời:**"...)
		n += k
	}
	sec := 0
	for n < target {
		r := g.r.random()
		sep()
		switch {
		case sec == 0 || r < 0.12:
			sec++
			lvl := "###"
			if g.r.random() < 0.7 {
				lvl = "##"
			}
			v := pick(g.r, verbs)
			h := lvl + " " + strconv.Itoa(sec) + ". " + capitalize(v+" "+pick(g.r, objects))
			dst = append(dst, h...)
			n += countWords(h) - 1
		case r < 0.22:
			dst = g.list(dst, &n)
		case r < 0.26:
			s := g.sentence()
			dst = append(dst, "> "+s+"\n>\n> — "+pick(g.r, subjects)...)
			n += countWords(s) + 3
		default:
			var k int
			dst, k = g.paragraph(dst)
			n += k
		}
	}
	if len(g.links) > 0 {
		sep()
		dst = append(dst, "**Xem thêm:**\n"...)
		for range 3 {
			l := pick(g.r, g.links)
			dst = append(dst, "\n- ["+l.title+"]("+l.url+")"...)
		}
	}
	dst = append(dst, '\n')
	return dst, countWords(dst[start:])
}

// list is a bulleted or numbered list of 3–6 items, each ending in ";".
func (g *generator) list(dst []byte, n *int) []byte {
	ordered := g.r.random() < 0.4
	for j := range g.r.intn(3, 6) {
		if j > 0 {
			dst = append(dst, '\n')
		}
		v := pick(g.r, verbs)
		it := capitalize(v + " " + pick(g.r, objects))
		if g.r.random() < 0.3 {
			it += "; " + g.filler(2)
		}
		marker := "- "
		if ordered {
			marker = strconv.Itoa(j+1) + ". "
		}
		dst = append(dst, marker+it+";"...)
		*n += countWords(it)
	}
	return dst
}

var startDate = time.Date(2023, 1, 1, 6, 0, 0, 0, time.UTC)

// date is a whole minute between 2023-01-01 06:00 and g.maxDate, written
// in Vietnam's zone.
func (g *generator) date() string {
	span := int(g.maxDate.Sub(startDate) / time.Second)
	d := startDate.Add(time.Duration(60*g.r.below((span+59)/60)) * time.Second)
	return d.Format("2006-01-02T15:04:00+07:00")
}

func (g *generator) summary() string {
	s := capitalize(pick(g.r, subjects))
	v := pick(g.r, verbs)
	return s + " " + v + " " + pick(g.r, objects) + "."
}
