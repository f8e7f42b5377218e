package search

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Ranking weights of the client, written to the manifest so that the
// client and the tests read the same numbers.
const (
	ExactlessFactor = 0.3 // a marked query word matching only other variants scores this share
	PrefixFactor    = 0.6 // a completion of the word being typed scores this share
	TypoFactor      = 0.5 // the closest indexed word to an unknown query word scores this share
	PairWeight      = 2   // a pair of query words found as a phrase adds this times its impact
	NumberWeight    = 4   // a document named by a number in the query adds this per word of its name
	MaxQueryWords   = 10  // words of a query after which the rest is ignored
	MaxCompletions  = 5   // completions of a prefix a query tries
	Few             = 10  // with fewer pages matching every word, partial matches follow
)

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// Shard returns the shard of key among n: the FNV-1a 32-bit hash of its
// UTF-8 bytes, modulo n.
func Shard(key string, n int) int {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return int(h % uint32(n))
}

// build indexes docs, which are in store order (newest first).
func (c Config) build(docs []*doc, topics [][2]string) (map[string][]byte, error) {
	ix := newIndexer(len(docs))
	tokenizeAll(docs, c.Release, func(i int, t *docTerms) { ix.add(int32(i), t) })
	ix.flush()
	s := &scorer{n: len(docs), lens: ix.lens, top: c.Top, w: c.Weights.array()}
	for f, total := range ix.totals {
		if len(docs) > 0 {
			s.avg[f] = float64(total) / float64(len(docs))
		}
	}
	entries := slices.DeleteFunc(ix.termEntries(s), func(e entry) bool { return e.json == nil })
	entries = append(entries, ix.prefixEntries(c.Completions)...)
	entries = append(entries, ix.followerEntries(c.Followers)...)
	entries = append(entries, numberEntries(docs)...)
	entries = append(entries, topicsEntry(topics))

	files := map[string][]byte{}
	shards := c.shards(entries)
	chunks := c.chunks(docs)
	h := sha256.New()
	for _, f := range slices.Concat(shards, chunks) {
		h.Write(f)
	}
	id := hex.EncodeToString(h.Sum(nil))[:12]
	for i, f := range shards {
		files[Dir+id+"/t/"+strconv.Itoa(i)+".json"] = f
	}
	for i, f := range chunks {
		files[Dir+id+"/d/"+strconv.Itoa(i)+".json"] = f
	}
	files[Dir+"manifest.json"] = manifest(id, len(docs), len(shards), c.Chunk)
	return files, nil
}

// manifest writes manifest.json.
func manifest(id string, docs, shards, chunk int) []byte {
	m := `{"v":2,"id":"` + id + `","docs":` + strconv.Itoa(docs) +
		`,"shards":` + strconv.Itoa(shards) + `,"chunk":` + strconv.Itoa(chunk) +
		`,"rank":{"exactless":` + ftoa(ExactlessFactor) + `,"prefix":` + ftoa(PrefixFactor) +
		`,"typo":` + ftoa(TypoFactor) + `,"pair":` + ftoa(PairWeight) + `,"number":` + ftoa(NumberWeight) +
		`,"words":` + strconv.Itoa(MaxQueryWords) + `,"complete":` + strconv.Itoa(MaxCompletions) +
		`,"few":` + strconv.Itoa(Few) + `},"stop":`
	return append(appendStrings([]byte(m), Stop), '}')
}

// shards groups entries into files of about c.ShardBytes, by Shard.
func (c Config) shards(entries []entry) [][]byte {
	total := 0
	for _, e := range entries {
		total += len(e.key) + len(e.json) + 4
	}
	n := max(1, (total+c.ShardBytes-1)/c.ShardBytes)
	groups := make([][]entry, n)
	for _, e := range entries {
		i := Shard(e.key, n)
		groups[i] = append(groups[i], e)
	}
	out := make([][]byte, n)
	for i, g := range groups {
		slices.SortFunc(g, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
		size := 2
		for _, e := range g {
			size += len(e.key) + len(e.json) + 4
		}
		b := make([]byte, 0, size)
		b = append(b, '{')
		for j, e := range g {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, e.key)
			b = append(b, ':')
			b = append(b, e.json...)
		}
		out[i] = append(b, '}')
	}
	return out
}

// chunks writes the document store, c.Chunk documents a file.
func (c Config) chunks(docs []*doc) [][]byte {
	var out [][]byte
	for start := 0; start < len(docs); start += c.Chunk {
		b := []byte{'['}
		for i, d := range docs[start:min(start+c.Chunk, len(docs))] {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			for j, s := range []string{d.url, d.title, d.kind, d.date, d.topic, cut(d.summary, SummaryLen)} {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, s)
			}
			b = append(b, ']')
		}
		out = append(out, append(b, ']'))
	}
	return out
}

// cut shortens s to at most n runes, at a space when one is near, and
// adds "…".
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	for i := len(r) - 1; i > n*3/4; i-- {
		if r[i] == ' ' {
			r = r[:i]
			break
		}
	}
	return string(r) + "…"
}

// prefixEntries lists, for each prefix of 1 to MaxPrefix runes of a folded
// word, the k most frequent longer words that start with it.
func (ix *indexer) prefixEntries(k int) []entry {
	type cand struct {
		word string
		df   int32
	}
	better := func(a, b cand) int { return cmp.Or(cmp.Compare(b.df, a.df), cmp.Compare(a.word, b.word)) }
	byPrefix := map[string][]cand{}
	for i := range ix.terms {
		t := &ix.terms[i]
		if t.b != noWord {
			continue
		}
		w := ix.folds[t.a]
		c := cand{w, t.df}
		runes := 0
		for j := range w {
			if j == 0 {
				continue
			}
			if runes++; runes > MaxPrefix {
				break
			}
			l := byPrefix[w[:j]]
			at, _ := slices.BinarySearchFunc(l, c, better)
			if at < k {
				l = slices.Insert(l, at, c)
				byPrefix[w[:j]] = l[:min(len(l), k)]
			}
		}
	}
	out := make([]entry, 0, len(byPrefix))
	for p, l := range byPrefix {
		b := []byte{'['}
		for i, c := range l {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, c.word)
		}
		out = append(out, entry{p + "*", append(b, ']')})
	}
	return out
}
