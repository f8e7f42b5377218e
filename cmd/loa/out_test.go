package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildIntoLinkedOut builds three times with -out a link to a folder
// that held an earlier output: the link stays and the folder holds the
// site each time.
func TestBuildIntoLinkedOut(t *testing.T) {
	dir := writeSite(t, goodSite)
	work := t.TempDir()
	real := filepath.Join(work, "site-out")
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", real); code != 0 {
		t.Fatalf("build into %s: %s", real, stderr)
	}
	link := filepath.Join(work, "public")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", link); code != 0 {
			t.Fatalf("build %d: exit %d: %s", i+1, code, stderr)
		}
		if to, err := os.Readlink(link); err != nil || to != real {
			t.Fatalf("build %d: -out is no longer a link to %s (%q, %v)", i+1, real, to, err)
		}
		if _, err := os.Stat(filepath.Join(real, "chu-de", "t", "a", "index.html")); err != nil {
			t.Fatalf("build %d: %s lost the site: %v", i+1, real, err)
		}
	}
}

// TestBuildWarnsUnusableKeptOutput makes the kept output read-only: the
// build succeeds, and says which folder it could not reuse.
func TestBuildWarnsUnusableKeptOutput(t *testing.T) {
	dir := writeSite(t, goodSite)
	out := filepath.Join(t.TempDir(), "public")
	for range 2 {
		if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
			t.Fatalf("build: %s", stderr)
		}
	}
	prev := filepath.Join(filepath.Dir(out), ".public.loa-prev")
	if err := os.Chmod(prev, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(prev, 0o755) })
	code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out)
	want := "loa: cannot reuse " + prev + " (the folder is read-only); building into a new folder — delete it when you can\n"
	if code != 0 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 0 and %q", code, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(out, "chu-de", "t", "a", "index.html")); err != nil {
		t.Errorf("the new output is not in place: %v", err)
	}
}
