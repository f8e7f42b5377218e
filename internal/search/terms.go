package search

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/vntext"
)

// noWord marks the missing second word of a single-word term.
const noWord = ^uint32(0)

// term is one key of the index: a folded word or a folded pair, with its
// postings.
type term struct {
	a, b uint32   // folded word ids; b is noWord for a single word
	vars []uint32 // variant ids, in order of first use
	df   int32
	last int32  // last document added, -1 before the first
	buf  []byte // the postings in document order, as term.post writes them
}

// variant is one exact form of a term: a word or a pair of words.
type variant struct {
	a, b uint32 // exact word ids; b is noWord for a single word
	term uint32
	bit  uint32 // 1 << its index in term.vars, the 32nd and later sharing the last bit
}

// group is the sum of one term's variants within a document: a posting
// waiting to be appended to its term.
type group struct {
	term uint32
	doc  int32
	tf   [numFields]uint16
	mask uint32
	each int32 // first of the counts of each variant in indexer.each, when several; -1 when not
}

// variantCount is the count of one variant of a group that has several.
type variantCount struct {
	next int32 // the group's next variantCount, -1 after the last
	bit  uint32
	tf   [numFields]uint16
}

// batch is the number of postings collected before they are appended to
// their terms, sorted by term, so that each term's buffer is touched once
// per batch rather than once per document.
var batch = 1 << 16

// indexer collects the terms of documents added in order. It is used by
// one goroutine.
type indexer struct {
	words    []string // exact words by id
	wordID   map[string]uint32
	wordVar  []uint32 // word id → variant id
	wordFold []uint32 // word id → folded word id
	folds    []string // folded words by id
	foldID   map[string]uint32
	foldTerm []uint32          // folded word id → term id
	pairVar  map[uint64]uint32 // exact word ids a<<32|b → variant id
	pairTerm map[uint64]uint32 // folded word ids a<<32|b → term id
	terms    []term
	vars     []variant

	lens   [][numFields]int32 // by document
	totals [numFields]int64

	stamp  []int32 // term id → last document that used slot
	slot   []int32 // term id → index in groups
	groups []group // postings not yet appended, in document order
	each   []variantCount
	sorted []group  // scratch of flush
	counts []int32  // scratch of flush
	ids    []uint32 // scratch: word ids of the current document
}

func newIndexer(docs int) *indexer {
	return &indexer{
		wordID: map[string]uint32{}, foldID: map[string]uint32{},
		pairVar: map[uint64]uint32{}, pairTerm: map[uint64]uint32{},
		lens: make([][numFields]int32, 0, docs),
	}
}

// add adds the terms of document d; documents come in order 0, 1, 2….
func (ix *indexer) add(d int32, t *docTerms) {
	ix.lens = append(ix.lens, t.lens)
	for f, n := range t.lens {
		ix.totals[f] += int64(n)
	}
	ix.ids = ix.ids[:0]
	for i, w := range t.words {
		id, ok := ix.wordID[w]
		if !ok {
			id = ix.newWord(w)
		}
		ix.ids = append(ix.ids, id)
		ix.count(d, ix.wordVar[id], &t.wtf[i])
	}
	for j, p := range t.pairs {
		a, b := ix.ids[p>>32], ix.ids[uint32(p)]
		v, ok := ix.pairVar[uint64(a)<<32|uint64(b)]
		if !ok {
			v = ix.newPair(a, b)
		}
		ix.count(d, v, &t.ptf[j])
	}
	if len(ix.groups) >= batch {
		ix.flush()
	}
}

