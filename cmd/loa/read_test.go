//go:build unix

package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// secret is what the files outside the site hold; it must never reach the
// output or the messages.
const secret = "SECRET-TOKEN-7f3a"

// outsideFiles writes, in a folder outside any site, a file holding the
// secret (as front matter, a template and plain text, so that each reader
// would publish it) and a folder holding one. It returns the folder.
func outsideFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"secret.md":         "---\ntitle: " + secret + "\ndate: 2023-05-01\n---\n" + secret + "\n",
		"secret.txt":        secret + "\n",
		"secret.html":       "{{define \"main\"}}" + secret + "{{end}}",
		"folder/secret.txt": secret + "\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// place makes the entry name of the site dir with make, creating its folder.
func place(t *testing.T, dir, name string, make func(p string) error) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := make(p); err != nil {
		t.Fatal(err)
	}
}

func link(target string) func(string) error {
	return func(p string) error { return os.Symlink(target, p) }
}

// relLink links to target by a relative path (../../…).
func relLink(target string) func(string) error {
	return func(p string) error {
		rel, err := filepath.Rel(filepath.Dir(p), target)
		if err != nil {
			return err
		}
		return os.Symlink(rel, p)
	}
}

func fifo(p string) error { return syscall.Mkfifo(p, 0o644) }

func socket(p string) error {
	ln, err := net.Listen("unix", p)
	if err != nil {
		return err
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	return ln.Close() // the socket file stays
}

// buildWithin runs loa build in-process and fails the test, rather than
// hanging it, when the build does not finish in time.
func buildWithin(t *testing.T, d time.Duration, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, &stdout, &stderr)
		done <- result{code, stdout.String(), stderr.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(d):
		t.Fatalf("loa %s did not finish within %v", strings.Join(args, " "), d)
	}
	return 0, "", ""
}

// TestSiteReadsOnlyItsOwnFiles checks the one rule for what a site may
// read, through loa build: regular files inside the site folder, or links
// to them. Anything else is an error naming the path, never read.
func TestSiteReadsOnlyItsOwnFiles(t *testing.T) {
	outside := outsideFiles(t)
	tests := []struct {
		name string // entry of the site
		make func(p string) error
		want string // the line on stderr
	}{
		{"static/img/env.txt", link(filepath.Join(outside, "secret.txt")),
			"static/img/env.txt: is a link to a place outside the site folder; copy the file into the site instead"},
		{"static/img/rel.txt", relLink(filepath.Join(outside, "secret.txt")),
			"static/img/rel.txt: is a link to a place outside the site folder; copy the file into the site instead"},
		{"static/environ.txt", link("/proc/self/environ"),
			"static/environ.txt: is a link to a place outside the site folder; copy the file into the site instead"},
		{"static/zero.bin", link("/dev/zero"),
			"static/zero.bin: is a link to a place outside the site folder; copy the file into the site instead"},
		{"static/docs", link(filepath.Join(outside, "folder")),
			"static/docs: is a link to a place outside the site folder; copy the file into the site instead"},
		{"static/pipe.txt", fifo,
			"static/pipe.txt: is a named pipe (FIFO), not a regular file; remove it"},
		{"static/loa.sock", socket,
			"static/loa.sock: is a socket, not a regular file; remove it"},
		{"static/css/site.css", fifo, // a theme file's name: not hidden by the theme's file
			"static/css/site.css: is a named pipe (FIFO), not a regular file; remove it"},
		{"static/to-pipe.txt", func(p string) error {
			if err := fifo(filepath.Join(filepath.Dir(p), "real-pipe")); err != nil {
				return err
			}
			return os.Symlink("real-pipe", p)
		}, "static/real-pipe: is a named pipe (FIFO), not a regular file; remove it\n" +
			"static/to-pipe.txt: is a link to a named pipe (FIFO), not to a regular file; remove the link"},
		{"static/gone.txt", link("nothing-here.txt"),
			"static/gone.txt: is a link to a file that does not exist; fix the link or remove it"},
		{"static/loop.txt", link("loop.txt"),
			"static/loop.txt: is a link that leads back to itself; fix the link or remove it"},
		{"static/own", link("."),
			"static/own: is a link to a folder; Loa follows links only to files; copy the folder into the site instead"},
		{"content/chu-de/t/b.md", link(filepath.Join(outside, "secret.md")),
			"content/chu-de/t/b.md: is a link to a place outside the site folder; copy the file into the site instead"},
		{"content/zero.md", link("/dev/zero"),
			"content/zero.md: is a link to a place outside the site folder; copy the file into the site instead"},
		{"content/pipe.md", fifo,
			"content/pipe.md: is a named pipe (FIFO), not a regular file; remove it"},
		{"content/pipe.txt", fifo,
			"content/pipe.txt: is a named pipe (FIFO), not a regular file; remove it"},
		{"content/tin", link(filepath.Join(outside, "folder")),
			"content/tin: is a link to a place outside the site folder; copy the file into the site instead"},
		{"static", link(filepath.Join(outside, "folder")),
			"static: is a link to a place outside the site folder; copy the file into the site instead"},
		{"layouts", link(filepath.Join(outside, "folder")),
			"layouts: is a link to a place outside the site folder; copy the file into the site instead"},
		{"layouts/article.html", link(filepath.Join(outside, "secret.html")),
			"layouts/article.html: is a link to a place outside the site folder; copy the file into the site instead"},
		{"layouts/partials/head.html", fifo,
			"layouts/partials/head.html: is a named pipe (FIFO), not a regular file; remove it"},
		{"layouts/base.html", link("/dev/zero"),
			"layouts/base.html: is a link to a place outside the site folder; copy the file into the site instead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, goodSite)
			place(t, dir, tt.name, tt.make)
			out := filepath.Join(t.TempDir(), "public")
			code, stdout, stderr := buildWithin(t, 30*time.Second, "build", "-source", dir, "-out", out)
			if code != exitContent {
				t.Errorf("exit %d, want %d", code, exitContent)
			}
			n := strings.Count(tt.want, "\n") + 1
			want := tt.want + "\nloa: " + map[bool]string{true: "1 error", false: "2 errors"}[n == 1] + "; nothing was written\n"
			if stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			if strings.Contains(stdout+stderr, secret) {
				t.Error("the secret is in the output of loa")
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was written (%v)", out, err)
			}
			filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
				if data, _ := os.ReadFile(p); err == nil && !d.IsDir() && bytes.Contains(data, []byte(secret)) {
					t.Errorf("%s holds the secret", p)
				}
				return nil
			})
		})
	}
}

