package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// testDocs is a small corpus with known answers, newest first. The URL
// names what each document is there for.
func testDocs() []*doc {
	day := func(n int) time.Time { return time.Date(2026, 11, 20-n, 8, 0, 0, 0, time.UTC) }
	mk := func(n int, url, title, meta, body string) *doc {
		return &doc{url: url, title: title, kind: "Bài viết", summary: meta, sortDate: day(n),
			text: [numFields]string{fieldTitle: title, fieldSummary: meta, fieldBody: body}}
	}
	return []*doc{
		mk(0, "/giam-sat/", "Giám sát và phản biện xã hội", "Mặt trận giám sát chính quyền.", "Nội dung giám sát, phản biện của Mặt trận Tổ quốc."),
		mk(1, "/ban-bac/", "Bàn bạc dân chủ", "Nhân dân bàn và quyết định.", "Dân biết, dân bàn, dân làm, dân kiểm tra."),
		mk(2, "/uy-ban/", "Ủy ban nhân dân xã", "Ban hành kế hoạch.", "Ủy ban phối hợp với Ban Thanh tra nhân dân."),
		mk(3, "/ban-hang/", "Hợp tác xã bán hàng", "Bán nông sản.", "Người dân bán lúa gạo cho hợp tác xã. Ban quản lý chợ."),
		mk(4, "/duong/", "Đường giao thông nông thôn", "Làm đường bê tông.", "Ðường làng được mở rộng; ĐƯỜNG liên xã."),
		mk(5, "/nfd/", norm.NFD.String("Hội nghị phản biện"), "", norm.NFD.String("Hội nghị lấy ý kiến phản biện xã hội về dự thảo.")),
		mk(6, "/rai-rac/", "Hội nghị tổng kết", "Biện pháp và phản ánh của xã viên.",
			"Phản ánh của nhân dân. Biện pháp khắc phục. Xã viên hợp tác xã. Hội nghị tổng kết. Phản hồi, biện luận, xã giao, hội họp."),
		mk(7, "/cum-tu/", "Sinh hoạt chi bộ", "Chi bộ sinh hoạt định kỳ.", "Chi bộ bàn về phản biện xã hội trong sinh hoạt."),
		mk(8, "/so-hieu/", "Chỉ thị số 18-CT/TW", "18-CT/TW", "Ban Bí thư ban hành Chỉ thị 18-CT/TW về giám sát."),
		mk(9, "/bieu-duong/", "Biểu dương người tốt", "Biểu dương.", "Biểu dương, tuyên dương người tốt việc tốt."),
		mk(10, "/con-duong/", "Tin ngắn", "", "Con đường làng."),
	}
}

