package synth_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	loa "github.com/loa-vn/loa"
	"github.com/loa-vn/loa/internal/bench/synth"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/vntext"
)

// generate returns the corpus of cfg in memory.
func generate(t *testing.T, cfg synth.Config) (map[string][]byte, synth.Stats) {
	t.Helper()
	files := map[string][]byte{}
	st, err := synth.Generate(cfg, func(name string, data []byte) error {
		if _, dup := files[name]; dup {
			return fmt.Errorf("%s written twice", name)
		}
		files[name] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, st
}

// treeHash is the hash RESULTS.md gives for a corpus:
//
//	cd OUT && find content -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum
func treeHash(files map[string][]byte) string {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%x  %s\n", sha256.Sum256(files[name]), name)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestMatchesGencorpus checks that the corpus is byte for byte the one of
// ../shared/bench/gencorpus.py (Python 3.11), whose hashes are below: the
// N=1000 one is in ../shared/bench/RESULTS.md, the others were made with
// the command in the case's name.
func TestMatchesGencorpus(t *testing.T) {
	tests := []struct {
		cmd  string
		cfg  synth.Config
		hash string
	}{
		{"--n 1000 --seed 1", synth.Config{N: 1000, Seed: 1, Layout: synth.Hugo},
			"58d545579f497d306209654cc28da1cf2de7e252605c2214fa8bcf4d655c76e4"},
		{"--n 200 --seed 1 --layout loa", synth.Config{N: 200, Seed: 1, Documents: -1},
			"ce509b53ee6d7df7e62279a642356429b177b931bdcb64f439d99e55c65d57bc"},
		{"--n 200 --seed 7 --nfd-rate 0.1", synth.Config{N: 200, Seed: 7, Layout: synth.Hugo, NFDRate: 0.1},
			"607b3811635023f155ad4f5a780937c6c58b6e98c7cb6ddb9181ec5839060b0c"},
		{"--n 20 --seed=5000000000", synth.Config{N: 20, Seed: 5000000000, Layout: synth.Hugo},
			"713a46615a07f62ddd1e493f1b7b7fc199e7f0bb69d65aa44a336236a8750e02"},
		{"--n 20 --seed=-3", synth.Config{N: 20, Seed: -3, Layout: synth.Hugo},
			"d9a0f038c08ea580de579e5329d636a78af50efcdbc63313ed9d860c106ad739"},
		{"--n 20 --seed=0", synth.Config{N: 20, Seed: 0, Layout: synth.Hugo},
			"bb2ab8b280fa11e81939392d15210405cc62021f510a2cda9b2a89fd922624cc"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd, func(t *testing.T) {
			files, _ := generate(t, tt.cfg)
			if got := treeHash(files); got != tt.hash {
				t.Errorf("tree hash %s, want gencorpus.py's %s", got, tt.hash)
			}
		})
	}
}

// TestWriteDirDeterministic writes the same corpus twice, and once with
// another seed, and compares the trees on disk.
func TestWriteDirDeterministic(t *testing.T) {
	write := func(seed int64) string {
		dir := t.TempDir()
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer root.Close()
		if _, err := synth.WriteDir(context.Background(), root, synth.Config{N: 150, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, name := range listFiles(t, dir) {
			files[name], _ = os.ReadFile(dir + "/" + name)
		}
		return treeHash(files)
	}
	a, b, c := write(1), write(1), write(2)
	if a != b {
		t.Errorf("two runs with seed 1 differ: %s and %s", a, b)
	}
	if a == c {
		t.Errorf("seeds 1 and 2 give the same tree %s", a)
	}
	mem, _ := generate(t, synth.Config{N: 150, Seed: 1})
	if got := treeHash(mem); got != a {
		t.Errorf("WriteDir wrote %s, Generate made %s", a, got)
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestStats checks the proportions and the text statistics that
// RESULTS.md gives for N=1000: 50 Q&A, 250 news, 13 drafts, 781 words a
// page, 599 distinct syllables.
func TestStats(t *testing.T) {
	_, st := generate(t, synth.Config{N: 1000, Seed: 1, Layout: synth.Hugo, Vocabulary: true})
	got := fmt.Sprintf("%d articles, %d Q&A, %d news, %d drafts, %d documents, %d indexes, %.0f words/page, %d syllables",
		st.Articles, st.QA, st.News, st.Drafts, st.Documents, st.Indexes, float64(st.Words)/float64(st.Items()), st.Syllables)
	want := "1000 articles, 50 Q&A, 250 news, 13 drafts, 0 documents, 20 indexes, 781 words/page, 599 syllables"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	_, st = generate(t, synth.Config{N: 10000, Seed: 1})
	if st.Documents != 10 || st.Indexes != 23 {
		t.Errorf("N=10000: %d documents and %d _index.md, want 10 and 23", st.Documents, st.Indexes)
	}
}

// TestBuilds builds a generated Loa site with the default theme: no error,
// no notice, every published item a page, every citation a link.
func TestBuilds(t *testing.T) {
	files, st := generate(t, synth.Config{N: 200, Seed: 1})
	// gencorpus.py's home has a title only; a commune fills in who
	// publishes the portal, whose absence is otherwise a notice.
	files["content/_index.md"] = []byte(`---
title: "Cổng thông tin thử tải"
parent: "Đảng bộ tỉnh Thử tải"
body: "Đảng ủy xã Thử tải"
township: "xã Thử tải"
owner: "Đảng ủy xã Thử tải"
editor: "Ban biên tập"
address: "Trụ sở Đảng ủy xã"
phone: "0200 000 000"
email: "thu-tai@example.org"
province_portal: "https://example.org/tinh/"
---
`)
	fsys := mapFS(files)
	mem := output.NewMemory()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone)
	res, err := build.Build(context.Background(), build.Config{Site: fsys, Theme: loa.DefaultTheme(), Now: now}, mem)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if len(res.Notices) > 0 {
		t.Errorf("notices:\n%s", res.Notices.Error())
	}
	k := res.Kinds
	items := k[content.KindArticle] + k[content.KindQA] + k[content.KindNews]
	if items != st.Items()-st.Drafts || k[content.KindDocument] != st.Documents || k[content.KindTopic] != 7 || k[content.KindUnit] != 11 {
		t.Errorf("published kinds %v; want %d items, %d documents, 7 topics, 11 units", k, st.Items()-st.Drafts, st.Documents)
	}
	// Each document but the first cites the one before it by number.
	linked := 0
	for _, d := range res.Site.Documents {
		for _, c := range d.Body.Citations {
			if c.URL != "" {
				linked++
			}
		}
	}
	if linked != st.Documents-1 {
		t.Errorf("%d citations of documents are links, want %d", linked, st.Documents-1)
	}
	if len(mem.Files()) < res.Pages {
		t.Errorf("%d files in memory for %d pages", len(mem.Files()), res.Pages)
	}
}

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// ExampleGenerate prints the statistics of a small corpus and the front
// matter of its first Q&A item.
func ExampleGenerate() {
	var qa string
	st, err := synth.Generate(synth.Config{N: 40, Seed: 1}, func(name string, data []byte) error {
		if qa == "" && strings.HasPrefix(name, "content/hoi-dap/") && !strings.HasSuffix(name, "/_index.md") {
			lines := strings.SplitN(string(data), "\n", 9)
			qa = name + "\n" + strings.Join(lines[:8], "\n")
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(st)
	fmt.Println(qa)
	// Output:
	// 78 files, 308351 bytes: 40 articles, 2 Q&A, 10 news (0 drafts), 3 documents, 23 _index.md; 782 words/page
	// content/hoi-dap/ket-qua-giam-sat-dau-tu-cong-dong-duoc-cong-khai-o-dau-00018.md
	// ---
	// title: "Kết quả giám sát đầu tư cộng đồng được công khai ở đâu?"
	// date: 2023-12-16T14:55:00+07:00
	// topic: the-che-hoa
	// tags: ["phòng chống tham nhũng", "khen thưởng"]
	// summary: "Hội Nông dân tổ chức các kiến nghị sau giám sát."
	// draft: false
	// ---
}
