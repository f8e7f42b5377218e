package search

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/loa-vn/loa/internal/vntext"
)

// This file is the reference reader of the index: the query algorithm of
// static/js/search.js in Go, so that tests can check rankings without a
// browser and compare the browser's answers with it. Keep the two in step.

// Manifest is manifest.json.
type Manifest struct {
	V      int    `json:"v"`
	ID     string `json:"id"`
	Docs   int    `json:"docs"`
	Shards int    `json:"shards"`
	Chunk  int    `json:"chunk"`
	Rank   struct {
		Exactless, Prefix, Typo, Pair, Number float64
		Words, Complete, Few                  int
	} `json:"rank"`
	Stop []string `json:"stop"`
}

// Reader answers queries from the files of an index, recording which
// files each query reads.
type Reader struct {
	files  map[string][]byte
	M      Manifest
	shards map[int]map[string]json.RawMessage
	Read   []string // names of the files read so far, in order
}

// NewReader reads the manifest among files.
func NewReader(files map[string][]byte) (*Reader, error) {
	r := &Reader{files: files, shards: map[int]map[string]json.RawMessage{}}
	if err := json.Unmarshal(r.file(Dir+"manifest.json"), &r.M); err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	return r, nil
}

func (r *Reader) file(name string) []byte {
	r.Read = append(r.Read, name)
	return r.files[name]
}

// Query is a parsed query.
type Query struct {
	Words  []QueryWord
	Pairs  []QueryWord // adjacent words with no break between them
	Prefix bool        // the last word is being typed
}

// QueryWord is one word or pair of a query.
type QueryWord struct {
	Exact, Fold string
	Marked      bool // Exact has marks
	Joined      bool // a word that follows the one before with no break between them
}

// ParseQuery cuts q into words. typing means the reader is still typing,
// so that the last word is a prefix unless q ends with a separator.
func ParseQuery(q string, typing bool, maxWords int) Query {
	var out Query
	var toks []vntext.Token
	for t := range vntext.Scan(q) {
		if len(toks) > maxWords {
			break
		}
		toks = append(toks, t)
	}
	if typing && len(toks) > 0 && len(toks) <= maxWords {
		last, _ := utf8LastRune(vntext.NFC(q))
		out.Prefix = vntext.IsWordRune(last)
	}
	toks = toks[:min(len(toks), maxWords)]
	for i, t := range toks {
		w := QueryWord{Exact: t.Word, Fold: vntext.Fold(t.Word), Joined: i > 0 && !t.Break}
		w.Marked = w.Exact != w.Fold
		out.Words = append(out.Words, w)
		if w.Joined {
			p := out.Words[i-1]
			out.Pairs = append(out.Pairs, QueryWord{Exact: p.Exact + " " + w.Exact, Fold: p.Fold + " " + w.Fold, Marked: p.Marked || w.Marked})
		}
	}
	return out
}

func utf8LastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}

// Entry is a decoded term entry.
type Entry struct {
	DF       int
	Impact   map[int32]float64            // every document of the term
	Variants map[string]map[int32]float64 // the impacts of each exact form
}

type rawList struct {
	I [3]float64 `json:"i"`
	P string     `json:"p"`
	S string     `json:"s"`
}

type rawEntry struct {
	N int `json:"n"`
	rawList
	V map[string]json.RawMessage `json:"v"`
}

// impacts decodes a list of impacts.
func (l *rawList) impacts() map[int32]float64 {
	m := map[int32]float64{}
	for _, d := range decodeSet(l.S) {
		m[d] = l.I[2]
	}
	top := l.P
	d := int32(-1)
	for len(top) > 0 {
		var gap uint32
		gap, top = decodeVarint(top)
		d += int32(gap) + 1
		lvl := strings.IndexByte(digits, top[0])
		top = top[1:]
		m[d] = l.I[1] + float64((l.I[0]-l.I[1])*float64(lvl)/63)
	}
	return m
}

// Lookup returns the raw JSON of key, reading its shard once.
func (r *Reader) Lookup(key string) (json.RawMessage, error) {
	n := Shard(key, r.M.Shards)
	sh, ok := r.shards[n]
	if !ok {
		data := r.file(Dir + r.M.ID + "/t/" + strconv.Itoa(n) + ".json")
		if err := json.Unmarshal(data, &sh); err != nil {
			return nil, fmt.Errorf("shard %d: %w", n, err)
		}
		r.shards[n] = sh
	}
	return sh[key], nil
}

// Entry returns the decoded entry of key, or nil when the index lacks it.
func (r *Reader) Entry(key string) (*Entry, error) {
	raw, err := r.Lookup(key)
	if raw == nil || err != nil {
		return nil, err
	}
	var re rawEntry
	if err := json.Unmarshal(raw, &re); err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	e := &Entry{DF: re.N, Impact: re.impacts(), Variants: map[string]map[int32]float64{}}
	for v, raw := range re.V {
		if string(raw) == `""` {
			e.Variants[v] = e.Impact
			continue
		}
		var l rawList
		if err := json.Unmarshal(raw, &l); err != nil {
			return nil, fmt.Errorf("%s: variant %s: %w", key, v, err)
		}
		e.Variants[v] = l.impacts()
	}
	return e, nil
}

func decodeVarint(s string) (uint32, string) {
	var n uint32
	for shift := 0; len(s) > 0; shift += 5 {
		v := uint32(strings.IndexByte(digits, s[0]))
		s = s[1:]
		n |= (v & 31) << shift
		if v < 32 {
			break
		}
	}
	return n, s
}

func decodeSet(s string) []int32 {
	if s == "" {
		return nil
	}
	var out []int32
	switch s[0] {
	case 'd':
		d, rest := int32(-1), s[1:]
		for len(rest) > 0 {
			var gap uint32
			gap, rest = decodeVarint(rest)
			d += int32(gap) + 1
			out = append(out, d)
		}
	case 'b':
		for i, c := range []byte(s[1:]) {
			v := strings.IndexByte(digits, c)
			for bit := range 6 {
				if v&(1<<bit) != 0 {
					out = append(out, int32(i*6+bit))
				}
			}
		}
	}
	return out
}

// Doc returns the store record of document n.
func (r *Reader) Doc(n int32) ([]string, error) {
	c := int(n) / r.M.Chunk
	var chunk [][]string
	if err := json.Unmarshal(r.file(Dir+r.M.ID+"/d/"+strconv.Itoa(c)+".json"), &chunk); err != nil {
		return nil, err
	}
	return chunk[int(n)%r.M.Chunk], nil
}
