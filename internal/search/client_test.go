package search_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/loa-vn/loa/internal/browsertest"
	"github.com/loa-vn/loa/internal/output"
)

// clientBudget is the most search.js may weigh minified and gzipped: the
// 3,612 bytes of the client before issue 17 (ranking) plus the 4 KB (4,096
// bytes) of growth the issue allows.
const clientBudget = 3612 + 4096

// TestClient checks the budget and the safety rules of static/js/search.js:
// at most clientBudget bytes minified and gzipped, and nothing that a
// strict CSP forbids or that could turn index text into markup.
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
	if gz > clientBudget {
		t.Errorf("search.js is %d bytes minified and gzipped, over the budget of %d", gz, clientBudget)
	}
	forbidden := regexp.MustCompile(`\beval\b|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|WebAssembly|setTimeout\("|\.style\b|setAttribute\("style`)
	if m := forbidden.Find(src); m != nil {
		t.Errorf("search.js uses %s", m)
	}
}
