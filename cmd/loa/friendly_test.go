package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/i18n"
)

// inLanguage runs f with the messages in l, then goes back to English,
// the language the other tests assert.
func inLanguage(t *testing.T, l i18n.Lang, f func()) {
	t.Helper()
	i18n.SetLanguage(l)
	defer i18n.SetLanguage(i18n.English)
	f()
}

// TestLanguages pins a few messages in both languages: a usage error,
// loa help, the content errors of real bad files and the build summary.
func TestLanguages(t *testing.T) {
	dir := writeSite(t, goodSite)
	os.WriteFile(filepath.Join(dir, "content/chu-de/t/b.md"), []byte("---\ntitle: B\ndate: 31/02/2026\nauthr: x\n---\n"), 0o644)
	good := writeSite(t, goodSite)
	tests := []struct {
		lang                              i18n.Lang
		usage, help, errors, summaryLines string
	}{
		{i18n.English,
			`loa: unknown command "biuld"; did you mean loa build?` + "\n",
			"Loa builds a fast static portal from Markdown content.\n",
			"content/chu-de/t/b.md:3: date: \"31/02/2026\" is not a date; write year-month-day, e.g. date: 2023-05-12 or 2023-05-12T08:00:00+07:00\n" +
				"content/chu-de/t/b.md:4: authr: unknown key for an article; did you mean author?\n" +
				"loa: 2 errors; nothing was written\n",
			"  articles|  topics|  HTML pages written|  static files copied|  output (|  build time",
		},
		{i18n.Vietnamese,
			`loa: không có lệnh "biuld"; có phải ý bạn là loa build?` + "\n",
			"Loa dựng một trang thông tin tĩnh, chạy nhanh, từ các tệp Markdown.\n",
			"content/chu-de/t/b.md:3: date: \"31/02/2026\" không phải là ngày; hãy viết năm-tháng-ngày, ví dụ date: 2023-05-12 hoặc 2023-05-12T08:00:00+07:00\n" +
				"content/chu-de/t/b.md:4: authr: không phải là khóa dùng được cho một bài viết; có phải ý bạn là author?\n" +
				"loa: 2 lỗi; chưa ghi gì\n",
			"  bài viết|  chủ đề|  trang HTML đã ghi|  tệp tĩnh đã chép|  kết quả (|  thời gian dựng",
		},
	}
	for _, tt := range tests {
		t.Run(tt.lang.String(), func(t *testing.T) {
			inLanguage(t, tt.lang, func() {
				if code, _, stderr := runLoa(t, "biuld"); code != 2 || stderr != tt.usage {
					t.Errorf("biuld: exit %d, stderr %q, want 2 and %q", code, stderr, tt.usage)
				}
				if code, stdout, _ := runLoa(t, "help"); code != 0 || !strings.HasPrefix(stdout, tt.help) {
					t.Errorf("help: exit %d, stdout starts %q, want %q", code, strings.SplitN(stdout, "\n", 2)[0], tt.help)
				}
				if code, _, stderr := runLoa(t, "check", "-source", dir); code != 1 || stderr != tt.errors {
					t.Errorf("check: exit %d, stderr:\n%s\nwant 1 and:\n%s", code, stderr, tt.errors)
				}
				code, stdout, stderr := runLoa(t, "build", "-source", good, "-out", filepath.Join(t.TempDir(), "public"))
				if code != 0 {
					t.Fatalf("build: exit %d: %s", code, stderr)
				}
				lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
				wants := strings.Split(tt.summaryLines, "|")
				if len(lines) != len(wants) {
					t.Fatalf("summary has %d lines, want %d:\n%s", len(lines), len(wants), stdout)
				}
				for i, w := range wants {
					if !strings.HasPrefix(lines[i], w) {
						t.Errorf("summary line %d is %q, want it to start with %q", i+1, lines[i], w)
					}
				}
			})
		})
	}
}

