package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/vntext"
)

// This file is the ranking of the reference reader: static/js/search.js
// in Go, step for step and in the same order of float operations, so that
// the browser test can require the same order of results.

// Results are the answer to a query.
type Results struct {
	Docs    []int32 // best first
	Scores  []float64
	Full    int         // the first Full documents match every word that counts
	Fixes   [][2]string // unknown query words and the indexed words searched instead
	Suggest []string    // with no results: close queries that have some
	Alts    [][]string  // the indexed words each query word stood for
}

// alt is one indexed word that a query word stands for: itself, a
// completion of it or the closest word to it.
type alt struct {
	key    string
	factor float64
	prefix bool // a completion: marks are compared as a prefix
	typo   bool // a correction: marks are not compared
}

// position is one word of a query with what it matched.
type position struct {
	w      QueryWord
	alts   []alt
	scores map[int32]float64
	stop   bool
}

// Search answers q as the client does.
func (r *Reader) Search(q string, typing bool) (*Results, error) {
	pq := ParseQuery(q, typing, r.M.Rank.Words)
	res := &Results{}
	if len(pq.Words) == 0 {
		return res, nil
	}
	pos, err := r.positions(pq, res)
	if err != nil {
		return nil, err
	}
	total, cover := map[int32]float64{}, map[int32]int{}
	content := 0
	for _, p := range pos {
		if !p.stop {
			content++
		}
	}
	for _, p := range pos {
		for d, s := range p.scores {
			total[d] += s
			if !p.stop || content == 0 {
				cover[d]++
			}
		}
	}
	content = cmp.Or(content, len(pos))
	if err := r.pairBonus(pos, total); err != nil {
		return nil, err
	}
	named, err := r.numbers(pos, total)
	if err != nil {
		return nil, err
	}
	for _, p := range pos {
		var keys []string
		for _, a := range p.alts {
			keys = append(keys, a.key)
		}
		res.Alts = append(res.Alts, keys)
	}
	r.order(res, total, cover, named, content)
	if len(res.Docs) == 0 {
		res.Suggest, err = r.suggest(pos)
	}
	return res, err
}

// order fills res.Docs: documents named by number first, then those
// matching every word that counts, then, when they are fewer than Few,
// the others by the number of words they match; each by score, then
// newest first.
func (r *Reader) order(res *Results, total map[int32]float64, cover map[int32]int, named map[int32]bool, content int) {
	full := func(d int32) bool { return named[d] || cover[d] >= content }
	for d := range total {
		if full(d) {
			res.Full++
		}
	}
	for d := range total {
		if full(d) || res.Full < r.M.Rank.Few && cover[d] > 0 {
			res.Docs = append(res.Docs, d)
		}
	}
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	slices.SortFunc(res.Docs, func(a, b int32) int {
		return cmp.Or(b2i(named[b])-b2i(named[a]), b2i(full(b))-b2i(full(a)), cover[b]-cover[a],
			cmp.Compare(total[b], total[a]), cmp.Compare(a, b))
	})
	for _, d := range res.Docs {
		res.Scores = append(res.Scores, total[d])
	}
}

// positions finds what each query word stands for and scores it.
func (r *Reader) positions(pq Query, res *Results) ([]position, error) {
	stop := map[string]bool{}
	for _, s := range r.M.Stop {
		stop[s], stop["\x00"+vntext.Fold(s)] = true, true
	}
	pos := make([]position, len(pq.Words))
	for i, w := range pq.Words {
		p := &pos[i]
		p.w, p.stop = w, stop[w.Exact] || !w.Marked && stop["\x00"+w.Fold]
		e, err := r.Entry(w.Fold)
		if err != nil {
			return nil, err
		}
		prev := ""
		if w.Joined && len(pos[i-1].alts) > 0 {
			prev = pos[i-1].alts[0].key
		}
		switch {
		case i == len(pq.Words)-1 && (pq.Prefix || e == nil):
			cs, err := r.completions(prev, w.Fold, e != nil)
			if err != nil {
				return nil, err
			}
			for k, c := range cs {
				f := r.M.Rank.Prefix
				if c == w.Fold {
					f = 1
				}
				p.alts = append(p.alts, alt{key: c, factor: f / float64(k+1), prefix: c != w.Fold})
			}
		case e != nil:
			p.alts = append(p.alts, alt{key: w.Fold, factor: 1})
		}
		if len(p.alts) == 0 && !p.stop && !isDigits(w.Fold) {
			cs, err := r.closest(prev, w.Fold, maxTypos(w.Fold))
			if err != nil {
				return nil, err
			}
			for _, c := range cs[:min(2, len(cs))] {
				p.alts = append(p.alts, alt{key: c, factor: r.M.Rank.Typo, typo: true})
				res.Fixes = append(res.Fixes, [2]string{w.Exact, c})
			}
		}
		if p.scores, err = r.altScores(p); err != nil {
			return nil, err
		}
	}
	return pos, nil
}

