package build

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/loa-vn/loa/internal/output"
)

// site on disk for incremental tests.
type diskSite struct {
	t   *testing.T
	dir string
	rnd *rand.Rand
	n   int // files created so far, for unique names
}

func (d *diskSite) write(name, text string) {
	p := filepath.Join(d.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		d.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		d.t.Fatal(err)
	}
}

var (
	topics = []string{"vai-tro", "nhan-thuc", "the-che"}
	units  = []string{"mttq", "ubnd"}
	tags   = []string{"giám sát", "phản biện", "dân chủ", "Nhân dân", "kiến nghị"}
)

func (d *diskSite) article(dir string, extra string) string {
	d.n++
	title := fmt.Sprintf("Bài số %d về giám sát", d.n)
	tg := fmt.Sprintf("[%q, %q]", tags[d.rnd.IntN(len(tags))], tags[d.rnd.IntN(len(tags))])
	body := fmt.Sprintf("Đoạn mở đầu %d theo Chỉ thị số 18-CT/TW.\n\n## Phần %d\n\nXem [hỏi đáp](/hoi-dap/).\n", d.n, d.rnd.IntN(5))
	name := fmt.Sprintf("%s/bai-%03d.md", dir, d.n)
	d.write(name, fmt.Sprintf("---\ntitle: %q\ndate: 2023-%02d-%02dT08:00:00+07:00\ntags: %s\n%s---\n%s", title, 1+d.rnd.IntN(12), 1+d.rnd.IntN(28), tg, extra, body))
	return name
}

func newDiskSite(t *testing.T, seed uint64) *diskSite {
	d := &diskSite{t: t, dir: t.TempDir(), rnd: rand.New(rand.NewPCG(seed, 1))}
	d.write("content/_index.md", "---\ntitle: Trang thử\n---\nXin chào.\n")
	d.write("content/gioi-thieu.md", "---\ntitle: Giới thiệu\nmenu: true\n---\nGiới thiệu.\n")
	d.write("content/van-ban/ct-18.md", "---\ntitle: Chỉ thị 18\nnumber: 18-CT/TW\nissuer: Ban Bí thư\nissued: 2022-10-26\n---\nVăn bản.\n")
	d.write("content/hoi-dap/_index.md", "---\ntitle: Hỏi - đáp\n---\n")
	for i, tp := range topics {
		d.write("content/chu-de/"+tp+"/_index.md", fmt.Sprintf("---\ntitle: Chủ đề %d\nweight: %d\n---\n", i, i))
		for range 4 {
			d.article("content/chu-de/"+tp, "")
		}
	}
	for _, u := range units {
		d.write("content/tin-don-vi/"+u+"/_index.md", "---\ntitle: Đơn vị "+u+"\n---\n")
		for range 3 {
			d.article("content/tin-don-vi/"+u, "example: true\n")
		}
	}
	for range 4 {
		d.article("content/hoi-dap", fmt.Sprintf("topic: %s\n", topics[d.rnd.IntN(len(topics))]))
	}
	return d
}

