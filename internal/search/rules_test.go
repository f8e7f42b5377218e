package search_test

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/loa-vn/loa/internal/search"
)

var sampleIndex = sync.OnceValues(func() (map[string][]byte, error) {
	return search.Index(buildModel(&testing.T{}, os.DirFS("../..")))
})

// sampleReader returns a fresh reader of the sample portal's index.
func sampleReader(t *testing.T) *search.Reader {
	t.Helper()
	files, err := sampleIndex()
	if err != nil {
		t.Fatal(err)
	}
	r, err := search.NewReader(files)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// answer runs q on the sample portal and returns the results' URLs.
func sampleSearch(t *testing.T, q string, typing bool) (*search.Results, []string) {
	t.Helper()
	r := sampleReader(t)
	res, err := r.Search(q, typing)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, d := range res.Docs {
		rec, err := r.Doc(d)
		if err != nil {
			t.Fatal(err)
		}
		urls = append(urls, rec[0])
	}
	return res, urls
}

// TestNumbers checks that a document number, in any form the doc-number
// extension recognises, with or without marks, puts the document first.
func TestNumbers(t *testing.T) {
	const ct18, qd217, luat97 = "/van-ban/chi-thi-so-18-ct-tw/", "/van-ban/quyet-dinh-so-217-qd-tw/", "/van-ban/luat-so-97-2025-qh15/"
	for q, want := range map[string]string{
		"18-CT/TW": ct18, "18 - CT/TW": ct18, "18 ct tw": ct18, "chỉ thị 18": ct18, "chi thi 18": ct18, "Chỉ thị số 18-CT/TW": ct18,
		"217-QĐ/TW": qd217, "217-QÐ/TW": qd217, "quyết định 217": qd217, "quyet dinh 217": qd217, "qd 217": qd217, "QĐ 217": qd217,
		"97/2025/QH15": luat97, "luật 97": luat97,
	} {
		if _, urls := sampleSearch(t, q, false); len(urls) == 0 || urls[0] != want {
			t.Errorf("%q: first %q, want %s", q, urls[:min(3, len(urls))], want)
		}
	}
}

// TestSoftAnd checks that pages matching every word come first, then the
// others by how many words they match, and that function words never
// keep a page out.
func TestSoftAnd(t *testing.T) {
	// The Q&A item lacks "bị", a function word: it is a full match.
	res, urls := sampleSearch(t, "đảng viên có bị giám sát không", false)
	if i := slices.Index(urls, "/hoi-dap/mat-tran-co-giam-sat-dao-duc-loi-song-cua-can-bo-dang-vien-khong/"); i < 0 || i >= res.Full {
		t.Errorf("đảng viên có bị giám sát không: the Q&A item is at %d of %d full matches: %q", i, res.Full, urls[:min(5, len(urls))])
	}
	// The dialogue news lacks "hội nghị": it follows the full matches.
	res, urls = sampleSearch(t, "hội nghị đối thoại", false)
	i := slices.Index(urls, "/tin-don-vi/ubnd/doi-thoai-voi-nhan-dan-ve-cong-trinh-dan-sinh/")
	if res.Full >= search.Few || i < res.Full {
		t.Errorf("hội nghị đối thoại: dialogue news at %d, %d full matches of %d", i, res.Full, len(urls))
	}
	// Partial matches are ordered by the number of words they match.
	r := sampleReader(t)
	res, _ = sampleSearch(t, "trù dập cản trở xuyên tạc", false)
	if res.Full >= search.Few || len(res.Docs) < res.Full+3 {
		t.Fatalf("trù dập cản trở xuyên tạc: %d full matches of %d, want a few and partial matches", res.Full, len(res.Docs))
	}
	prev := 99
	for _, d := range res.Docs[res.Full:] {
		n := 0
		for _, w := range []string{"tru", "dap", "can", "tro", "xuyen", "tac"} {
			if e, _ := r.Entry(w); e != nil {
				if _, ok := e.Impact[d]; ok {
					n++
				}
			}
		}
		if n > prev {
			t.Errorf("document %d matches %d words, after one that matches %d", d, n, prev)
		}
		prev = n
	}
}

// TestPrefixInContext checks that the word being typed stands for the
// completions that follow the word before it, and that a submitted query
// whose last word is no word is completed.
func TestPrefixInContext(t *testing.T) {
	for _, tt := range []struct {
		q      string
		typing bool
		want   string // the first completion of the last word
		first  string // the first result
	}{
		{"đảng v", true, "vien", ""},
		{"phản bi", true, "bien", ""},
		{"mặt tr", true, "tran", ""},
		{"kiến ng", true, "nghi", ""},
		{"kien ngh", false, "nghi", "/kien-nghi-"},
		{"trù d", true, "dap", "/hoi-dap/phan-anh-sai-pham-cua-can-bo-co-bi-tru-dap-khong/"},
	} {
		res, urls := sampleSearch(t, tt.q, tt.typing)
		alts := res.Alts[len(res.Alts)-1]
		if len(alts) == 0 || alts[0] != tt.want {
			t.Errorf("%q: the last word stands for %q, want %q first", tt.q, alts, tt.want)
		}
		if len(urls) == 0 || !strings.Contains(urls[0], tt.first) {
			t.Errorf("%q: first %q, want %s", tt.q, urls[:min(1, len(urls))], tt.first)
		}
	}
}

// TestZeroResults checks the suggestions when nothing matches: close
// queries that find something, or none when nothing is close.
func TestZeroResults(t *testing.T) {
	res, _ := sampleSearch(t, "giamsat", false)
	if len(res.Docs) != 0 || len(res.Suggest) == 0 {
		t.Fatalf("giamsat: %d results, suggestions %q; want none and some", len(res.Docs), res.Suggest)
	}
	for _, s := range res.Suggest {
		if r, _ := sampleSearch(t, s, false); len(r.Docs) == 0 {
			t.Errorf("giamsat: the suggestion %q finds nothing", s)
		}
	}
	if res, _ := sampleSearch(t, "xyzzy qwrtp", false); len(res.Docs) != 0 || len(res.Suggest) != 0 {
		t.Errorf("xyzzy qwrtp: %d results, suggestions %q; want none", len(res.Docs), res.Suggest)
	}
	// A typo close enough is corrected in place.
	if res, urls := sampleSearch(t, "trù dapp", false); len(urls) == 0 || urls[0] != "/hoi-dap/phan-anh-sai-pham-cua-can-bo-co-bi-tru-dap-khong/" || len(res.Fixes) == 0 {
		t.Errorf("trù dapp: %q, fixes %q", urls[:min(1, len(urls))], res.Fixes)
	}
}
