package search_test

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/search"
	"github.com/loa-vn/loa/internal/vntext"
)

// maxIndexRatio is the budget for the index on real prose: the
// bytes the build writes under Dir at most 2.2 times the bytes of the
// Markdown, the ratio before the ranking work (pair terms) on the sample
// portal. Measured 2.01 after it.
const maxIndexRatio = 2.2

// TestIndexRatio builds the sample portal and checks the size of its
// search index against its content/**/*.md.
func TestIndexRatio(t *testing.T) {
	root := os.DirFS("../..")
	md := markdownBytes(t, root)
	mem := output.NewMemory()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)
	if _, err := build.Build(context.Background(), build.Config{Site: root, Theme: root, Now: now}, mem); err != nil {
		t.Fatal(err)
	}
	index, files := 0, 0
	for name, data := range mem.Files() {
		if strings.HasPrefix(name, search.Dir) {
			index += len(data)
			files++
		}
	}
	if files == 0 {
		t.Fatalf("the build wrote nothing under %s", search.Dir)
	}
	ratio := float64(index) / float64(md)
	t.Logf("search index %d bytes in %d files, Markdown %d bytes: %.2f×", index, files, md, ratio)
	if ratio > maxIndexRatio {
		t.Errorf("search index is %.2f× the Markdown (%d / %d bytes), over the budget of %.1f×", ratio, index, md, maxIndexRatio)
	}
}

// markdownBytes sums the bytes of content/**/*.md in root.
func markdownBytes(t *testing.T, root fs.FS) int {
	t.Helper()
	total := 0
	err := fs.WalkDir(root, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".md") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += int(info.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total == 0 {
		t.Fatal("no Markdown under content/")
	}
	return total
}
