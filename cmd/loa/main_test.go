package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/vntext"
)

func init() {
	now = func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, vntext.Zone) }
}

// runLoa runs the command in-process and returns its exit code and output.
func runLoa(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// writeSite writes name → text files under a new temporary site folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// identity is the settings of a site's identity, all of them, as a good
// site has them (content.IdentityNotices).
const identity = "parent: Đảng bộ tỉnh A\nbody: Đảng ủy xã B\ntownship: xã B\nowner: Đảng ủy xã B\neditor: Bí thư Đảng ủy xã B\n" +
	"address: Thôn 1, xã B\nphone: \"0200 000 000\"\nemail: dangUy@example.org\nprovince_portal: https://example.org/tinh/\n"

var goodSite = map[string]string{
	"content/_index.md":          "---\ntitle: Trang thử\n" + identity + "---\nXin chào.\n",
	"content/chu-de/t/_index.md": "---\ntitle: Chủ đề\n---\n",
	"content/chu-de/t/a.md":      "---\ntitle: Bài A\ndate: 2023-05-01\n---\nNội dung.\n",
}

func TestBuildSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runLoa(t, "build", "-source", "../..", "-out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"articles", "Q&A items", "HTML pages written", "build time"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

func TestBuildOnlyContent(t *testing.T) {
	dir := writeSite(t, goodSite)
	out := filepath.Join(dir, "public")
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	html, err := os.ReadFile(filepath.Join(out, "chu-de", "t", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "Thứ Hai, 01/05/2023") {
		t.Errorf("article lacks its Vietnamese date:\n%s", html)
	}
}

func TestBuildErrorsKeepOutput(t *testing.T) {
	dir := writeSite(t, goodSite)
	out := filepath.Join(dir, "public")
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	os.WriteFile(filepath.Join(dir, "content/chu-de/t/b.md"), []byte("---\ntitle: B\ndate: 31/02/2026\nauthr: x\n---\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "content/hoi-dap"), 0o755)
	os.WriteFile(filepath.Join(dir, "content/hoi-dap/c.md"), []byte("---\ntitle: C\n---\n"), 0o644)
	code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out)
	want := "content/chu-de/t/b.md:3: date: \"31/02/2026\" is not a date; write year-month-day, e.g. date: 2023-05-12 or 2023-05-12T08:00:00+07:00\n" +
		"content/chu-de/t/b.md:4: authr: unknown key for an article; did you mean author?\n" +
		"content/hoi-dap/c.md:1: date: missing; add a line date: 2023-05-12 to the front matter\n" +
		"loa: 3 errors; nothing was written\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}
	after, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Equal(before, after) || len(after) == 0 {
		t.Error("the previous output changed after a failed build")
	}
}

// TestUsageErrors runs every kind of usage error and checks the exit code
// 2 and the whole message. SITE stands for a good site's folder.
func TestUsageErrors(t *testing.T) {
	site := writeSite(t, goodSite)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `loa: unknown command "bogus"; run loa help to see the commands`},
		{[]string{"-source", "SITE", "build"}, `loa: unknown command "-source"; run loa help to see the commands`},
		{[]string{"version", "extra"}, `loa version: unexpected argument "extra"`},
		{[]string{"help", "build"}, `loa help: unexpected argument "build"`},
		{[]string{"build", "-nope"}, "loa build: unknown flag -nope; run loa build -h to see the flags"},
		{[]string{"biuld"}, `loa: unknown command "biuld"; did you mean loa build?`},
		{[]string{"serv", "-source", "SITE"}, `loa: unknown command "serv"; did you mean loa serve?`},
		{[]string{"build", "-baseUrl", "https://example.org/"}, "loa build: unknown flag -baseUrl; did you mean -baseurl?"},
		{[]string{"build", "-base-url", "https://example.org/"}, "loa build: unknown flag -base-url; did you mean -baseurl?"},
		{[]string{"build", "--sourse", "SITE"}, "loa build: unknown flag -sourse; did you mean -source?"},
		{[]string{"new", "-source", "SITE", "artcle", "Tiêu đề"}, `loa new: unknown kind "artcle"; did you mean article? KIND is article, qa, news, document or page`},
		{[]string{"build", "-source", "SITE/content"}, "loa build: SITE/content has no content/ folder; run loa in a site folder, pass -source DIR, or start a site with loa new site DIR"},
		{[]string{"build", "-source", "SITE", "--", "-out"}, `loa build: unexpected argument "-out"; run loa build -h to see the flags`},
		{[]string{"build", "-out"}, "loa build: -out needs a value; run loa build -h to see the flags"},
		{[]string{"build", "-drafts=maybe"}, `loa build: invalid value "maybe" for -drafts; run loa build -h to see the flags`},
		{[]string{"build", "-source", "SITE", "public"}, `loa build: unexpected argument "public"; run loa build -h to see the flags`},
		{[]string{"build", "-source", "/nonexistent"}, "loa build: the folder /nonexistent does not exist; check -source, or create a site there with loa new site /nonexistent"},
		{[]string{"build", "-source", "SITE", "-out", "SITE/content"}, "loa build: -out SITE/content is inside content/; choose a folder such as public"},
		{[]string{"build", "-source", "SITE", "-out", "SITE"}, "loa build: -out SITE would replace the site's own files; choose a folder such as public"},
		{[]string{"build", "-source", "SITE", "-out", "SITE/public", "-baseurl", "example.org"}, `loa build: -baseurl "example.org" is not an http(s) address or a path from the root; write e.g. https://example.org/portal/ or /portal/`},
		{[]string{"build", "-source", "SITE", "-out", "SITE/public", "-baseurl", "ht!tp://x"}, `loa build: -baseurl "ht!tp://x" is not an http(s) address or a path from the root; write e.g. https://example.org/portal/ or /portal/`},
		{[]string{"build", "-source", "SITE", "-out", "SITE/public", "-baseurl", "ftp://example.org/"}, `loa build: -baseurl "ftp://example.org/" is not an http(s) address or a path from the root; write e.g. https://example.org/portal/ or /portal/`},
		{[]string{"check", "-source", "SITE", "extra"}, `loa check: unexpected argument "extra"; run loa check -h to see the flags`},
		{[]string{"check", "-source", "/nonexistent"}, "loa check: the folder /nonexistent does not exist; check -source, or create a site there with loa new site /nonexistent"},
		{[]string{"check", "-poll", "1s"}, "loa check: unknown flag -poll; run loa check -h to see the flags"},
		{[]string{"serve", "-source", "SITE", "-addr", "127.0.0.1:0", "extra"}, `loa serve: unexpected argument "extra"; run loa serve -h to see the flags`},
		{[]string{"serve", "-source", "SITE", "-addr", "nonsense"}, `loa serve: -addr "nonsense" is not host:port; write e.g. 127.0.0.1:1313`},
		{[]string{"serve", "-source", "SITE", "-addr", "127.0.0.1"}, `loa serve: -addr "127.0.0.1" is not host:port; write e.g. 127.0.0.1:1313`},
		{[]string{"serve", "-source", "SITE", "-addr", "127.0.0.1:99999"}, `loa serve: -addr "127.0.0.1:99999": the port is not a number from 0 to 65535; write e.g. 127.0.0.1:1313`},
		{[]string{"serve", "-source", "SITE", "-addr", "localhost:http2"}, `loa serve: -addr "localhost:http2": the port is not a number from 0 to 65535; write e.g. 127.0.0.1:1313`},
		{[]string{"serve", "-source", "SITE", "-addr", "127.0.0.1:0", "-poll", "-1s"}, "loa serve: -poll -1s is negative; give an interval such as 2s, or leave it out to use file-system events"},
		{[]string{"serve", "-source", "/nonexistent"}, "loa serve: the folder /nonexistent does not exist; check -source, or create a site there with loa new site /nonexistent"},
		{[]string{"new", "-source", "SITE"}, `loa new: give KIND and a title, as in loa new -topic T article "Tiêu đề"; KIND is article (needs -topic), qa, news (needs -unit), document or page`},
		{[]string{"new", "-source", "SITE", "page", "A", "B"}, `loa new: unexpected argument "B"; run loa new -h to see the flags`},
		{[]string{"new", "-source", "SITE", "page"}, `loa new: give KIND and a title, as in loa new -topic T article "Tiêu đề"; KIND is article (needs -topic), qa, news (needs -unit), document or page`},
		{[]string{"new", "-source", "SITE", "poem", "Tiêu đề"}, `loa new: unknown kind "poem"; use article, qa, news, document or page`},
		{[]string{"new", "-source", "SITE", "article", "Tiêu đề"}, "loa new: article needs -topic, one of: t"},
		{[]string{"new", "-source", "SITE", "-topic", "khac", "article", "Tiêu đề"}, "loa new: article needs -topic, one of: t"},
		{[]string{"new", "-source", "SITE", "page", "?!"}, `loa new: the title "?!" has no letter or digit to name the file after`},
		{[]string{"new", "-source", "SITE/khong-co", "page", "Tiêu đề"}, "loa new: the folder SITE/khong-co does not exist; check -source, or create a site there with loa new site SITE/khong-co"},
		{[]string{"new", "-nope"}, "loa new: unknown flag -nope; run loa new -h to see the flags"},
	}
	for _, tt := range tests {
		args := make([]string, len(tt.args))
		for i, a := range tt.args {
			args[i] = strings.ReplaceAll(a, "SITE", site)
		}
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			// A command that takes the error for work (serve) ends here.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			var out, errOut bytes.Buffer
			code := run(ctx, args, &out, &errOut)
			stdout, stderr := out.String(), errOut.String()
			want := strings.ReplaceAll(tt.want, "SITE", site) + "\n"
			if code != 2 || stderr != want || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 2, no stdout and stderr:\n%s", code, stdout, stderr, want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(site, "khong-co")); err == nil {
		t.Error("loa new made a site folder where there was none")
	}
}

// TestFlagHelp checks that -h prints a command's flags on stdout, exit 0.
func TestFlagHelp(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve", "new"} {
		code, stdout, stderr := runLoa(t, cmd, "-h")
		if code != 0 || stderr != "" || !strings.Contains(stdout, "-source") {
			t.Errorf("%s -h: exit %d, stdout %q, stderr %q", cmd, code, stdout, stderr)
		}
	}
}

func TestRefusesForeignOutput(t *testing.T) {
	dir := writeSite(t, goodSite)
	out := filepath.Join(dir, "docs")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out)
	if code != 1 || !strings.Contains(stderr, "is not empty and was not made by Loa") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "notes.txt")); string(data) != "mine" {
		t.Error("a folder not made by Loa was touched")
	}
}

