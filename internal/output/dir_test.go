package output

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// build writes files into a new Dir for target and commits it.
func build(t *testing.T, target string, files map[string]string) *Dir {
	t.Helper()
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := d.Put(name, []byte(text)); err != nil {
			d.Abort()
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// tree reads every file under dir except the marker; it fails on anything
// that is not a regular file or a folder.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if !e.Type().IsRegular() {
			t.Errorf("%s is not a regular file (%v)", p, e.Type())
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != Marker {
			b, err := os.ReadFile(p)
			out[filepath.ToSlash(rel)] = string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDirSwap(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	write := func(files map[string]string, commit bool) error {
		d, err := NewDir(target)
		if err != nil {
			return err
		}
		for name, text := range files {
			if err := d.Put(name, []byte(text)); err != nil {
				d.Abort()
				return err
			}
		}
		if !commit {
			d.Abort()
			return nil
		}
		return d.Commit()
	}
	if err := write(map[string]string{"index.html": "one", "old/index.html": "old"}, true); err != nil {
		t.Fatal(err)
	}
	if err := write(map[string]string{"index.html": "two"}, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(target, "index.html")); string(got) != "two" {
		t.Errorf("index.html = %q, want two", got)
	}
	if _, err := os.Stat(filepath.Join(target, "old")); !os.IsNotExist(err) {
		t.Errorf("a file no longer built survived: %v", err)
	}
	// An aborted build leaves the previous output as it was.
	if err := write(map[string]string{"index.html": "three"}, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(target, "index.html")); string(got) != "two" {
		t.Errorf("after abort index.html = %q, want two", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 2 || entries[0].Name() != ".public.loa-prev" || entries[1].Name() != "public" {
		t.Errorf("beside the output: %v; want only .public.loa-prev", entries)
	}
}

func TestDirRefusesEscape(t *testing.T) {
	dir := t.TempDir()
	d, err := NewDir(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"../escape.html", "/etc/escape.html", "a/../../escape.html"} {
		if err := d.Put(name, []byte("x")); err == nil {
			t.Errorf("Put(%q) succeeded", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); !os.IsNotExist(err) {
		t.Error("a file was written outside the output folder")
	}
}

func TestDirRefusesForeignFolder(t *testing.T) {
	target := t.TempDir()
	os.WriteFile(filepath.Join(target, "thesis.docx"), []byte("years of work"), 0o644)
	if _, err := NewDir(target); err == nil || !strings.Contains(err.Error(), "was not made by Loa") {
		t.Errorf("NewDir on a foreign folder: %v", err)
	}
}

// TestDirReuse checks that a build starts from the output before last,
// leaves files with the same bytes alone (the very same file), rewrites
// the others and deletes what it no longer produces, folders included.
func TestDirReuse(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	first := map[string]string{"a/index.html": "A", "b/index.html": "B1", "c/d/index.html": "CD", "robots.txt": "R"}
	build(t, target, first)
	before, err := os.Stat(filepath.Join(target, "a/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	second := map[string]string{"a/index.html": "A", "b/index.html": "B2", "e/index.html": "E"}
	build(t, target, second)
	if got := tree(t, target); !maps.Equal(got, second) {
		t.Fatalf("second build: %v, want %v", got, second)
	}
	if got := tree(t, prevPath(target)); !maps.Equal(got, first) {
		t.Fatalf("kept previous output: %v, want %v", got, first)
	}
	third := map[string]string{"a/index.html": "A", "b/index.html": "B2", "e/index.html": "E", "e/f/index.xml": "F"}
	d := build(t, target, third)
	if got := tree(t, target); !maps.Equal(got, third) {
		t.Fatalf("third build: %v, want %v", got, third)
	}
	if kept, replaced := d.Stats(); kept != 1 || replaced != 1 {
		t.Errorf("third build kept %d and replaced %d files, want 1 and 1", kept, replaced)
	}
	after, err := os.Stat(filepath.Join(target, "a/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("an unchanged file was written again")
	}
	for _, gone := range []string{"c", "robots.txt"} {
		if _, err := os.Lstat(filepath.Join(target, gone)); !os.IsNotExist(err) {
			t.Errorf("%s survived a build that no longer makes it: %v", gone, err)
		}
	}
	if _, err := os.Stat(filepath.Join(target, Marker)); err != nil {
		t.Errorf("marker missing: %v", err)
	}
}

// TestDirReuseDistrustsOldFiles plants links and swapped kinds in the kept
// output: the build must neither write through a link nor publish one.
func TestDirReuseDistrustsOldFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	build(t, target, map[string]string{"a/index.html": "A"})
	build(t, target, map[string]string{"a/index.html": "A"})
	prev := prevPath(target)
	outside := filepath.Join(dir, "outside.txt")
	os.WriteFile(outside, []byte("keep me"), 0o644)
	os.MkdirAll(filepath.Join(prev, "s"), 0o755)
	os.MkdirAll(filepath.Join(prev, "h"), 0o755)
	os.MkdirAll(filepath.Join(prev, "y.xml"), 0o755)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(outside, filepath.Join(prev, "s/index.html")))
	must(os.Symlink(dir, filepath.Join(prev, "escape")))
	must(os.Link(outside, filepath.Join(prev, "h/index.html")))
	must(os.WriteFile(filepath.Join(prev, "x"), []byte("a file where a folder goes"), 0o644))
	want := map[string]string{
		"a/index.html": "A", "s/index.html": "S", "h/index.html": "H",
		"x/index.html": "X", "y.xml": "Y", "escape/index.html": "E",
	}
	build(t, target, want)
	if got := tree(t, target); !maps.Equal(got, want) {
		t.Errorf("output %v, want %v", got, want)
	}
	if b, _ := os.ReadFile(outside); string(b) != "keep me" {
		t.Errorf("a file outside the output was written: %q", b)
	}
}

// TestDirTakesOverKilledBuild checks that the half-written folder of a
// killed build is taken over and gone after the next build.
func TestDirTakesOverKilledBuild(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	build(t, target, map[string]string{"index.html": "one"})
	dead := filepath.Join(dir, ".public.loa-new-4194303-1") // no such process
	os.MkdirAll(filepath.Join(dead, "half"), 0o755)
	os.WriteFile(filepath.Join(dead, "half/index.html"), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(dead, "index.html"), []byte("two"), 0o644)
	d := build(t, target, map[string]string{"index.html": "two"})
	if got := tree(t, target); !maps.Equal(got, map[string]string{"index.html": "two"}) {
		t.Errorf("output %v", got)
	}
	if kept, _ := d.Stats(); kept != 1 {
		t.Errorf("the killed build's file was not taken over (kept %d)", kept)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.loa-new-*")); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}