// altScores scores the documents of each alternative of p, keeping the
// best per document.
func (r *Reader) altScores(p *position) (map[int32]float64, error) {
	scores := map[int32]float64{}
	for _, a := range p.alts {
		e, err := r.Entry(a.key)
		if err != nil || e == nil {
			return nil, fmt.Errorf("%q: %v", a.key, err)
		}
		for d, imp := range e.Impact {
			y := float64(a.factor * r.marked(e, p.w.Exact, p.w.Marked && !a.typo, a.prefix, d, imp))
			if s, ok := scores[d]; !ok || y > s {
				scores[d] = y
			}
		}
	}
	return scores, nil
}

// marked scores the impact imp of e in document d for a query form exact:
// as it is when the form has no marks, else the exactless share of it
// plus the impact of the exact form (or forms starting with it) in d.
func (r *Reader) marked(e *Entry, exact string, marked, prefix bool, d int32, imp float64) float64 {
	if !marked {
		return imp
	}
	if prefix {
		ex, ok := variantPrefix(e, exact, d)
		return r.mix(imp, ex, ok)
	}
	ex, ok := e.Variants[exact][d]
	return r.mix(imp, ex, ok)
}

// mix is the score of a marked word: the exactless share of the folded
// impact x, plus the exact impact ex when the document holds the form.
func (r *Reader) mix(x, ex float64, ok bool) float64 {
	y := float64(r.M.Rank.Exactless * x)
	if ok {
		y = ex + y
	}
	return y
}

// variantPrefix returns the highest impact in document d of the exact
// forms of e that start with prefix.
func variantPrefix(e *Entry, prefix string, d int32) (float64, bool) {
	best, found := 0.0, false
	for v, docs := range e.Variants {
		if x, ok := docs[d]; ok && strings.HasPrefix(v, prefix) && (!found || x > best) {
			best, found = x, true
		}
	}
	return best, found
}

// pairBonus adds to the documents in total the phrase bonus of each word
// joined to the one before: the best pair of the previous word's first
// alternative with one of its own.
func (r *Reader) pairBonus(pos []position, total map[int32]float64) error {
	for i := 1; i < len(pos); i++ {
		p, q := &pos[i-1], &pos[i]
		if !q.w.Joined || len(p.alts) == 0 {
			continue
		}
		a, bonus := p.alts[0], map[int32]float64{}
		exact := p.w.Exact + " " + q.w.Exact
		for _, b := range q.alts {
			e, err := r.Entry(a.key + " " + b.key)
			if err != nil {
				return err
			}
			if e == nil {
				continue
			}
			m := (p.w.Marked || q.w.Marked) && !a.typo && !b.typo
			for d, imp := range e.Impact {
				if _, ok := total[d]; !ok {
					continue
				}
				y := float64(b.factor * r.marked(e, exact, m, b.prefix, d, imp))
				if s, ok := bonus[d]; !ok || y > s {
					bonus[d] = y
				}
			}
		}
		for d, y := range bonus {
			total[d] += float64(r.M.Rank.Pair * y)
		}
	}
	return nil
}