// flush appends the waiting postings to their terms, in document order
// within each term.
func (ix *indexer) flush() {
	counts := slices.Grow(ix.counts[:0], len(ix.terms)+1)[:len(ix.terms)+1]
	clear(counts)
	for _, g := range ix.groups {
		counts[g.term+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	sorted := slices.Grow(ix.sorted[:0], len(ix.groups))[:len(ix.groups)]
	for _, g := range ix.groups {
		sorted[counts[g.term]] = g
		counts[g.term]++
	}
	for i := 0; i < len(sorted); {
		t := &ix.terms[sorted[i].term]
		j := i + 1
		for j < len(sorted) && sorted[j].term == sorted[i].term {
			j++
		}
		t.post(sorted[i:j], ix.each)
		i = j
	}
	ix.groups, ix.sorted, ix.counts, ix.each = ix.groups[:0], sorted, counts, ix.each[:0]
}

// count adds the counts tf of variant v to its term's group in document d.
func (ix *indexer) count(d int32, v uint32, tf *[numFields]uint16) {
	vr := &ix.vars[v]
	if ix.stamp[vr.term] != d+1 {
		ix.stamp[vr.term] = d + 1
		ix.slot[vr.term] = int32(len(ix.groups))
		ix.groups = append(ix.groups, group{term: vr.term, doc: d, tf: *tf, mask: vr.bit, each: -1})
		return
	}
	// A second variant in the document: keep the counts of each.
	g := &ix.groups[ix.slot[vr.term]]
	if g.each < 0 {
		g.each = int32(len(ix.each))
		ix.each = append(ix.each, variantCount{next: -1, bit: g.mask, tf: g.tf})
	}
	ix.each = append(ix.each, variantCount{next: g.each, bit: vr.bit, tf: *tf})
	g.each = int32(len(ix.each) - 1)
	for f, n := range tf {
		g.tf[f] = uint16(min(int(g.tf[f])+int(n), 1<<16-1))
	}
	g.mask |= vr.bit
}

// post appends postings of t, in document order. A posting is the gap to
// the previous document minus one, the counts of the field, the mask of
// the variants present and, when it has several bits, the counts of each
// variant in the order of the bits, all as uvarints.
func (t *term) post(gs []group, each []variantCount) {
	buf := t.buf
	for _, g := range gs {
		buf = binary.AppendUvarint(buf, uint64(g.doc-t.last-1))
		buf = appendCounts(buf, &g.tf)
		buf = binary.AppendUvarint(buf, uint64(g.mask))
		if g.each >= 0 && bits.OnesCount32(g.mask) > 1 {
			var byBit [32][numFields]uint16
			for i := g.each; i >= 0; i = each[i].next {
				c := &byBit[bits.TrailingZeros32(each[i].bit)]
				for f, n := range each[i].tf {
					c[f] = uint16(min(int(c[f])+int(n), 1<<16-1))
				}
			}
			for m := g.mask; m != 0; m &= m - 1 {
				buf = appendCounts(buf, &byBit[bits.TrailingZeros32(m)])
			}
		}
		t.last = g.doc
	}
	t.buf = buf
	t.df += int32(len(gs))
}

func appendCounts(buf []byte, tf *[numFields]uint16) []byte {
	for _, n := range tf {
		buf = binary.AppendUvarint(buf, uint64(n))
	}
	return buf
}

func (ix *indexer) newWord(w string) uint32 {
	w = strings.Clone(w) // do not keep the page text alive
	id := uint32(len(ix.words))
	ix.words = append(ix.words, w)
	ix.wordID[w] = id
	f := vntext.Fold(w)
	fid, ok := ix.foldID[f]
	if !ok {
		fid = uint32(len(ix.folds))
		ix.folds = append(ix.folds, f)
		ix.foldID[f] = fid
		ix.foldTerm = append(ix.foldTerm, ix.newTerm(fid, noWord))
	}
	ix.wordFold = append(ix.wordFold, fid)
	ix.wordVar = append(ix.wordVar, ix.newVariant(id, noWord, ix.foldTerm[fid]))
	return id
}

func (ix *indexer) newPair(a, b uint32) uint32 {
	fa, fb := ix.wordFold[a], ix.wordFold[b]
	key := uint64(fa)<<32 | uint64(fb)
	t, ok := ix.pairTerm[key]
	if !ok {
		t = ix.newTerm(fa, fb)
		ix.pairTerm[key] = t
	}
	v := ix.newVariant(a, b, t)
	ix.pairVar[uint64(a)<<32|uint64(b)] = v
	return v
}

func (ix *indexer) newTerm(a, b uint32) uint32 {
	ix.terms = append(ix.terms, term{a: a, b: b, last: -1})
	ix.stamp = append(ix.stamp, 0)
	ix.slot = append(ix.slot, 0)
	return uint32(len(ix.terms) - 1)
}

func (ix *indexer) newVariant(a, b, t uint32) uint32 {
	tm := &ix.terms[t]
	tm.vars = append(tm.vars, uint32(len(ix.vars)))
	ix.vars = append(ix.vars, variant{a: a, b: b, term: t, bit: 1 << min(len(tm.vars)-1, 31)})
	return uint32(len(ix.vars) - 1)
}

// key returns the index key of term t: "giam" or "giam sat".
func (ix *indexer) key(t *term) string {
	if t.b == noWord {
		return ix.folds[t.a]
	}
	return ix.folds[t.a] + " " + ix.folds[t.b]
}

// exact returns the text of variant v: "giám" or "giám sát".
func (ix *indexer) exact(v uint32) string {
	vr := ix.vars[v]
	if vr.b == noWord {
		return ix.words[vr.a]
	}
	return ix.words[vr.a] + " " + ix.words[vr.b]
}