func buildTest(t *testing.T, c Config) (map[string][]byte, *Reader) {
	t.Helper()
	files, err := c.withDefaults().build(testDocs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(files)
	if err != nil {
		t.Fatal(err)
	}
	return files, r
}

// urls returns the URLs of the results of q.
func urls(t *testing.T, r *Reader, q string, typing bool) []string {
	t.Helper()
	res, err := r.Search(q, typing)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	var out []string
	for _, d := range res.Docs {
		rec, err := r.Doc(d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rec[0])
	}
	return out
}

func TestSearch(t *testing.T) {
	tests := []struct {
		q      string
		typing bool
		want   []string // the results, in order; "…" ends a list that may go on
	}{
		{q: "giám sát", want: []string{"/giam-sat/", "/so-hieu/"}},
		{q: "giam sat", want: []string{"/giam-sat/", "/so-hieu/"}},
		{q: "GIÁM SÁT", want: []string{"/giam-sat/", "/so-hieu/"}},
		{q: norm.NFD.String("giám sát"), want: []string{"/giam-sat/", "/so-hieu/"}},
		// Exact marks first: "bàn" before "ban" (Ban, Ủy ban) and "bán".
		{q: "bàn", want: []string{"/ban-bac/", "/cum-tu/", "…"}},
		{q: "bán", want: []string{"/ban-hang/", "…"}},
		{q: "ban", want: []string{"…"}},
		// đ, Đ and the look-alike Ð all fold to d; the exact form first,
		// even against "dương" in a title.
		{q: "duong", want: []string{"/bieu-duong/", "/duong/", "/con-duong/"}},
		{q: "đường", want: []string{"/duong/", "/con-duong/", "/bieu-duong/"}},
		{q: "ÐƯỜNG", want: []string{"/duong/", "/con-duong/", "/bieu-duong/"}},
		{q: "dương", want: []string{"/bieu-duong/", "/duong/", "/con-duong/"}},
		// NFD text is found by NFC queries.
		{q: "hội nghị phản biện", want: []string{"/nfd/", "/rai-rac/", "…"}},
		// The phrase ranks above the same syllables far apart.
		{q: "phản biện xã hội", want: []string{"/giam-sat/", "/nfd/", "/cum-tu/", "/rai-rac/", "…"}},
		{q: "phan bien xa hoi", want: []string{"/giam-sat/", "/nfd/", "/cum-tu/", "/rai-rac/", "…"}},
		// Document numbers.
		{q: "18-CT/TW", want: []string{"/so-hieu/"}},
		{q: "ct tw 18", want: []string{"/so-hieu/"}},
		// Typing: the last word is a prefix.
		{q: "giám s", typing: true, want: []string{"/giam-sat/", "/so-hieu/", "…"}},
		// Submitted, a last word that is no word is completed too.
		{q: "giám s", typing: false, want: []string{"/giam-sat/", "/so-hieu/", "…"}},
		{q: "đườ", typing: true, want: []string{"/duong/", "/con-duong/", "/bieu-duong/"}},
		{q: "giám sát ", typing: true, want: []string{"/giam-sat/", "/so-hieu/"}},
		// Nothing to find.
		{q: "", want: nil},
		{q: "   ,.;  ", want: nil},
		{q: "xyzzy", want: nil},
		{q: "<script>alert(1)</script>", want: nil},
		{q: `<b onclick="x">giám sát</b>`, want: []string{"/giam-sat/", "…"}},
		{q: "giám sát " + strings.Repeat("nội dung ", 120), want: []string{"/giam-sat/", "…"}},
	}
	_, r := buildTest(t, Config{})
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := urls(t, r, tt.q, tt.typing)
			if n := len(tt.want); n > 0 && tt.want[n-1] == "…" {
				if len(got) < n-1 {
					t.Fatalf("got %q, want at least %q", got, tt.want)
				}
				got = got[:n-1]
				tt.want = tt.want[:n-1]
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSearchVariants checks that a query without marks finds every
// variant, and one with marks ranks its own variant first.
func TestSearchVariants(t *testing.T) {
	_, r := buildTest(t, Config{})
	ban := urls(t, r, "ban", false)
	for _, u := range []string{"/ban-bac/", "/uy-ban/", "/ban-hang/", "/cum-tu/", "/so-hieu/"} {
		if !slices.Contains(ban, u) {
			t.Errorf("ban: %s missing from %q", u, ban)
		}
	}
	bàn := urls(t, r, "bàn", false)
	if !slices.Equal(sorted(ban), sorted(bàn)) {
		t.Errorf("bàn finds %q, ban finds %q: want the same documents", bàn, ban)
	}
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

// TestSmallTop forces every term past Config.Top, so that rankings come
// from the top lists, the sets and the rest impacts.
func TestSmallTop(t *testing.T) {
	_, r := buildTest(t, Config{Top: 1})
	if res, _ := r.Search("phản biện xã hội", false); res.Full != 4 || res.Docs[0] != 0 {
		t.Errorf("phản biện xã hội: got %+v, want 4 full matches, /giam-sat/ first", res)
	}
	if got := urls(t, r, "ban", false); len(got) != 5 {
		t.Errorf("ban: got %q, want 5 documents", got)
	}
	if got := urls(t, r, "đường", false); !slices.Equal(got, []string{"/duong/", "/con-duong/", "/bieu-duong/"}) {
		t.Errorf("đường: got %q", got)
	}
}

// TestQueryReads checks that a query reads the manifest, the shards of
// its keys and nothing else.
func TestQueryReads(t *testing.T) {
	_, r := buildTest(t, Config{ShardBytes: 64})
	r.Read = nil
	if _, err := r.Search("", false); err != nil {
		t.Fatal(err)
	}
	if len(r.Read) != 0 {
		t.Errorf("empty query read %q", r.Read)
	}
	if _, err := r.Search("giám sát "+strings.Repeat("a b c d e f g h i j k ", 100), false); err != nil {
		t.Fatal(err)
	}
	// Each of the first 10 words reads at most its entry, three word lists
	// to correct it and its pair with the word before.
	if n := len(r.Read); n > 5*MaxQueryWords {
		t.Errorf("a long query read %d files, want at most %d", n, 5*MaxQueryWords)
	}
}

func TestFiles(t *testing.T) {
	files, r := buildTest(t, Config{ShardBytes: 256})
	again, _ := buildTest(t, Config{ShardBytes: 256})
	if !maps.EqualFunc(files, again, bytes.Equal) {
		t.Error("two builds of the same docs differ")
	}
	// Postings appended in many small batches give the same files.
	defer func(b int) { batch = b }(batch)
	batch = 3
	if small, _ := buildTest(t, Config{ShardBytes: 256}); !maps.EqualFunc(files, small, bytes.Equal) {
		t.Error("small batches give other files")
	}
	if r.M.Shards < 2 {
		t.Errorf("%d shards, want several", r.M.Shards)
	}
	for name, data := range files {
		if !strings.HasPrefix(name, Dir) {
			t.Errorf("%s is outside %s", name, Dir)
		}
		if !json.Valid(data) {
			t.Errorf("%s is not JSON", name)
		}
		if bytes.ContainsAny(data, "<>&\n") {
			t.Errorf("%s holds <, >, & or a line break", name)
		}
		var compact bytes.Buffer
		json.Compact(&compact, data)
		if !bytes.Equal(compact.Bytes(), data) {
			t.Errorf("%s is not minified", name)
		}
	}
	// Every key sits in its own shard.
	for name, data := range files {
		var n int
		if _, err := fmt.Sscanf(name, Dir+r.M.ID+"/t/%d.json", &n); err != nil {
			continue
		}
		var sh map[string]json.RawMessage
		json.Unmarshal(data, &sh)
		for key := range sh {
			if got := Shard(key, r.M.Shards); got != n {
				t.Errorf("%s: key %q belongs in shard %d", name, key, got)
			}
		}
	}
	if m := files[Dir+"manifest.json"]; len(m) > 400 {
		t.Errorf("manifest is %d bytes: %s", len(m), m)
	}
}

func TestEntryLayout(t *testing.T) {
	_, r := buildTest(t, Config{})
	raw, _ := r.Lookup("ban")
	var e rawEntry
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(e.V)); !slices.Equal(got, []string{"ban", "bàn", "bán"}) {
		t.Errorf("variants of ban: %q", got)
	}
	for _, key := range []string{"phan bien", "xa hoi", "giam sat", "gi*", "d*", "duong"} {
		if raw, _ := r.Lookup(key); raw == nil {
			t.Errorf("no entry %q", key)
		}
	}
	// Pairs stop at clause punctuation: "dân biết, dân bàn".
	if raw, _ := r.Lookup("biet dan"); raw != nil {
		t.Errorf("pair across a comma: %s", raw)
	}
	raw, _ = r.Lookup("d*")
	var comp []string
	json.Unmarshal(raw, &comp)
	if len(comp) == 0 || len(comp) > Config.withDefaults(Config{}).Completions || comp[0] != "dan" {
		t.Errorf("d*: %q, want the most frequent first", comp)
	}
}

func TestEncodings(t *testing.T) {
	for _, docs := range [][]int32{{0}, {5}, {0, 1, 2, 3, 4, 5, 6}, {3, 40, 41, 1000, 1030}, {63, 64, 2047}} {
		set := string(appendSet(nil, docs))
		if got := decodeSet(set); !slices.Equal(got, docs) {
			t.Errorf("set %v encodes as %q, decodes as %v", docs, set, got)
		}
	}
	for _, n := range []uint32{0, 1, 31, 32, 1023, 1024, 1<<31 + 5} {
		s := string(appendVarint(nil, n))
		if got, rest := decodeVarint(s + "x"); got != n || rest != "x" {
			t.Errorf("varint %d encodes as %q, decodes as %d", n, s, got)
		}
	}
	if got := string(appendString(nil, "a\"<b>&\\\n\u2028\xff")); got != `"a\"\u003cb\u003e\u0026\\\u000a\u2028\ufffd"` {
		t.Errorf("appendString: %s", got)
	}
}

func TestCut(t *testing.T) {
	if got := cut("một hai ba bốn", 9); got != "một hai…" {
		t.Errorf("cut = %q", got)
	}
	if got := cut("ngắn", 10); got != "ngắn" {
		t.Errorf("cut = %q", got)
	}
}

func TestTitleLead(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Hội nghị đối thoại giữa người đứng đầu và nhân dân được tổ chức khi nào?", "hội nghị đối thoại"},
		{"Xã Hướng Hóa: phát huy hội nghị đối thoại", "xã hướng hóa"},
		{"Giám sát, phản biện", "giám sát"},
		{"Tin", "tin"},
		{"", ""},
	} {
		if got := titleLead(c.title); got != c.want {
			t.Errorf("titleLead(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// TestTitleHead ranks the page whose title starts with the query above
// one whose title ends with it, though the latter is newer and its title
// shorter: a Vietnamese title's head is what it is about.
func TestTitleHead(t *testing.T) {
	day := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	mk := func(url, title, body string) *doc {
		return &doc{url: url, title: title, kind: "Bài viết", sortDate: day,
			text: [numFields]string{fieldTitle: title, fieldLead: titleLead(title), fieldBody: body}}
	}
	docs := []*doc{
		mk("/nang-cao/", "Nâng cao hiệu quả hội nghị đối thoại", "Cấp ủy tổ chức hội nghị đối thoại với nhân dân."),
		mk("/hoi-dap/", "Hội nghị đối thoại với nhân dân được tổ chức khi nào?", "Cấp ủy tổ chức hội nghị đối thoại với nhân dân."),
	}
	files, err := Config{}.withDefaults().build(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(files)
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(t, r, "hội nghị đối thoại", false); !slices.Equal(got, []string{"/hoi-dap/", "/nang-cao/"}) {
		t.Errorf("hội nghị đối thoại: %v, want the page about it first", got)
	}
}
