package loa

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowed lists, for each internal package, the internal packages it may
// import. Imports flow one way: cmd → serve → build → the rest → diag, vntext.
var allowed = map[string][]string{
	"assets":      {"content", "diag", "images", "i18n"},
	"browsertest": {"build", "output", "search", "site", "vntext"},
	"build":       {"assets", "card", "cms", "content", "diag", "feed", "images", "markdown", "output", "par", "render", "search", "site", "vntext", "i18n"},
	"card":        {},
	"images":      {},
	"content":     {"diag", "par", "vntext", "i18n"},
	"diag":        {"i18n"},
	"feed":        {"site", "content", "vntext"},
	"markdown":    {"diag", "vntext"},
	"output":      {"par", "i18n"},
	"par":         {},
	"readercheck": {"browsertest", "build", "content", "output", "site"},
	"render":      {"site", "content", "diag", "markdown", "vntext"},
	"search":      {"site", "content", "markdown", "par", "vntext"},
	"serve":       {"build", "cms", "output", "diag", "content", "i18n"},
	"cms":         {"content", "i18n"},
	"site":        {"content", "markdown", "diag", "vntext", "i18n"},
	"vntext":      {},
	"i18n":        {},
	"gitdate":     {},
	"bench":       {"vntext", "build", "output", "content", "par"},
}

func TestImportsFlowOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./internal/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const prefix = "github.com/loa-vn/loa/internal/"
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], prefix)
		top := strings.Split(pkg, "/")[0]
		ok, known := allowed[top]
		if !known {
			t.Errorf("internal/%s is not in the import rules of deps_test.go", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			if !strings.HasPrefix(imp, prefix) {
				continue
			}
			dep := strings.Split(strings.TrimPrefix(imp, prefix), "/")[0]
			if dep != top && !slices.Contains(ok, dep) {
				t.Errorf("internal/%s imports internal/%s, against the one-way rule", pkg, dep)
			}
		}
	}
}
