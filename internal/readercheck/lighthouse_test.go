package readercheck

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/browsertest"
)

// minScore is the least Lighthouse score, out of 100, that each category
// must reach.
const minScore = 95

// categories are the Lighthouse categories checked.
var categories = []string{"performance", "accessibility", "best-practices", "seo"}

// lighthouseReport is the part of a Lighthouse JSON report the test reads.
type lighthouseReport struct {
	RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
	Categories   map[string]struct {
		Title     string
		Score     *float64
		AuditRefs []struct{ ID string } `json:"auditRefs"`
	}
	Audits map[string]struct {
		Title        string
		Score        *float64
		DisplayValue string `json:"displayValue"`
	}
}

// runs is how many Lighthouse runs decide a page's scores: the median of
// five, as Lighthouse's own guidance on variability advises. Its
// performance score moves by several points from run to run when other
// test packages share the CPU (a CI run once scored an article 89, 98
// and 93); runs stop as soon as the median's side is fixed.
const runs = 5

// TestLighthouse runs Lighthouse with its default mobile setting (a
// mid-range phone on a slow 4G line, simulated) on the home page, an
// article, a document, the Q&A index and the question form, in Debian's Chromium, and wants a median of at least minScore
// in Performance, Accessibility, Best Practices and SEO. Runs stop as soon as a
// majority of passes (or failures) fixes the median's side. The JSON reports
// go to the screenshot folder.
func TestLighthouse(t *testing.T) {
	if testing.Short() {
		t.Skip("Lighthouse takes about 15 s a page; skipped with -short")
	}
	modules := tools(t)
	chrome := browsertest.Path(t)
	p := newPortal(t)
	dir := shots(t)
	for _, name := range []string{"home", "article", "document", "qa-index", "ask"} {
		k := p.kind(name)
		t.Run(name, func(t *testing.T) {
			scores := map[string][]int{}    // category → score of each run
			audits := map[string][]string{} // category → failing audits of each failing run
			for run := 1; run <= runs && !decided(scores); run++ {
				file := filepath.Join(dir, "lighthouse-"+name+"-"+strconv.Itoa(run)+".json")
				r := lighthouse(t, modules, chrome, p.Page(k.Path), file)
				for _, c := range categories {
					cat := r.Categories[c]
					if cat.Score == nil {
						t.Fatalf("%s: %s: no score", file, c)
					}
					score := int(*cat.Score*100 + 0.5)
					scores[c] = append(scores[c], score)
					if score < minScore {
						audits[c] = append(audits[c], "run "+strconv.Itoa(run)+": "+failing(r, c))
					}
				}
			}
			var summary []string
			for _, c := range categories {
				summary = append(summary, c+" "+joinInts(scores[c]))
				if !passes(scores[c]) {
					t.Errorf("%s: runs scored %s, want a median of at least %d; failing audits: %s",
						c, joinInts(scores[c]), minScore, strings.Join(audits[c], "; "))
				}
			}
			t.Logf("Lighthouse %s (%s): %s; reports in %s", name, k.Path, strings.Join(summary, ", "), dir)
		})
	}
}

// lighthouse runs Lighthouse once on url and returns its report, saved
// as file.
func lighthouse(t *testing.T, modules, chrome, url, file string) lighthouseReport {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join(modules, "lighthouse", "cli", "index.js"), url,
		"--output=json", "--output-path="+file, "--quiet",
		"--only-categories="+strings.Join(categories, ","),
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="+t.TempDir())
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lighthouse: %v\n%s", err, out)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var r lighthouseReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		t.Fatalf("lighthouse: %s: %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	return r
}

// passes reports whether the median of scores is at least minScore, that
// is, whether more than half of them are.
func passes(scores []int) bool { return 2*passCount(scores) > len(scores) }

// decided reports whether every category's median over runs is already
// on one side of minScore, whatever the remaining runs score.
func decided(scores map[string][]int) bool {
	for _, c := range categories {
		pass := passCount(scores[c])
		if 2*pass <= runs && 2*(len(scores[c])-pass) <= runs {
			return false
		}
	}
	return true
}

// passCount counts the scores of at least minScore.
func passCount(scores []int) int {
	n := 0
	for _, s := range scores {
		if s >= minScore {
			n++
		}
	}
	return n
}

// joinInts writes scores as "93/100/98".
func joinInts(scores []int) string {
	s := make([]string, len(scores))
	for i, v := range scores {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, "/")
}

// failing lists the audits of the category c that scored under 1.
func failing(r lighthouseReport, c string) string {
	var out []string
	for _, ref := range r.Categories[c].AuditRefs {
		a := r.Audits[ref.ID]
		if a.Score != nil && *a.Score < 1 {
			s := ref.ID + " (" + strconv.Itoa(int(*a.Score*100)) + ")"
			if a.DisplayValue != "" {
				s += " " + a.DisplayValue
			}
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func TestMedianVerdict(t *testing.T) {
	all := func(s ...int) map[string][]int {
		m := map[string][]int{}
		for _, c := range categories {
			m[c] = s
		}
		return m
	}
	tests := []struct {
		scores        []int
		decided, pass bool
	}{
		{nil, false, false},
		{[]int{100}, false, true},
		{[]int{100, 96}, false, true},
		{[]int{100, 96, 97}, true, true},
		{[]int{93, 90, 92}, true, false},
		{[]int{93, 100}, false, false},
		{[]int{93, 100, 95}, false, true},
		{[]int{93, 100, 95, 96}, true, true},
		{[]int{93, 100, 94, 90}, true, false},
		{[]int{89, 98, 93, 96, 97}, true, true},
		{[]int{89, 98, 93, 96, 94}, true, false},
	}
	for _, tt := range tests {
		if got := decided(all(tt.scores...)); got != tt.decided {
			t.Errorf("decided(%v) = %v, want %v", tt.scores, got, tt.decided)
		}
		if tt.decided {
			if got := passes(tt.scores); got != tt.pass {
				t.Errorf("passes(%v) = %v, want %v", tt.scores, got, tt.pass)
			}
		}
	}
}