// TestSiteDevice checks a device inside the site (needs root to create).
func TestSiteDevice(t *testing.T) {
	dir := writeSite(t, goodSite)
	p := filepath.Join(dir, "static", "zero")
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|5); err != nil { // /dev/zero's numbers
		t.Skip("cannot create a device:", err)
	}
	code, _, stderr := buildWithin(t, 30*time.Second, "build", "-source", dir, "-out", filepath.Join(t.TempDir(), "public"))
	want := "static/zero: is a device, not a regular file; remove it\nloa: 1 error; nothing was written\n"
	if code != exitContent || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
}

// TestSiteLinksInside checks that links staying inside the site folder
// are followed: their files are published.
func TestSiteLinksInside(t *testing.T) {
	files := map[string]string{
		"shared/logo.txt":  "LOGO\n",
		"shared/b.md":      "---\ntitle: Bài B chung\ndate: 2023-05-02\n---\nNội dung chung.\n",
		"shared/page.html": "{{define \"main\"}}<p>Trang riêng {{.Page.Title}}</p>{{end}}",
		"notes.txt":        "NOTES\n",
	}
	for name, text := range goodSite {
		files[name] = text
	}
	dir := writeSite(t, files)
	place(t, dir, "static/img/logo.txt", link("../../shared/logo.txt"))
	place(t, dir, "static/notes.txt", link(filepath.Join("..", "notes.txt")))
	place(t, dir, "content/chu-de/t/b.md", link("../../../shared/b.md"))
	place(t, dir, "layouts/page.html", link("../shared/page.html"))
	place(t, dir, "content/gioi-thieu.md", func(p string) error {
		return os.WriteFile(p, []byte("---\ntitle: Giới thiệu\n---\nTrang.\n"), 0o644)
	})
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := buildWithin(t, 30*time.Second, "build", "-source", dir, "-out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for name, want := range map[string]string{
		"img/logo.txt":          "LOGO",
		"notes.txt":             "NOTES",
		"chu-de/t/b/index.html": "Nội dung chung.",
		"gioi-thieu/index.html": "Trang riêng Giới thiệu",
		"chu-de/t/a/index.html": "Nội dung.",
	} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
}

// TestSiteJunkIgnored checks that the files Windows and macOS leave in
// folders are ignored alike, in content/ and static/: not an error, not
// published.
func TestSiteJunkIgnored(t *testing.T) {
	files := map[string]string{}
	for name, text := range goodSite {
		files[name] = text
	}
	for _, dir := range []string{"content/", "content/chu-de/t/", "static/", "static/img/"} {
		for _, junk := range []string{"Thumbs.db", "desktop.ini", ".DS_Store", "ehthumbs.db"} {
			files[dir+junk] = "junk\x00"
		}
	}
	files["static/img/logo.txt"] = "LOGO\n"
	dir := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := buildWithin(t, 30*time.Second, "build", "-source", dir, "-out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.EqualFold(d.Name(), "thumbs.db") || strings.EqualFold(d.Name(), "desktop.ini") || d.Name() == ".DS_Store") {
			t.Errorf("%s is published", p)
		}
		return nil
	})
	if _, err := os.Stat(filepath.Join(out, "img", "logo.txt")); err != nil {
		t.Error(err)
	}
}
