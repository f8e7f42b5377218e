package build

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/vntext"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testNow is the clock of every test build.
var testNow = time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)

// buildTxtar builds the site held in a txtar archive (files under content/,
// optionally layouts/ and static/) with the repository theme.
func buildTxtar(t *testing.T, ar *txtar.Archive, baseURL string) (*Result, map[string][]byte, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	mem := output.NewMemory()
	res, err := Build(context.Background(), Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: baseURL, Now: testNow}, mem)
	return res, mem.Files(), err
}

// TestGolden builds each site of testdata/golden/*.txtar and compares the
// pages it names in its "want/" files with the output. With -update, the
// want files are rewritten from the output: every HTML page and feed.
func TestGolden(t *testing.T) {
	names, _ := filepath.Glob("testdata/golden/*.txtar")
	if len(names) == 0 {
		t.Fatal("no golden files")
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			var inputs []txtar.File
			want := map[string]string{}
			for _, f := range ar.Files {
				if rest, ok := strings.CutPrefix(f.Name, "want/"); ok {
					want[rest] = string(f.Data)
				} else {
					inputs = append(inputs, f)
				}
			}
			_, files, err := buildTxtar(t, &txtar.Archive{Files: inputs}, "https://example.org/portal/")
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				ar.Files = inputs
				var outs []string
				for n := range files {
					if strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".xml") || n == "robots.txt" {
						outs = append(outs, n)
					}
				}
				slices.Sort(outs)
				for _, n := range outs {
					ar.Files = append(ar.Files, txtar.File{Name: "want/" + n, Data: append(readable(files[n]), '\n')})
				}
				if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for n, w := range want {
				got, ok := files[n]
				if !ok {
					t.Errorf("%s: not built", n)
					continue
				}
				if g := string(readable(got)) + "\n"; g != w {
					t.Errorf("%s differs from the golden file (run go test ./internal/build -run TestGolden -update and review the diff)\ngot:\n%s\nwant:\n%s", n, g, w)
				}
			}
		})
	}
}

// readable breaks minified output before each tag that starts a block, so
// that golden diffs point at a line.
func readable(b []byte) []byte {
	return blockTag.ReplaceAll(b, []byte("\n$0"))
}

var blockTag = regexp.MustCompile(`<(?:h[1-6]|p|li|ul|ol|section|article|header|footer|nav|main|div|table|tr|meta|link|script|item|url|form|figure|time datetime)[ >]`)