// numbers adds the bonus of the documents named by a number of the query
// ("18" of "chỉ thị 18") and returns those that the query names whole:
// each of its other words that counts is a word of the document's number
// or type.
func (r *Reader) numbers(pos []position, total map[int32]float64) (map[int32]bool, error) {
	named := map[int32]bool{}
	for i, p := range pos {
		if !isDigits(p.w.Fold) {
			continue
		}
		raw, err := r.Lookup("#" + p.w.Fold)
		if err != nil || raw == nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		var docs [][2]any
		if err := json.Unmarshal(raw, &docs); err != nil {
			return nil, err
		}
		for _, nd := range docs {
			d, words := int32(nd[0].(float64)), strings.Fields(nd[1].(string))
			matched, whole := 0, true
			for j, q := range pos {
				switch {
				case j == i:
				case slices.Contains(words, q.w.Fold):
					matched++
				case !q.stop:
					whole = false
				}
			}
			if _, ok := total[d]; ok || whole {
				total[d] += float64(r.M.Rank.Number * float64(1+matched))
				named[d] = named[d] || whole
			}
		}
	}
	return named, nil
}

// completions returns up to Complete words that p may be the start of,
// the likeliest first: the words that most often follow prev, then p
// itself when whole is set, then the most frequent words. The k-th of
// them scores 1/(k+1) of its share.
func (r *Reader) completions(prev, p string, whole bool) ([]string, error) {
	var out []string
	add := func(c string) {
		if len(out) < r.M.Rank.Complete && strings.HasPrefix(c, p) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	var next, start []string
	var err error
	if prev != "" {
		if next, err = r.words(prev + "+"); err != nil {
			return nil, err
		}
	}
	if start, err = r.words(p + "*"); err != nil {
		return nil, err
	}
	for _, c := range next {
		add(c)
	}
	if whole {
		add(p)
	}
	for _, c := range start {
		add(c)
	}
	return out, nil
}

// closest returns the indexed words nearest to w, at most max edits away,
// the nearest first: among the words that follow prev and those starting
// with w's first one or two letters.
func (r *Reader) closest(prev, w string, max int) ([]string, error) {
	rs := []rune(w)
	keys := []string{prev + "+", string(rs[:1]) + "*"}
	if len(rs) > 1 {
		keys = append(keys, string(rs[:2])+"*")
	}
	var cands []string
	for _, key := range keys {
		if key == "+" {
			continue
		}
		words, err := r.words(key)
		if err != nil {
			return nil, err
		}
		for _, c := range words {
			if !slices.Contains(cands, c) && c != w {
				cands = append(cands, c)
			}
		}
	}
	dist := map[string]int{}
	var out []string
	for _, c := range cands {
		if dist[c] = edits(w, c); dist[c] <= max {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return dist[a] - dist[b] })
	return out, nil
}

// maxTypos is the number of edits a correction of w may make.
func maxTypos(w string) int {
	if len([]rune(w)) <= 4 {
		return 1
	}
	return 2
}

// suggest returns up to 3 queries that have results, each replacing an
// unknown word of the query with an indexed word one edit further than a
// correction may go, and less than half the word away.
func (r *Reader) suggest(pos []position) ([]string, error) {
	var out []string
	for i, p := range pos {
		if len(p.alts) > 0 || p.stop {
			continue
		}
		prev := ""
		if i > 0 && p.w.Joined && len(pos[i-1].alts) > 0 {
			prev = pos[i-1].alts[0].key
		}
		cs, err := r.closest(prev, p.w.Fold, min(maxTypos(p.w.Fold)+1, (len([]rune(p.w.Fold))-1)/2))
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if len(out) == 3 {
				return out, nil
			}
			words := make([]string, len(pos))
			for j, q := range pos {
				words[j] = q.w.Exact
			}
			words[i] = c
			q := strings.Join(words, " ")
			res, err := r.Search(q, false)
			if err != nil {
				return nil, err
			}
			if len(res.Docs) > 0 {
				out = append(out, q)
			}
		}
	}
	return out, nil
}

// words returns the word list of key ("gi*", "giam+"), nil when absent.
func (r *Reader) words(key string) ([]string, error) {
	raw, err := r.Lookup(key)
	if err != nil || raw == nil {
		return nil, err
	}
	var words []string
	err = json.Unmarshal(raw, &words)
	return words, err
}

// edits is the optimal string alignment distance of a and b in runes:
// insertions, deletions, substitutions and swaps of neighbours.
func edits(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			c := 1
			if x[i-1] == y[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