// files lists the content files that may be edited, moved or deleted.
func (d *diskSite) files() []string {
	var out []string
	filepath.WalkDir(filepath.Join(d.dir, "content"), func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && filepath.Base(p) != "_index.md" {
			rel, _ := filepath.Rel(d.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// step makes one random change and returns the paths it touched.
func (d *diskSite) step() (changed []string, what string) {
	files := d.files()
	pick := files[d.rnd.IntN(len(files))]
	full := filepath.Join(d.dir, filepath.FromSlash(pick))
	switch op := d.rnd.IntN(16); op {
	case 13, 14, 15: // add, change or remove a layout of the site's own
		return d.layoutStep()
	case 11, 12: // edit text only: the model keeps its shape
		f, _ := os.OpenFile(full, os.O_APPEND|os.O_WRONLY, 0)
		fmt.Fprintf(f, "\nChỉ thêm chữ %d.\n", d.rnd.IntN(1000))
		f.Close()
		return []string{pick}, "edit text of " + pick
	case 10: // rename a topic or a unit
		idx := "content/chu-de/" + topics[d.rnd.IntN(len(topics))] + "/_index.md"
		if d.rnd.IntN(2) == 0 {
			idx = "content/tin-don-vi/" + units[d.rnd.IntN(len(units))] + "/_index.md"
		}
		full := filepath.Join(d.dir, filepath.FromSlash(idx))
		data, _ := os.ReadFile(full)
		data = bytes.Replace(data, []byte("title: "), []byte(fmt.Sprintf("title: Mới %d ", d.rnd.IntN(100))), 1)
		os.WriteFile(full, data, 0o644)
		return []string{idx}, "retitle " + idx
	case 0, 1: // append a paragraph
		f, _ := os.OpenFile(full, os.O_APPEND|os.O_WRONLY, 0)
		fmt.Fprintf(f, "\nĐoạn thêm %d, nhắc Chỉ thị số 18-CT/TW.\n", d.rnd.IntN(1000))
		f.Close()
		return []string{pick}, "edit body of " + pick
	case 2: // change the title: the item may move among items of its date
		data, _ := os.ReadFile(full)
		prefix := []string{"Sửa", "Ảnh", "Đề"}[d.rnd.IntN(3)]
		data = bytes.Replace(data, []byte("title: \""), []byte(fmt.Sprintf("title: \"%s %d ", prefix, d.rnd.IntN(100))), 1)
		os.WriteFile(full, data, 0o644)
		return []string{pick}, "retitle " + pick
	case 3: // change the date
		data, _ := os.ReadFile(full)
		data = bytes.Replace(data, []byte("date: 2023-"), []byte(fmt.Sprintf("date: 20%d-", 19+d.rnd.IntN(5))), 1)
		os.WriteFile(full, data, 0o644)
		return []string{pick}, "redate " + pick
	case 4: // new article in a topic
		name := d.article("content/chu-de/"+topics[d.rnd.IntN(len(topics))], "")
		return []string{name}, "create " + name
	case 5: // new news item or Q&A
		var name string
		if d.rnd.IntN(2) == 0 {
			name = d.article("content/tin-don-vi/"+units[d.rnd.IntN(len(units))], "")
		} else {
			name = d.article("content/hoi-dap", "topic: "+topics[d.rnd.IntN(len(topics))]+"\n")
		}
		return []string{name}, "create " + name
	case 6: // delete
		if strings.Contains(pick, "van-ban/") || pick == "content/gioi-thieu.md" {
			return nil, "nothing"
		}
		os.Remove(full)
		return []string{pick}, "delete " + pick
	case 7: // rename within its folder
		if strings.Contains(pick, "van-ban/") || pick == "content/gioi-thieu.md" {
			return nil, "nothing"
		}
		d.n++
		to := filepath.ToSlash(filepath.Join(filepath.Dir(pick), fmt.Sprintf("doi-ten-%03d.md", d.n)))
		os.Rename(full, filepath.Join(d.dir, filepath.FromSlash(to)))
		return []string{pick, to}, "rename " + pick + " → " + to
	case 8: // static file
		d.write("static/css/them.css", fmt.Sprintf("body{margin:%dpx}\n", d.rnd.IntN(9)))
		return []string{"static/css/them.css"}, "static css"
	default: // toggle draft
		data, _ := os.ReadFile(full)
		if bytes.Contains(data, []byte("draft: true\n")) {
			data = bytes.Replace(data, []byte("draft: true\n"), nil, 1)
		} else {
			data = bytes.Replace(data, []byte("---\n"), []byte("---\ndraft: true\n"), 1)
		}
		os.WriteFile(full, data, 0o644)
		return []string{pick}, "toggle draft of " + pick
	}
}

func (d *diskSite) config() Config {
	return Config{Site: os.DirFS(d.dir), Theme: os.DirFS("../.."), Now: testNow, Dev: true}
}

// rebuild runs an incremental rebuild the way loa serve does: pages first,
// then the deferred search index.
func rebuild(b *Builder, changed []string, sink output.Sink) (*Result, error) {
	res, err := b.Rebuild(context.Background(), changed, sink)
	if err != nil {
		return nil, err
	}
	_, err = b.Search(context.Background(), sink)
	return res, err
}

// TestRebuildMatchesFullBuild makes a seeded random series of edits,
// creations, renames and deletions of content and layouts; after each,
// the incremental rebuild's output must be byte for byte that of a fresh
// full build. It runs with the theme's layouts, and with a site's own
// layouts that show more than the theme's do (every item, other pages'
// bodies, item cards with the whole body).
func TestRebuildMatchesFullBuild(t *testing.T) {
	for _, tt := range []struct {
		name  string
		own   bool // the site starts with layouts of its own
		steps int  // each renders every page with own layouts: fewer
	}{
		{"theme layouts", false, 250},
		{"own layouts", true, 150},
	} {
		t.Run(tt.name, func(t *testing.T) {
			steps := tt.steps
			if testing.Short() {
				steps = 40
			}
			testRebuildMatchesFullBuild(t, tt.own, steps)
		})
	}
}

func testRebuildMatchesFullBuild(t *testing.T, own bool, steps int) {
	ctx := context.Background()
	d := newDiskSite(t, 7)
	if own {
		d.writeOwnLayouts()
		if !d.ownLayoutsShown() {
			t.Fatal("the site's own layouts are the theme's")
		}
	}
	cfg := d.config()
	cfg.DeferSearch = true
	b := NewBuilder(cfg)
	served := output.NewMemory()
	if _, err := rebuild(b, nil, served); err != nil {
		t.Fatal(err)
	}
	// Pages rendered on content changes while the site shows only the
	// theme's layouts, and the routes of those steps.
	rendered, full, kept, relabeled, layoutSteps := 0, 0, 0, 0, 0
	for i := range steps {
		plain := !d.ownLayoutsShown()
		changed, what := d.step()
		isLayout := len(changed) > 0 && strings.HasPrefix(changed[0], "layouts/")
		if isLayout {
			layoutSteps++
		}
		res, err := rebuild(b, changed, served)
		if err != nil {
			t.Fatalf("step %d (%s): rebuild: %v", i, what, err)
		}
		if plain && !isLayout {
			rendered += res.Rendered
			full += len(b.st.site.Routes)
		}
		if !res.Reshaped {
			kept++
			if strings.HasPrefix(what, "retitle ") {
				relabeled++
			}
		}
		fresh := output.NewMemory()
		if _, err := Build(ctx, d.config(), fresh); err != nil {
			t.Fatalf("step %d (%s): full build: %v", i, what, err)
		}
		if diff := diffFiles(served.Files(), fresh.Files()); diff != "" {
			t.Fatalf("step %d (%s): incremental output differs from a full build:\n%s", i, what, diff)
		}
	}
	t.Logf("%d steps (%d of layouts): %d pages rendered incrementally on content steps with the theme's layouts, against %d for full rebuilds", steps, layoutSteps, rendered, full)
	if layoutSteps == 0 {
		t.Error("no step changed a layout")
	}
	if kept == 0 {
		t.Error("no step kept the model: the fast path for text edits was never taken")
	}
	if relabeled == 0 {
		t.Error("no title edit kept the model: the fast path for title edits was never taken")
	}
	t.Logf("%d of %d steps kept the model, %d of them title edits", kept, steps, relabeled)
	if rendered*2 > full {
		t.Errorf("incremental rebuilds rendered %d pages, more than half of %d: dependency tracking is not working", rendered, full)
	}
}

func diffFiles(got, want map[string][]byte) string {
	var out []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			out = append(out, "missing "+name)
		case !bytes.Equal(g, w):
			out = append(out, "stale "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			out = append(out, "extra "+name)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// TestRebuildKeepsLastGood breaks a file, checks that the rebuild fails
// with the file's position and writes nothing, then that an unrelated
// change still reports the broken file, and that fixing it recovers.
func TestRebuildKeepsLastGood(t *testing.T) {
	ctx := context.Background()
	d := newDiskSite(t, 3)
	b := NewBuilder(d.config())
	served := output.NewMemory()
	if _, err := b.Build(ctx, served); err != nil {
		t.Fatal(err)
	}
	before := served.Files()
	bad := "content/chu-de/vai-tro/bai-001.md"
	good, _ := os.ReadFile(filepath.Join(d.dir, bad))
	d.write(bad, "---\ntitle: [broken\ndate: 2023-01-01\n---\n")
	if _, err := b.Rebuild(ctx, []string{bad}, served); err == nil || !strings.Contains(err.Error(), bad+":2:") {
		t.Fatalf("rebuild of a broken file: %v", err)
	}
	if diff := diffFiles(served.Files(), before); diff != "" {
		t.Fatalf("a failed rebuild changed the output:\n%s", diff)
	}
	other := d.article("content/chu-de/the-che", "")
	if _, err := b.Rebuild(ctx, []string{other}, served); err == nil || !strings.Contains(err.Error(), bad) {
		t.Fatalf("the next rebuild forgot the broken file: %v", err)
	}
	d.write(bad, string(good))
	if _, err := b.Rebuild(ctx, []string{bad}, served); err != nil {
		t.Fatalf("rebuild after the fix: %v", err)
	}
	fresh := output.NewMemory()
	Build(ctx, d.config(), fresh)
	if diff := diffFiles(served.Files(), fresh.Files()); diff != "" {
		t.Fatalf("after recovery the output differs from a full build:\n%s", diff)
	}
}
