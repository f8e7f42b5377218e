// Package search writes the site's search index: a small manifest, term
// shards and a document store, as deterministic minified JSON, read by the
// search client static/js/search.js on /tim-kiem/. A query downloads the
// manifest, the shards of its terms and the store chunks of the results it
// shows, never the whole index.
//
// # Terms
//
// Text is cut into tokens by vntext.Scan (NFC, lower case, words of
// letters, digits and marks). Each token is indexed under its folded form
// (vntext.Fold: no tone or vowel marks, đ → d), which is the term's key,
// and remembers its exact forms as variants: key "ban" has variants "bàn",
// "bán", "ban"… Adjacent tokens with no clause punctuation between them
// also form a pair term, key "phan bien" with variant "phản biện".
//
// One page adds at most MaxPageWords distinct words and MaxPagePairs
// distinct pairs, the first it holds (title, then summary, headings and
// tags, then body), so that one huge page cannot multiply the index files.
//
// Fields are weighted: the title (×4), the summary, headings, tags and
// document number, type and issuer (×2), and the body (×1), combined
// BM25F-style with length normalisation. A term's impact in a document is
// idf × (k1+1)·tf/(k1+tf) with idf = ln(1 + N/df).
//
// # Files
//
// All names are under Dir. ID is a hash of the index content, so that a
// browser never mixes files of two builds.
//
//	manifest.json      {"v":1,"id":ID,"docs":N,"shards":S,"chunk":C,"rank":{…}}
//	ID/t/<n>.json      shard n: {key: entry, …} for the keys with Shard(key, S) == n
//	ID/d/<n>.json      store chunk n: documents n·C … n·C+C-1
//
// The manifest stays the same size however big the site: S grows so that a
// shard holds about Config.ShardBytes, and a query reads one shard per key.
// "rank" holds the client's ranking weights (ExactlessFactor, PrefixFactor,
// PairWeight, MaxQueryWords), so that they live in one place.
//
// Documents are numbered newest first, so that a lower number wins a tie.
// A store chunk is an array of [url, title, kind, date, topic, summary],
// with the site-relative URL, the kind in Vietnamese ("Bài viết"), the date
// as dd/mm/yyyy ("" when none) and the summary cut to SummaryLen runes.
//
// A term entry is
//
//	{"n":df, "i":[hi,lo,rest], "p":top, "s":set, "v":{variant: list or "", …}}
//
// top holds the Config.Top documents of highest impact (all of them when
// df is small) as pairs of a delta-coded document number and an impact
// level 0–63, the impact being lo + (hi-lo)·level/63. set (absent when top
// holds every document) is every document of the term; those not in top
// have the impact rest, the mean of their true impacts. When a term has
// several variants, each has a list of its own, {"i":…, "p":…, "s":…} with
// impacts from its own counts and idf; a term's only variant is "".
//
// A prefix entry, key "gi*" (a folded prefix and "*"), lists up to
// Config.Completions folded words that start with it, most frequent first:
// ["giam", "giao", …]. Prefixes of 1 to MaxPrefix runes are indexed.
//
// # Encodings
//
// Numbers are written in base64url digits "A–Z a–z 0–9 - _". A varint is
// little-endian groups of 5 bits, each digit carrying a group plus 32 when
// more follow. A set is "d" followed by the varints of the gaps between
// document numbers minus one (the first counted from -1), or "b" followed
// by a bitmap, 6 documents per digit, lowest bit first, trailing zero
// digits dropped; whichever is shorter. Shard(key, S) is the FNV-1a 32-bit
// hash of the key's UTF-8 bytes modulo S.
//
// # Ranking
//
// A query is tokenised like the text and cut to MaxQueryWords words, which
// must all match (by key). A word written without marks scores the term's
// impact. A word with marks scores ExactlessFactor of it, plus the impact
// of its exact variant where the document holds that, so that "bàn" ranks
// pages with "bàn" above pages with only "ban" or "bán", while "ban" finds
// them all alike. Each pair of adjacent query words found as a pair term
// adds PairWeight times its impact, so that pages holding the phrase rank
// above pages holding its syllables apart. While the reader types, the last
// word also matches the completions of its prefix, at PrefixFactor. Scores
// add up in query order; ties go to the newer document.
//
// The reference reader in reader_test.go implements these rules in Go, and
// the browser test checks that the client gives the same order.
//
// Index is safe for concurrent use.
package search