func TestNew(t *testing.T) {
	dir := writeSite(t, goodSite)
	code, stdout, stderr := runLoa(t, "new", "-source", dir, "-topic", "t", "article", "Giám sát, phản biện xã hội")
	want := filepath.Join(dir, "content", "chu-de", "t", "giam-sat-phan-bien-xa-hoi.md")
	if code != 0 || strings.TrimSpace(stdout) != want {
		t.Fatalf("exit %d, stdout %q, stderr %q; want %s", code, stdout, stderr, want)
	}
	data, _ := os.ReadFile(want)
	if wantText := "---\ntitle: \"Giám sát, phản biện xã hội\"\ndate: 2026-11-25\nsummary: \"\"\ntags: []\ndraft: true\n---\n\nViết nội dung ở đây.\n"; string(data) != wantText {
		t.Errorf("scaffold:\n%s\nwant:\n%s", data, wantText)
	}
	// The new file is valid: the site still builds, and a second new with
	// the same title refuses to overwrite it.
	if code, _, stderr := runLoa(t, "check", "-source", dir); code != 0 {
		t.Errorf("check after new: exit %d: %s", code, stderr)
	}
	if code, _, _ := runLoa(t, "new", "-source", dir, "-topic", "t", "article", "Giám sát, phản biện xã hội"); code != 1 {
		t.Errorf("second new: exit %d, want 1", code)
	}
	for _, kind := range []string{"qa", "document", "page"} {
		if code, _, stderr := runLoa(t, "new", "-source", dir, kind, "Đường "+kind); code != 0 {
			t.Errorf("new %s: exit %d: %s", kind, code, stderr)
		}
	}
	if code, _, stderr := runLoa(t, "check", "-source", dir, "-drafts"); code != 0 {
		t.Errorf("check -drafts after new: exit %d: %s", code, stderr)
	}
}

func TestVersionAndHelp(t *testing.T) {
	if code, stdout, _ := runLoa(t, "version"); code != 0 || !strings.HasPrefix(stdout, "loa ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
	if code, stdout, _ := runLoa(t, "help"); code != 0 || !strings.Contains(stdout, "loa build") {
		t.Errorf("help: exit %d, %q", code, stdout)
	}
	if code, _, _ := runLoa(t); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
}
