package gitdate

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	jan, feb := time.Unix(1767240000, 0).UTC(), time.Unix(1769918400, 0).UTC()
	tests := []struct {
		name string
		out  string
		want Dates
	}{
		{"empty", "", nil},
		{"newest commit wins",
			"\x011769918400 HEAD -> main\x00\ncontent/a.md\x00\x011767240000 \x00\ncontent/a.md\x00content/b.md\x00",
			Dates{"content/a.md": feb, "content/b.md": jan}},
		{"shallow boundary gives no date",
			"\x011769918400 HEAD\x00\ncontent/a.md\x00\x011767240000 grafted\x00\ncontent/a.md\x00content/b.md\x00",
			Dates{"content/a.md": feb}},
		{"boundary with refs",
			"\x011767240000 HEAD, grafted\x00\ncontent/a.md\x00",
			nil},
		{"a branch named like grafted is not the boundary",
			"\x011767240000 grafted-x\x00\ncontent/a.md\x00",
			Dates{"content/a.md": jan}},
		{"unreadable time", "\x01x \x00\ncontent/a.md\x00", nil},
		{"Vietnamese and spaced names",
			"\x011767240000 \x00\ncontent/hỏi đáp/a b.md\x00",
			Dates{"content/hỏi đáp/a b.md": jan}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parse([]byte(tt.out)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parse = %v, want %v", got, tt.want)
			}
		})
	}
}

// gitRepo makes a repository in dir whose site (in site/) has three
// files committed at known dates, one edited later, one renamed, and
// returns a function committing with a date.
func gitRepo(t *testing.T, dir string) {
	t.Helper()
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "site", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("", "init", "-q", "-b", "main")
	write("content/a.md", "a")
	write("content/hỏi-đáp/b.md", "b")
	write("content/old.md", "c")
	write("layouts/x.html", "x")
	git("2026-01-01T10:00:00+07:00", "add", "-A")
	git("2026-01-01T10:00:00+07:00", "commit", "-q", "-m", "one")
	write("content/a.md", "a2")
	git("2026-02-01T10:00:00+07:00", "mv", "site/content/old.md", "site/content/new.md")
	git("2026-02-01T10:00:00+07:00", "commit", "-q", "-am", "two")
	write("content/hỏi-đáp/b.md", "uncommitted edit")
	write("content/untracked.md", "new")
}

func TestLoad(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not on PATH")
		}
		t.Skip("git is not on PATH")
	}
	repo := t.TempDir()
	gitRepo(t, repo)
	jan := time.Date(2026, 1, 1, 3, 0, 0, 0, time.UTC)
	feb := time.Date(2026, 2, 1, 3, 0, 0, 0, time.UTC)
	got := Load(context.Background(), filepath.Join(repo, "site"))
	want := Dates{"content/a.md": feb, "content/hỏi-đáp/b.md": jan, "content/new.md": feb, "content/old.md": jan}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load = %v, want %v", got, want)
	}

	t.Run("shallow clone", func(t *testing.T) {
		clone := filepath.Join(t.TempDir(), "c")
		cmd := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+repo, clone)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git clone: %v\n%s", err, out)
		}
		if got := Load(context.Background(), filepath.Join(clone, "site")); got != nil {
			t.Errorf("Load in a clone of depth 1 = %v, want no dates", got)
		}
	})
	t.Run("not a repository", func(t *testing.T) {
		dir := t.TempDir()
		t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
		if got := Load(context.Background(), dir); got != nil {
			t.Errorf("Load outside a repository = %v, want nil", got)
		}
	})
	t.Run("no git on PATH", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		if got := Load(context.Background(), filepath.Join(repo, "site")); got != nil {
			t.Errorf("Load without git = %v, want nil", got)
		}
	})
}

// TestStartRunsGitOnce puts a git on PATH that counts its runs: however
// often the lookup is called (once per page per rebuild in loa serve),
// git runs once.
func TestStartRunsGitOnce(t *testing.T) {
	bin := t.TempDir()
	count := filepath.Join(bin, "runs")
	script := "#!/bin/sh\necho run >> " + count + "\nprintf '\\001%s \\0\\ncontent/a.md\\0' 1767240000\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	lookup := Start(context.Background(), t.TempDir())
	for range 100 {
		if got, want := lookup("content/a.md"), time.Unix(1767240000, 0).UTC(); !got.Equal(want) {
			t.Fatalf("lookup = %v, want %v", got, want)
		}
		if got := lookup("content/b.md"); !got.IsZero() {
			t.Fatalf("lookup of an unknown file = %v, want zero", got)
		}
	}
	runs, err := os.ReadFile(count)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(runs) / len("run\n"); n != 1 {
		t.Errorf("git ran %d times, want 1", n)
	}
}
