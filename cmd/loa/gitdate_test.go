package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildGitDates builds a site that is a Git work tree: an article
// with no updated key takes its last commit as its dateModified and shows
// it as "Cập nhật"; a file never committed keeps its date.
func TestBuildGitDates(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not on PATH")
		}
		t.Skip("git is not on PATH")
	}
	dir := writeSite(t, goodSite)
	for _, args := range [][]string{{"init", "-q"}, {"add", "content"}, {"commit", "-q", "-m", "nội dung"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org",
			"GIT_AUTHOR_DATE=2026-02-03T10:00:00+07:00", "GIT_COMMITTER_DATE=2026-02-03T10:00:00+07:00")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	// Written after the commit: not in Git.
	if err := os.WriteFile(filepath.Join(dir, "content", "chu-de", "t", "b.md"), []byte("---\ntitle: Bài B\ndate: 2023-06-01\n---\nMới.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out, "-baseurl", "https://example.org/"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	tests := []struct{ page, modified, shown string }{
		{"chu-de/t/a/index.html", `"dateModified":"2026-02-03T10:00:00+07:00"`, "Cập nhật: <time"},
		{"chu-de/t/b/index.html", `"dateModified":"2023-06-01T00:00:00+07:00"`, ""},
	}
	for _, tt := range tests {
		html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.page)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), tt.modified) {
			t.Errorf("%s lacks %s", tt.page, tt.modified)
		}
		if has := strings.Contains(string(html), "Cập nhật"); has != (tt.shown != "") {
			t.Errorf("%s: shows Cập nhật: %v, want %v", tt.page, has, tt.shown != "")
		}
	}
}