// TestFlagsAnywhere checks that flags may come before, between or after
// KIND and the title, as the README writes them.
func TestFlagsAnywhere(t *testing.T) {
	dir := writeSite(t, goodSite)
	for i, args := range [][]string{
		{"new", "article", "-topic", "t", "Bài một", "-source", dir},
		{"new", "-topic", "t", "article", "Bài hai", "-source", dir},
		{"new", "-source", dir, "article", "Bài ba", "-topic", "t"},
		{"new", "-source", dir, "-topic", "t", "--", "article", "-Bài bốn"},
	} {
		code, stdout, stderr := runLoa(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("%d: %q: exit %d, stderr %q", i, args, code, stderr)
			continue
		}
		if _, err := os.Stat(strings.TrimSpace(stdout)); err != nil || filepath.Dir(strings.TrimSpace(stdout)) != filepath.Join(dir, "content", "chu-de", "t") {
			t.Errorf("%d: made %q: %v", i, stdout, err)
		}
	}
	out := filepath.Join(t.TempDir(), "x")
	if code, _, stderr := runLoa(t, "build", "-drafts", "-out", out, "-source", dir); code != 0 {
		t.Errorf("build -out x: exit %d: %s", code, stderr)
	}
}

// TestHelpHidesProfiling checks that -h lists the flags users need and
// not the profiling ones, which still work.
func TestHelpHidesProfiling(t *testing.T) {
	code, stdout, _ := runLoa(t, "build", "-h")
	if code != 0 || strings.Contains(stdout, "profile") || !strings.Contains(stdout, "-out DIR") || strings.Contains(stdout, "-test.") {
		t.Errorf("build -h: exit %d:\n%s", code, stdout)
	}
	dir := writeSite(t, goodSite)
	prof := filepath.Join(t.TempDir(), "cpu.out")
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", filepath.Join(dir, "public"), "-cpuprofile", prof); code != 0 {
		t.Fatalf("build -cpuprofile: exit %d: %s", code, stderr)
	}
	if info, err := os.Stat(prof); err != nil || info.Size() == 0 {
		t.Errorf("no CPU profile written: %v", err)
	}
}

// TestBusyPort checks that a taken port is one line that names another
// address to try.
func TestBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"serve", "-source", writeSite(t, goodSite), "-addr", ln.Addr().String()}, &stdout, &stderr)
	want := "loa serve: the address " + ln.Addr().String() + " is already in use, perhaps by another loa serve; stop it, or pass another address, e.g. -addr 127.0.0.1:" + strconv.Itoa(port+1) + "\n"
	if code != 1 || stderr.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr.String(), want)
	}
}

// TestNewSite checks that loa new site makes a site that builds with no
// error, whose notice asks for the identity settings, and that it never
// writes into a folder that holds something.
func TestNewSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trang-moi")
	code, stdout, stderr := runLoa(t, "new", "site", dir)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "loa serve -source "+dir) {
		t.Fatalf("new site: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, name := range []string{".gitignore", "content/_index.md", "content/chu-de/gioi-thieu/_index.md", "content/chu-de/gioi-thieu/bai-viet-dau-tien.md", "content/hoi-dap/trang-nay-dung-de-lam-gi.md", "content/tin-don-vi/dang-uy/_index.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	out := filepath.Join(dir, "public")
	code, stdout, stderr = runLoa(t, "build", "-source", dir, "-out", out)
	if code != 0 {
		t.Fatalf("build of the new site: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "content/_index.md:1: notice: parent, body, township, owner, editor, address, phone, email, province_portal: not set") {
		t.Errorf("build notices lack the identity settings:\n%s", stderr)
	}
	if !strings.Contains(stdout, "articles") || !strings.Contains(stdout, "Q&A items") {
		t.Errorf("summary:\n%s", stdout)
	}
	for _, page := range []string{"chu-de/gioi-thieu/bai-viet-dau-tien/index.html", "hoi-dap/trang-nay-dung-de-lam-gi/index.html", "tin-don-vi/dang-uy/index.html"} {
		if _, err := os.Stat(filepath.Join(out, page)); err != nil {
			t.Error(err)
		}
	}
	before, _ := os.ReadFile(filepath.Join(dir, "content/_index.md"))
	if code, _, stderr := runLoa(t, "new", "site", dir); code != 1 || !strings.Contains(stderr, "is not empty") {
		t.Errorf("new site over a site: exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "content/_index.md")); !bytes.Equal(before, after) {
		t.Error("new site changed an existing site")
	}
}
