package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/loa-vn/loa/internal/output"
)

// The rebuild benchmarks measure loa serve's incremental rebuilds on the
// site in $LOA_BENCH_SITE (for example a corpus made by
// go run ./internal/bench/corpus) or, without it, on a copy of the
// repository's sample portal.

// benchEdits builds the benchmark site as loa serve holds it, then times
// b.N rebuilds, each after edit rewrote the file rel (a slash path from the
// site root; the theme's file of that name when the site has none). It
// returns the pages rendered by the last rebuild.
func benchEdits(b *testing.B, rel string, edit func(i int, original []byte) []byte) int {
	dir := os.Getenv("LOA_BENCH_SITE")
	if dir == "" {
		dir = b.TempDir()
		if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
			b.Fatal(err)
		}
	}
	file := filepath.Join(dir, filepath.FromSlash(rel))
	original, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		original, err = os.ReadFile(filepath.Join("../..", filepath.FromSlash(rel)))
		b.Cleanup(func() { os.Remove(file) })
	} else {
		b.Cleanup(func() { os.WriteFile(file, original, 0o644) })
	}
	if err != nil {
		b.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(file), 0o755)
	bl := NewBuilder(Config{Site: os.DirFS(dir), Theme: os.DirFS("../.."), Now: testNow, Dev: true, DeferSearch: true})
	mem := output.NewMemory()
	if _, err := bl.Build(context.Background(), mem); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var res *Result
	for i := range b.N {
		if err := os.WriteFile(file, edit(i, original), 0o644); err != nil {
			b.Fatal(err)
		}
		if res, err = bl.Rebuild(context.Background(), []string{rel}, mem); err != nil {
			b.Fatal(err)
		}
	}
	if testing.Verbose() {
		b.Logf("phases of the last rebuild: %v", res.Phases)
	}
	return res.Rendered
}

// appendText adds a line to a file's text.
func appendText(format string) func(int, []byte) []byte {
	return func(i int, original []byte) []byte {
		return fmt.Appendf(bytes.Clone(original), format, i)
	}
}

// BenchmarkRebuildOneArticle measures an edit of one article's text.
func BenchmarkRebuildOneArticle(b *testing.B) {
	rendered := benchEdits(b, benchArticle(b), appendText("\nĐoạn sửa số %d.\n"))
	b.ReportMetric(float64(rendered), "pages/op")
}

// BenchmarkRebuildTitle measures an edit of one article's title: the
// model is kept, and only the lists holding the article are sorted again.
func BenchmarkRebuildTitle(b *testing.B) {
	rendered := benchEdits(b, benchArticle(b), func(i int, original []byte) []byte {
		return bytes.Replace(original, []byte("title: \""), fmt.Appendf(nil, "title: \"Sửa %d ", i), 1)
	})
	b.ReportMetric(float64(rendered), "pages/op")
}

// benchArticle returns the first article of the benchmark site.
func benchArticle(b *testing.B) string {
	var article string
	root := os.Getenv("LOA_BENCH_SITE")
	if root == "" {
		root = "../.."
	}
	matches, _ := filepath.Glob(filepath.Join(root, "content", "chu-de", "*", "*.md"))
	for _, m := range matches {
		if filepath.Base(m) != "_index.md" {
			rel, _ := filepath.Rel(root, m)
			article = filepath.ToSlash(rel)
			break
		}
	}
	if article == "" {
		b.Fatal("no article to edit")
	}
	return article
}

// BenchmarkRebuildStatic measures a stylesheet edit: no page is rendered.
func BenchmarkRebuildStatic(b *testing.B) {
	if rendered := benchEdits(b, "static/css/site.css", appendText("\n.x%d{color:red}\n")); rendered != 0 {
		b.Fatalf("a CSS edit rendered %d pages", rendered)
	}
}

// BenchmarkRebuildLayout measures a layout edit: every page is rendered
// again, nothing is parsed again.
func BenchmarkRebuildLayout(b *testing.B) {
	benchEdits(b, "layouts/partials/footer.html", func(i int, original []byte) []byte {
		return bytes.Replace(original, []byte("Các thẻ"), fmt.Appendf(nil, "Các thẻ %d", i), 1)
	})
}
