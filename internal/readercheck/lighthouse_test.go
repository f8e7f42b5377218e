package readercheck

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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
	quiet := time.Now().Add(maxQuietWait)
	for _, name := range []string{"home", "article", "document", "qa-index", "ask"} {
		k := p.kind(name)
		t.Run(name, func(t *testing.T) {
			scores := map[string][]int{}    // category → score of each run
			audits := map[string][]string{} // category → failing audits of each failing run
			for run := 1; run <= runs && !decided(scores); run++ {
				waitForQuietCPU(t, quiet)
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

// maxQuietWait bounds how long TestLighthouse waits, in all, for other
// work to leave the CPU (waitForQuietCPU).
const maxQuietWait = 4 * time.Minute

// waitForQuietCPU waits, until deadline at most, while the machine's
// CPUs are more than half busy. Lighthouse's performance score simulates
// a phone from the main-thread time it observes, so a run beside another
// test package (go test ./... runs two at once on two cores) measures
// that package as much as the page: a CI run scored the home page 84, 66
// and 94, where the quiet machine gives 98 to 100. The scores' floor is
// not lowered; the runs wait for the machine to measure the page. Where
// /proc/stat cannot be read it does not wait.
func waitForQuietCPU(t *testing.T, deadline time.Time) {
	t.Helper()
	start := time.Now()
	for {
		busy, ok := cpuBusy(time.Second)
		if !ok || busy <= 0.5 {
			break
		}
		if time.Now().After(deadline) {
			t.Logf("the CPUs are still %.0f%% busy; running Lighthouse anyway", busy*100)
			break
		}
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Logf("waited %s for the CPUs to be quiet", waited.Round(time.Second))
	}
}

// cpuBusy returns the share of the time all CPUs were busy during d, from
// /proc/stat.
func cpuBusy(d time.Duration) (float64, bool) {
	busy0, total0, ok := cpuTimes()
	if !ok {
		return 0, false
	}
	time.Sleep(d)
	busy1, total1, ok := cpuTimes()
	if !ok || total1 <= total0 {
		return 0, false
	}
	return float64(busy1-busy0) / float64(total1-total0), true
}

// cpuTimes returns the busy and total jiffies of all CPUs (the first line
// of /proc/stat: user nice system idle iowait irq softirq steal).
func cpuTimes() (busy, total uint64, ok bool) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0, false
	}
	line, _, _ := strings.Cut(string(data), "\n")
	fields := strings.Fields(line)
	if len(fields) < 5 || fields[0] != "cpu" {
		return 0, 0, false
	}
	for i, f := range fields[1:min(len(fields), 9)] { // guest time is in user already
		n, err := strconv.ParseUint(f, 10, 64)
		if err != nil {
			return 0, 0, false
		}
		total += n
		if i != 3 && i != 4 { // idle and iowait
			busy += n
		}
	}
	return busy, total, true
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

// TestCPUBusy checks the CPU measure waitForQuietCPU uses: on Linux it
// reads /proc/stat and sees a busy loop on every CPU.
func TestCPUBusy(t *testing.T) {
	if _, err := os.Stat("/proc/stat"); err != nil {
		t.Skip("no /proc/stat on this system")
	}
	stop := make(chan struct{})
	for range runtime.NumCPU() {
		go func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
			}
		}()
	}
	busy, ok := cpuBusy(500 * time.Millisecond)
	close(stop)
	if !ok || busy < 0.7 || busy > 1 {
		t.Errorf("with every CPU spinning, cpuBusy = %.2f, %v; want at least 0.7", busy, ok)
	}
}
