package search

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// Ranking constants of the index (see the package documentation).
const (
	k1 = 1.2
)

// fieldB is the length normalisation of each field: none would be 0,
// full 1. Short fields (title, tags, number) barely vary in length, and
// the head of a title is never longer than LeadWords.
var fieldB = [numFields]float64{0.3, 0, 0.5, 0.5, 0.3, 0.3, 0.75}

// entry is one key of the index with its JSON value.
type entry struct {
	key  string
	json []byte
}

// scorer turns counts into BM25F impacts.
type scorer struct {
	n    int                // documents
	lens [][numFields]int32 // by document
	avg  [numFields]float64
	top  int
	w    [numFields]float64 // field weights
}

// part returns the saturated, length-normalised, weighted count of a term
// in document d, before idf.
func (s *scorer) part(d int32, tf *[numFields]uint16) float64 {
	var x float64
	for f, n := range tf {
		if n == 0 {
			continue
		}
		norm := 1 - fieldB[f]
		if s.avg[f] > 0 {
			norm += fieldB[f] * float64(s.lens[d][f]) / s.avg[f]
		}
		x += s.w[f] * float64(n) / norm
	}
	return x * (k1 + 1) / (x + k1)
}

func (s *scorer) idf(df int32) float64 {
	return math.Log(1 + float64(s.n)/float64(df))
}

// posting is one decoded posting of a term.
type posting struct {
	doc    int32
	mask   uint32
	tf     [numFields]uint16
	each   int32 // with several variants, the index of the first's counts in the term's counts
	impact float64
}

// scratch is the reusable memory of one encoding goroutine.
type scratch struct {
	ps, vps []posting
	counts  [][numFields]uint16
	top     []int32
	docs    []int32
}

// termEntries encodes every term, on all cores.
func (ix *indexer) termEntries(s *scorer) []entry {
	out := make([]entry, len(ix.terms))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			var sc scratch
			for i := w; i < len(ix.terms); i += workers {
				t := &ix.terms[i]
				t.decode(&sc)
				if !t.lone(sc.ps) {
					out[i] = entry{ix.key(t), ix.encode(t, s, &sc)}
				}
				t.buf = nil
			}
		})
	}
	wg.Wait()
	return out
}

// decode reads the postings of t into sc.ps and sc.counts.
func (t *term) decode(sc *scratch) {
	ps, counts := sc.ps[:0], sc.counts[:0]
	b := t.buf
	d := int32(-1)
	next := func() uint64 {
		v, n := binary.Uvarint(b)
		b = b[n:]
		return v
	}
	readCounts := func(c *[numFields]uint16) {
		for f := range c {
			c[f] = uint16(next())
		}
	}
	for len(b) > 0 {
		d += int32(next()) + 1
		p := posting{doc: d, each: -1}
		readCounts(&p.tf)
		p.mask = uint32(next())
		if n := bits.OnesCount32(p.mask); n > 1 {
			p.each = int32(len(counts))
			for range n {
				var c [numFields]uint16
				readCounts(&c)
				counts = append(counts, c)
			}
		}
		ps = append(ps, p)
	}
	sc.ps, sc.counts = ps, counts
}

// score sets the impacts of ps for a term found in df documents.
func (s *scorer) score(ps []posting, df int) {
	idf := s.idf(int32(df))
	for i := range ps {
		ps[i].impact = idf * s.part(ps[i].doc, &ps[i].tf)
	}
}

// variantPostings appends to out the postings of the variant with the
// given bit: the documents holding it, with its own counts.
func variantPostings(out []posting, ps []posting, counts [][numFields]uint16, bit uint32) []posting {
	for _, p := range ps {
		if p.mask&bit == 0 {
			continue
		}
		if p.each >= 0 {
			p.tf = counts[int(p.each)+bits.OnesCount32(p.mask&(bit-1))]
		}
		p.mask, p.each = bit, -1
		out = append(out, p)
	}
	return out
}

