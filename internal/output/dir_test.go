package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
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
