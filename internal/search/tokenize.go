package search

import (
	"runtime"
	"sync"

	"github.com/loa-vn/loa/internal/par"
	"github.com/loa-vn/loa/internal/site"
	"github.com/loa-vn/loa/internal/vntext"
)

// docTerms are the distinct words and pairs of one document with their
// counts per field. Words are indexes into words; a pair is the indexes of
// its two words, first<<32 | second.
type docTerms struct {
	lens  [numFields]int32
	words []string
	wtf   [][numFields]uint16
	pairs []uint64
	ptf   [][numFields]uint16

	wordIdx map[string]int32 // scratch, kept for reuse
	pairIdx map[uint64]int32
}

var termsPool = sync.Pool{New: func() any {
	return &docTerms{wordIdx: map[string]int32{}, pairIdx: map[uint64]int32{}}
}}

// reset empties t for reuse.
func (t *docTerms) reset() {
	t.lens = [numFields]int32{}
	t.words, t.wtf, t.pairs, t.ptf = t.words[:0], t.wtf[:0], t.pairs[:0], t.ptf[:0]
	clear(t.wordIdx)
	clear(t.pairIdx)
}

// Limits on what one page adds to the index, so that one page cannot make
// the index tens of thousands of files: the shards grow with the terms.
// A page keeps the first distinct words and pairs it holds, title and
// summary first; past the limits the rest of its text is found only by the
// words and pairs already kept. Each is several times what a long real
// text holds: the sample portal's whole 270 KB of text has 1,150 words and
// 8,700 pairs, a 4 MB text of the benchmark corpus 1,500 and 6,800, and
// Vietnamese writes with under 7,000 syllables.
const (
	MaxPageWords = 10_000 // distinct words of one page
	MaxPagePairs = 50_000 // distinct pairs of adjacent words of one page
)

// tokenize counts the words and pairs of d. Pairs never span two fields
// or clause punctuation.
func tokenize(d *doc) *docTerms {
	t := termsPool.Get().(*docTerms)
	t.reset()
	for f, text := range d.text {
		prev := int32(-1)
		for tok := range vntext.Scan(text) {
			t.lens[f]++
			i, ok := t.wordIdx[tok.Word]
			if !ok && len(t.words) == MaxPageWords {
				prev = -1 // a word left out: no pair across it
				continue
			}
			if !ok {
				i = int32(len(t.words))
				t.wordIdx[tok.Word] = i
				t.words = append(t.words, tok.Word)
				t.wtf = append(t.wtf, [numFields]uint16{})
			}
			inc(&t.wtf[i][f])
			if prev >= 0 && !tok.Break {
				t.pair(prev, i, f)
			}
			prev = i
		}
	}
	return t
}

// pair counts the pair of words a, b in field f, unless it would be a new
// pair past MaxPagePairs.
func (t *docTerms) pair(a, b int32, f int) {
	key := uint64(a)<<32 | uint64(b)
	j, ok := t.pairIdx[key]
	if !ok {
		if len(t.pairs) == MaxPagePairs {
			return
		}
		j = int32(len(t.pairs))
		t.pairIdx[key] = j
		t.pairs = append(t.pairs, key)
		t.ptf = append(t.ptf, [numFields]uint16{})
	}
	inc(&t.ptf[j][f])
}

// inc adds one to n, stopping at the largest uint16.
func inc(n *uint16) {
	if *n < 1<<16-1 {
		*n++
	}
}

// tokenizeAll tokenizes docs on all cores and calls add for each in
// document order, on the calling goroutine. At most a few documents per
// core wait in memory. Each document's text is dropped once read, and
// its page passed to release when that is not nil.
func tokenizeAll(docs []*doc, release func(*site.Page), add func(i int, t *docTerms)) {
	workers := runtime.GOMAXPROCS(0)
	par.Ordered(len(docs), workers, 4*workers, func(i int) *docTerms {
		t := tokenize(docs[i])
		docs[i].text = [numFields]string{}
		if release != nil {
			release(docs[i].page)
		}
		return t
	}, func(i int, t *docTerms) {
		add(i, t)
		termsPool.Put(t)
	})
}
