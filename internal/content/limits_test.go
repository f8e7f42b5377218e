package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLimits checks the message of each limit on one file, whole.
func TestLimits(t *testing.T) {
	tags := make([]string, MaxTagsPerPage+1)
	for i := range tags {
		tags[i] = fmt.Sprintf("%q", fmt.Sprintf("thẻ %d", i))
	}
	deepYAML := strings.Repeat("[", MaxNesting) + "a" + strings.Repeat("]", MaxNesting)
	deepTOML := strings.Repeat("[", MaxNesting) + "1" + strings.Repeat("]", MaxNesting)
	const line = "Một dòng văn bản.\n"
	tests := []struct {
		name, in, want string
	}{
		{"tags per page", "---\ntitle: A\ntags: [" + strings.Join(tags, ", ") + "]\n---\n",
			"content/x.md:3: tags: 21 tags, more than the limit of 20; keep the few that say what the page is about"},
		{"tags per page toml", "+++\ntitle = \"A\"\ntags = [" + strings.Join(tags, ", ") + "]\n+++\n",
			"content/x.md:3: tags: 21 tags, more than the limit of 20; keep the few that say what the page is about"},
		{"file size", "---\ntitle: A\n---\n" + strings.Repeat(line, MaxFileSize/len(line)),
			"content/x.md: file is 4.1 MB, more than the limit of 4 MB; split it into several pages, or put the full text in a PDF under static/ and link it"},
		{"front matter size", "\n---\ntitle: A\nsummary: \"" + strings.Repeat("a", MaxFrontMatterSize) + "\"\n---\n",
			"content/x.md:2: front matter is 65 KB, more than the limit of 64 KB; keep the keys short and move long text into the body, after the closing ---"},
		{"nesting yaml", "---\ntitle: A\nsummary: x\ntags: " + deepYAML + "\n---\n",
			"content/x.md:4: tags: nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags: [\"giám sát\", \"dân chủ\"]"},
		{"nesting yaml block", "---\ntitle: A\ntags:\n" + strings.Repeat("- ", MaxNesting) + "a\n---\n",
			"content/x.md:4: tags: nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags: [\"giám sát\", \"dân chủ\"]"},
		{"nesting yaml 100000", "---\ntitle: A\ntags: " + strings.Repeat("[", 100000) + "\n---\n",
			"content/x.md:1: front matter is 98 KB, more than the limit of 64 KB; keep the keys short and move long text into the body, after the closing ---"},
		{"nesting toml", "+++\ntitle = \"A\"\ntags = " + deepTOML + "\n+++\n",
			"content/x.md:3: tags: nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags = [\"giám sát\", \"dân chủ\"]"},
		{"nesting yaml 20000", "---\ntitle: A\ntags: " + strings.Repeat("[", 20000) + "\n---\n",
			"content/x.md:3: front matter nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags: [\"giám sát\", \"dân chủ\"]"},
		{"nesting toml arrays 30000", "+++\ntitle = \"A\"\ntags = " + strings.Repeat("[", 30000) + strings.Repeat("]", 30000) + "\n+++\n",
			"content/x.md:3: tags: nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags = [\"giám sát\", \"dân chủ\"]"},
		{"nesting toml tables 20000", "+++\ntitle = \"A\"\n\nalt = " + strings.Repeat("{a=", 20000) + "1" + strings.Repeat("}", 1000) + "\n+++\n",
			"content/x.md:4: alt: nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags = [\"giám sát\", \"dân chủ\"]"},
		{"nesting toml arrays 100000", "+++\ntitle = \"A\"\ntags = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n+++\n",
			"content/x.md:1: front matter is 196 KB, more than the limit of 64 KB; keep the keys short and move long text into the body, after the closing +++"},
		{"nesting toml tables 100000", "+++\ntitle = \"A\"\n\nalt = " + strings.Repeat("{a=", 100000) + "1" + strings.Repeat("}", 100000) + "\n+++\n",
			"content/x.md:1: front matter is 391 KB, more than the limit of 64 KB; keep the keys short and move long text into the body, after the closing +++"},
		{"nesting toml dotted keys", "+++\ntitle = \"A\"\n" + strings.Repeat("a.", 20000) + "b = 1\n+++\n",
			"content/x.md:3: a: nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags = [\"giám sát\", \"dân chủ\"]"},
		{"nesting toml header", "+++\ntitle = \"A\"\n# [[[[[[[[[[[[\nx = \"[[[[[[[[[[[[\"\n[" + strings.Repeat("a.", 20000) + "b]\n+++\n",
			"content/x.md:5: a: nests lists and tables deeper than 10 levels; keys take text or a list of text, e.g. tags = [\"giám sát\", \"dân chủ\"]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := Parse("content/x.md", []byte(tt.in))
			if f != nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			if got := errs.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestWithinLimits parses files at the limits, and nestings of lists and
// tables that the count must not take for deeper than they are.
func TestWithinLimits(t *testing.T) {
	tags := make([]string, MaxTagsPerPage)
	for i := range tags {
		tags[i] = fmt.Sprintf("\"thẻ %d\"", i)
	}
	head := "---\ntitle: A\ntags: [" + strings.Join(tags, ", ") + "]\n---\n"
	for _, in := range []string{
		head + strings.Repeat("a", MaxFileSize-len(head)),
		"---\ntitle: A\nsummary: \"" + strings.Repeat("a", MaxFrontMatterSize-40) + "\"\n---\n",
		"+++\ntitle = \"A [[[[[[[[[[[[[ {{{{{{{{{{{{{\"\nsummary = '''\n[[[[[[[[[[[[\n'''\ntags = [\"a.b.c.d.e.f.g.h.i.j.k.l\", 'x.x.x.x.x.x.x.x.x.x.x.x'] # [[[[[[[[[[[[[[[[\n" +
			"alt = \"\"\"\n\\\"\"\" [[[[[[[[[[[[\"\"\"\nauthor = \"a\\\"[[[[[[[[[[[[\"\n+++\n",
	} {
		if _, errs := Parse("content/x.md", []byte(in)); errs != nil {
			t.Errorf("%.80q…: %v", in, errs)
		}
	}
	for _, in := range []string{
		"x = " + strings.Repeat("[", MaxNesting-1) + strings.Repeat("]", MaxNesting-1),
		"[[a.b]]\nc.d.e.f = [[[1]]]",
		"x = {a = {b = {c = [1, 2, {d.e = 3}]}}}\ny = [[1], [2], [3], [4], [5], [6], [7], [8], [9], [10], [11]]",
	} {
		if line, key := tomlNesting([]byte(in)); line != 0 {
			t.Errorf("tomlNesting(%q) = %d, %q; want 0", in, line, key)
		}
	}
	// The count itself is safe at any depth, past the size limits.
	if line, key := tomlNesting([]byte("\nx = " + strings.Repeat("{a=[", 1_000_000))); line != 2 || key != "x" {
		t.Errorf("tomlNesting of 2,000,000 levels = %d, %q; want 2, \"x\"", line, key)
	}
}

// TestReadFileTooLarge checks that a file over MaxFileSize is refused
// from its size, with the message Parse gives.
func TestReadFileTooLarge(t *testing.T) {
	fsys := fstest.MapFS{"content/x.md": {Data: make([]byte, MaxFileSize+MaxFileSize/2)}}
	_, errs := ReadFile(fsys, "content/x.md")
	want := "content/x.md: file is 6 MB, more than the limit of 4 MB; split it into several pages, or put the full text in a PDF under static/ and link it"
	if got := errs.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
