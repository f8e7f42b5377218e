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

// TestLighthouse runs Lighthouse with its default mobile setting (a
// mid-range phone on a slow 4G line, simulated) on the home page and an
// article, in Debian's Chromium, and wants at least minScore in
// Performance, Accessibility, Best Practices and SEO. The JSON reports go
// to the screenshot folder.
func TestLighthouse(t *testing.T) {
	if testing.Short() {
		t.Skip("Lighthouse takes about 15 s a page; skipped with -short")
	}
	modules := tools(t)
	chrome := browsertest.Path(t)
	p := newPortal(t)
	dir := shots(t)
	for _, name := range []string{"home", "article"} {
		k := p.kind(name)
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(dir, "lighthouse-"+name+".json")
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "node", filepath.Join(modules, "lighthouse", "cli", "index.js"), p.Page(k.Path),
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
			var scores []string
			for _, c := range categories {
				cat := r.Categories[c]
				if cat.Score == nil {
					t.Errorf("%s: no score", c)
					continue
				}
				score := int(*cat.Score*100 + 0.5)
				scores = append(scores, c+" "+strconv.Itoa(score))
				if score < minScore {
					t.Errorf("%s: %d, want at least %d; failing audits: %s", cat.Title, score, minScore, failing(r, c))
				}
			}
			t.Logf("Lighthouse %s (%s): %s; report %s", name, k.Path, strings.Join(scores, ", "), file)
		})
	}
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
