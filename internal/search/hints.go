package search

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/loa-vn/loa/internal/vntext"
)

// Stop lists the Vietnamese function words of questions. A query word
// among them, or written without marks and folding like one of them,
// still scores where it is found but never keeps a page out of the
// results: "đảng viên có bị giám sát không" finds the pages that lack "bị".
var Stop = []string{"ai", "bằng", "bị", "các", "có", "của", "đâu", "được", "gì", "hay", "hoặc",
	"không", "là", "nào", "nên", "như", "những", "ở", "phải", "sao", "thế", "thì", "và"}

// KeyTopics is the key of the topics entry, which the client reads only to
// offer the topics when a query finds nothing.
const KeyTopics = "@topics"

// followerEntries lists, for each folded word, the k words that follow it
// most often (in most documents), as key "word+": ["next", …].
func (ix *indexer) followerEntries(k int) []entry {
	type next struct {
		word uint32
		df   int32
	}
	byWord := map[uint32][]next{}
	for i := range ix.terms {
		t := &ix.terms[i]
		if t.b != noWord {
			byWord[t.a] = append(byWord[t.a], next{t.b, t.df})
		}
	}
	out := make([]entry, 0, len(byWord))
	for a, l := range byWord {
		slices.SortFunc(l, func(x, y next) int {
			return cmp.Or(cmp.Compare(y.df, x.df), cmp.Compare(ix.folds[x.word], ix.folds[y.word]))
		})
		words := make([]string, 0, k)
		for _, n := range l[:min(k, len(l))] {
			words = append(words, ix.folds[n.word])
		}
		out = append(out, entry{ix.folds[a] + "+", appendStrings(nil, words)})
	}
	return out
}

// numberEntries lists the documents by the leading number of their
// document number, as key "#18": [[doc, "ct tw chi thi so"], …], the
// folded words of the rest of the number, of the type and "số", so that
// "18-CT/TW", "chỉ thị 18" and "chỉ thị số 18" all name the document.
func numberEntries(docs []*doc) []entry {
	byNum := map[string][]byte{}
	for i, d := range docs {
		var n string
		var words []string
		for t := range vntext.Scan(d.number) {
			if n == "" && words == nil && isDigits(t.Word) {
				n = t.Word
				continue
			}
			words = append(words, vntext.Fold(t.Word))
		}
		if n == "" {
			continue
		}
		for t := range vntext.Scan(d.typ) {
			words = append(words, vntext.Fold(t.Word))
		}
		words = append(words, "so")
		b := byNum[n]
		if b != nil {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ',')
		b = appendString(b, strings.Join(words, " "))
		byNum[n] = append(b, ']')
	}
	out := make([]entry, 0, len(byNum))
	for n, b := range byNum {
		out = append(out, entry{"#" + n, append(append([]byte{'['}, b...), ']')})
	}
	return out
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// topicsEntry lists the topics as [[url, title], …].
func topicsEntry(topics [][2]string) entry {
	b := []byte{'['}
	for i, t := range topics {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendStrings(b, t[:])
	}
	return entry{KeyTopics, append(b, ']')}
}

// appendStrings appends l as a JSON array of strings.
func appendStrings(b []byte, l []string) []byte {
	b = append(b, '[')
	for i, s := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}
