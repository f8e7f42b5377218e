package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/loa-vn/loa/internal/output"
)

// BenchmarkRebuildOneArticle measures loa serve's incremental rebuild after
// one article is edited, on the site in $LOA_BENCH_SITE (for example a
// corpus made by go run ./internal/bench/corpus) or, without it, on the
// repository's sample portal copied to a temporary folder.
func BenchmarkRebuildOneArticle(b *testing.B) {
	dir := os.Getenv("LOA_BENCH_SITE")
	if dir == "" {
		dir = b.TempDir()
		if err := os.CopyFS(dir, os.DirFS("../../")); err != nil {
			b.Fatal(err)
		}
	}
	var article string
	filepath.WalkDir(filepath.Join(dir, "content", "chu-de"), func(p string, d os.DirEntry, err error) error {
		if article == "" && err == nil && !d.IsDir() && filepath.Base(p) != "_index.md" {
			article = p
		}
		return nil
	})
	original, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(article, original, 0o644) })
	rel, _ := filepath.Rel(dir, article)
	ctx := context.Background()
	bl := NewBuilder(Config{Site: os.DirFS(dir), Theme: os.DirFS("../.."), Now: testNow, Dev: true, DeferSearch: true})
	mem := output.NewMemory()
	if _, err := bl.Build(ctx, mem); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	rendered := 0
	for i := range b.N {
		os.WriteFile(article, append(append([]byte{}, original...), fmt.Sprintf("\nĐoạn sửa số %d.\n", i)...), 0o644)
		res, err := bl.Rebuild(ctx, []string{filepath.ToSlash(rel)}, mem)
		if err != nil {
			b.Fatal(err)
		}
		rendered += res.Rendered
		if i == b.N-1 && testing.Verbose() {
			b.Logf("phases of the last rebuild: %v", res.Phases)
		}
	}
	b.ReportMetric(float64(rendered)/float64(b.N), "pages/op")
}