// selectTop returns the indexes in ps of the k postings of highest impact,
// the newer document first among equals, in document order.
func selectTop(top []int32, ps []posting, k int) []int32 {
	if len(ps) <= k {
		for i := range ps {
			top = append(top, int32(i))
		}
		return top
	}
	// A min-heap of the best k so far; the root is the weakest.
	weaker := func(i, j int32) bool {
		if ps[i].impact != ps[j].impact {
			return ps[i].impact < ps[j].impact
		}
		return ps[i].doc > ps[j].doc
	}
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(top) {
				return
			}
			if r := l + 1; r < len(top) && weaker(top[r], top[l]) {
				l = r
			}
			if !weaker(top[l], top[i]) {
				return
			}
			top[i], top[l] = top[l], top[i]
			i = l
		}
	}
	for i := range int32(k) {
		top = append(top, i)
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for i := int32(k); i < int32(len(ps)); i++ {
		if weaker(top[0], i) {
			top[0] = i
			down(0)
		}
	}
	slices.Sort(top)
	return top
}

// lone reports whether t is a pair found in the body of one document only:
// such pairs, half of all pairs, are left out of the index, since a
// phrase bonus that one document gets for a body phrase barely changes a
// ranking, while a pair in a title, heading, summary or tags does.
func (t *term) lone(ps []posting) bool {
	if t.b == noWord || len(ps) != 1 {
		return false
	}
	for f, n := range ps[0].tf {
		if n > 0 && f != fieldBody {
			return false
		}
	}
	return true
}

// encode writes the JSON entry of t, whose postings are in sc.ps.
func (ix *indexer) encode(t *term, s *scorer, sc *scratch) []byte {
	s.score(sc.ps, len(sc.ps))
	b := make([]byte, 0, 64+3*s.top+len(sc.ps)/4)
	b = append(b, `{"n":`...)
	b = appendInt(b, int(t.df))
	b = append(b, ',')
	b = sc.appendList(b, sc.ps, s.top)
	b = append(b, `,"v":{`...)
	for n, v := range ix.sortedVariants(t) {
		if n > 0 {
			b = append(b, ',')
		}
		b = appendString(b, ix.exact(v))
		b = append(b, ':')
		if len(t.vars) == 1 {
			b = append(b, `""`...)
			continue
		}
		sc.vps = variantPostings(sc.vps[:0], sc.ps, sc.counts, ix.vars[v].bit)
		s.score(sc.vps, len(sc.vps))
		b = append(b, '{')
		b = sc.appendList(b, sc.vps, s.top)
		b = append(b, '}')
	}
	return append(b, "}}"...)
}

// appendList writes the impacts of ps: "i":[hi,lo,rest],"p":top and,
// when top does not hold them all, "s":set.
func (sc *scratch) appendList(b []byte, ps []posting, k int) []byte {
	sc.top = selectTop(sc.top[:0], ps, k)
	top := sc.top
	hi, lo := 0.0, math.Inf(1)
	for _, i := range top {
		hi, lo = max(hi, ps[i].impact), min(lo, ps[i].impact)
	}
	rest := 0.0
	if len(top) < len(ps) {
		sum := 0.0
		for _, p := range ps {
			sum += p.impact
		}
		for _, i := range top {
			sum -= ps[i].impact
		}
		rest = max(sum/float64(len(ps)-len(top)), 0)
	}
	b = append(b, `"i":[`...)
	b = appendFloat(b, hi)
	b = append(b, ',')
	b = appendFloat(b, lo)
	b = append(b, ',')
	b = appendFloat(b, rest)
	b = append(b, `],"p":"`...)
	prev := int32(-1)
	for _, i := range top {
		b = appendVarint(b, uint32(ps[i].doc-prev-1))
		b = append(b, digits[level(ps[i].impact, lo, hi)])
		prev = ps[i].doc
	}
	b = append(b, '"')
	if len(top) < len(ps) {
		sc.docs = sc.docs[:0]
		for _, p := range ps {
			sc.docs = append(sc.docs, p.doc)
		}
		b = append(b, `,"s":"`...)
		b = appendSet(b, sc.docs)
		b = append(b, '"')
	}
	return b
}

// level quantises x in [lo, hi] to 0–63.
func level(x, lo, hi float64) int {
	if hi <= lo {
		return 0
	}
	return int(math.Round((x - lo) / (hi - lo) * 63))
}

func (ix *indexer) sortedVariants(t *term) []uint32 {
	vs := slices.Clone(t.vars)
	slices.SortFunc(vs, func(a, b uint32) int { return cmp.Compare(ix.exact(a), ix.exact(b)) })
	return vs
}

func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }
