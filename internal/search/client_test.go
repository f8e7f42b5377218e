package search_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/output"
)

// TestClient checks the budget and the safety rules of static/js/search.js:
// at most 8 KB minified and gzipped, and nothing that a strict CSP forbids
// or that could turn index text into markup.
func TestClient(t *testing.T) {
	src, err := os.ReadFile("../../static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	min, err := output.NewMinifier().Bytes("search.js", src)
	if err != nil {
		t.Fatal(err)
	}
	gz := len(browsertest.Gzip(min))
	t.Logf("search.js: %d bytes, %d minified, %d minified and gzipped", len(src), len(min), gz)
	if gz > 8<<10 {
		t.Errorf("search.js is %d bytes minified and gzipped, over the 8 KB budget", gz)
	}
	forbidden := regexp.MustCompile(`\beval\b|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|WebAssembly|setTimeout\("|\.style\b|setAttribute\("style`)
	if m := forbidden.Find(src); m != nil {
		t.Errorf("search.js uses %s", m)
	}
}
