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
// distinct pairs, the first it holds (title, then headings, summary, tags
// and body), so that one huge page cannot multiply the index files. A
// pair found only in the body of one document is left out: half of all
// pairs, for a phrase bonus that barely moves a ranking.
//
// Fields are weighted (DefaultWeights, the best of a grid search on the
// sample portal's judged queries in testdata/judged: success@1 54/57, MRR@10
// 0.968; 23/24 and 0.972 on the held-out synthetic set): the title ×8, the
// head of the title (its first LeadWords words before any clause
// punctuation) ×4 more, headings ×1, the summary ×1, tags ×1, the document
// number, type and issuer ×2 and the body ×0.5, combined BM25F-style with length normalisation. The head
// counts because a Vietnamese phrase puts its head first: "Hội nghị đối
// thoại … được tổ chức khi nào?" is about the dialogue conference, "Nâng
// cao hiệu quả hội nghị đối thoại" about making something better. A term's impact in a document is
// idf × (k1+1)·tf/(k1+tf) with idf = ln(1 + N/df).
//
// # Files
//
// All names are under Dir. ID is a hash of the index content, so that a
// browser never mixes files of two builds.
//
//	manifest.json      {"v":2,"id":ID,"docs":N,"shards":S,"chunk":C,"rank":{…},"stop":[…]}
//	ID/t/<n>.json      shard n: {key: entry, …} for the keys with Shard(key, S) == n
//	ID/d/<n>.json      store chunk n: documents n·C … n·C+C-1
//
// The manifest stays the same size however big the site: S grows so that a
// shard holds about Config.ShardBytes, and a query reads one shard per key.
// "rank" holds the client's ranking weights (ExactlessFactor, PrefixFactor,
// TypoFactor, PairWeight, NumberWeight, MaxQueryWords, MaxCompletions,
// Few) and "stop" the function words (Stop), so that they live in one
// place.
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
// A follower entry, key "dang+" (a folded word and "+"), lists up to
// Config.Followers folded words that follow it, in most documents first:
// ["uy", "vien", …], from the pair statistics.
//
// A number entry, key "#18", lists the documents whose document number
// starts with that number, each with the folded words of the rest of the
// number, of its type and "so": [[doc, "ct tw chi thi so"], …].
//
// The entry "@topics" lists the topics as [[url, title], …], for a query
// that finds nothing.
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
// A query is tokenised like the text and cut to MaxQueryWords words. Each
// word stands for one or more indexed words, each with a share of its
// score:
//   - itself, when indexed (share 1);
//   - for the last word while the reader types, or on Enter when it is no
//     indexed word: up to MaxCompletions completions, first the followers
//     of the previous word that start with it, then the word itself, then
//     the prefix entry's words; the k-th (from 0) has share
//     PrefixFactor/(k+1) (1/(k+1) for the word itself), so "đảng v" stands
//     for "vien" first and "phản bi" for "bien";
//   - for another word that is not indexed: the closest indexed words
//     (optimal string alignment on folded words, at most 1 edit up to 4
//     letters, else 2) among the followers of the previous word and the
//     prefix entries of its first one and two letters, at TypoFactor.
//
// A word's score in a document is the best share × impact of what it
// stands for. A word without marks scores the impact; a word with marks
// scores ExactlessFactor of it, plus the impact of its exact variant (of
// a variant starting with it, for a completion) where the document holds
// that, so that "bàn" ranks pages with "bàn" above pages with only "ban"
// or "bán", while "ban" finds them all alike. Each word joined to the one
// before (no clause punctuation between) adds PairWeight times the best
// impact of a pair of the previous word's first indexed word with one of
// its own, so that phrases rank above syllables apart. A number in the
// query adds NumberWeight × (1 + words of the query in the document's
// number entry) to the documents of its number entry.
//
// Function words (Stop, or a word without marks that folds like one)
// score but never keep a document out. A document matches fully when it
// holds every other word, or when a number names it whole (every other
// word that counts is in its number entry). The results are the full
// matches and, when they are fewer than Few, the documents matching at
// least one word; ordered: named by a number first, then full matches,
// then by the number of words matched, then by score, then newest first.
// With no results, the client suggests up to 3 queries that replace an
// unknown word with an indexed word one edit further than a correction
// may go (and under half the word away) and that find something, and
// lists the topics.
//
// The reference reader in reader_test.go and rank_test.go implements these
// rules in Go, and the browser tests check that the client gives the same
// answers, on every judged query of the sample portal.
//
// Index is safe for concurrent use.
package search
