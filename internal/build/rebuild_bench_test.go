package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
		dir = copySample(b)
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

// benchSite returns the benchmark site folder and a Builder that has built
// it, as loa serve holds it.
func benchSite(b *testing.B) (string, *Builder, *output.Memory) {
	dir := os.Getenv("LOA_BENCH_SITE")
	if dir == "" {
		dir = copySample(b)
	}
	bl := NewBuilder(Config{Site: os.DirFS(dir), Theme: os.DirFS("../.."), Now: testNow, Dev: true, DeferSearch: true})
	mem := output.NewMemory()
	if _, err := bl.Build(context.Background(), mem); err != nil {
		b.Fatal(err)
	}
	return dir, bl, mem
}

// BenchmarkRebuildStatic measures a stylesheet edit in serve mode.
func BenchmarkRebuildStatic(b *testing.B) {
	dir, bl, mem := benchSite(b)
	css := filepath.Join(dir, "static", "css", "site.css")
	os.MkdirAll(filepath.Dir(css), 0o755)
	b.Cleanup(func() { os.Remove(css) })
	theme, _ := os.ReadFile("../../static/css/site.css")
	b.ResetTimer()
	for i := range b.N {
		os.WriteFile(css, append(append([]byte{}, theme...), fmt.Sprintf("\n.x%d{color:red}\n", i)...), 0o644)
		res, err := bl.Rebuild(context.Background(), []string{"static/css/site.css"}, mem)
		if err != nil {
			b.Fatal(err)
		}
		if res.Rendered != 0 {
			b.Fatalf("a CSS edit rendered %d pages", res.Rendered)
		}
	}
}

// BenchmarkRebuildLayout measures a layout edit in serve mode: every page
// is rendered again, nothing is parsed again.
func BenchmarkRebuildLayout(b *testing.B) {
	dir, bl, mem := benchSite(b)
	footer := filepath.Join(dir, "layouts", "partials", "footer.html")
	os.MkdirAll(filepath.Dir(footer), 0o755)
	b.Cleanup(func() { os.Remove(footer) })
	theme, _ := os.ReadFile("../../layouts/partials/footer.html")
	b.ResetTimer()
	for i := range b.N {
		os.WriteFile(footer, []byte(strings.Replace(string(theme), "Các thẻ", fmt.Sprintf("Các thẻ %d", i), 1)), 0o644)
		if _, err := bl.Rebuild(context.Background(), []string{"layouts/partials/footer.html"}, mem); err != nil {
			b.Fatal(err)
		}
	}
}

// copySample copies the sample portal's content to a temporary folder.
func copySample(b *testing.B) string {
	dir := b.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		b.Fatal(err)
	}
	return dir
}
