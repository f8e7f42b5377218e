package build

import (
	"context"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
	"golang.org/x/tools/txtar"

	"github.com/loa-vn/loa/internal/output"
)

// FuzzPage builds a small site whose one article is the fuzzed file:
// front matter plus Markdown, through every template. Whatever the input,
// the build must not panic, every output file must be valid UTF-8, and no
// page may hold a script the editor did not ask for.
func FuzzPage(f *testing.F) {
	ar, err := txtar.ParseFile("testdata/golden/small-site.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range ar.Files {
		if strings.HasPrefix(file.Name, "content/") {
			f.Add(string(file.Data))
		}
	}
	f.Add("---\ntitle: \"</script><script>alert(1)</script>\"\ndate: 2023-01-01\nsummary: \"\\\"><img src=x onerror=alert(1)>\"\ntags: [\"<b>\", \"a&b\"]\nauthor: \"{{.}}\"\n---\n[x](javascript:alert(1)) <script>alert(2)</script>\n")
	allowed := regexp.MustCompile(`(?i)^<script (?:type=application/ld\+json|src=[^ >]+ defer)>$`)
	// One Builder per fuzzing process: each input is an edit of the one
	// article, rebuilt incrementally, so that an execution costs
	// milliseconds, not a whole build.
	const name = "content/chu-de/t/a.md"
	fsys := fstest.MapFS{
		"content/_index.md":          {Data: []byte("---\ntitle: T\n---\n")},
		"content/chu-de/t/_index.md": {Data: []byte("---\ntitle: Chủ đề\n---\n")},
		name:                         {Data: []byte("---\ntitle: A\ndate: 2023-01-01\n---\nA.\n")},
	}
	b := NewBuilder(Config{Site: fsys, Theme: os.DirFS("../.."), BaseURL: "https://example.org/", Now: testNow})
	if _, err := b.Build(context.Background(), output.Discard{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		fsys[name] = &fstest.MapFile{Data: []byte(in)}
		mem := output.NewMemory()
		if _, err := b.Rebuild(context.Background(), []string{name}, mem); err != nil {
			return // bad input is reported, not built
		}
		unsafe := strings.Contains(in, "unsafe")
		for file, data := range mem.Files() {
			if !utf8.Valid(data) && !isImage(file) {
				t.Fatalf("%s is not valid UTF-8", file)
			}
			if !strings.HasSuffix(file, ".html") || unsafe {
				continue
			}
			for _, tag := range scriptTags(data) {
				if !allowed.MatchString(tag) {
					t.Fatalf("%s holds %s from input %q", file, tag, in)
				}
			}
		}
	})
}

// scriptTags returns the script start tags of an HTML document, as an HTML
// tokenizer sees them (text inside attributes or <title> is not a tag).
func scriptTags(doc []byte) []string {
	var tags []string
	l := html.NewLexer(parse.NewInputBytes(doc))
	var cur []byte
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return tags
		case html.StartTagToken:
			cur = nil
			if strings.EqualFold(string(l.Text()), "script") {
				cur = append([]byte(nil), data...)
			}
		case html.AttributeToken:
			if cur != nil {
				cur = append(cur, data...)
			}
		case html.StartTagCloseToken:
			if cur != nil {
				tags = append(tags, string(cur)+">")
				cur = nil
			}
		}
	}
}

func TestScriptTags(t *testing.T) {
	got := scriptTags([]byte(`<title>&lt;script></title><meta content="<script>x</script>"><script type=application/ld+json>{}</script><p><script src=/a.js defer></script><SCRIPT>alert(1)</SCRIPT>`))
	want := []string{"<script type=application/ld+json>", "<script src=/a.js defer>", "<script>"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("scriptTags = %q, want %q", got, want)
	}
}

// isImage reports whether an output file is an image (the theme's, a
// photo's variants, a share card), which is not text.
func isImage(name string) bool {
	switch path.Ext(name) {
	case ".png", ".jpg", ".jpeg", ".webp", ".gif":
		return true
	}
	return false
}
