package content

import (
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: \"A\"\ndate: 2023-05-12\ntags: [a, b]\n---\nBody\n",
		"+++\ntitle = \"A\"\ndate = 2023-05-12\n+++\nBody\n",
		"---\ntitle: [\n---\n", "\ufeff---\r\ntitle: Ðảng\r\n---\r\n", "---\ntitle: A\n",
		"---\n: x\n---\n", "---\n- a\n---\n", "\x00\x01", "\xff\xfe",
		"+++\nx = [[{a.b = [1, \"]\"]}], '[']\n[c.d]\ne = \"\"\"\n[\"\"\"\n+++\n", "---\ntags: [[[[[[[[[[[a]]]]]]]]]]]\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		file, errs := Parse("content/chu-de/t/a.md", []byte(in))
		if file == nil && len(errs) == 0 {
			t.Fatal("no file and no error")
		}
		for _, d := range errs {
			if !utf8.ValidString(d.Error()) && utf8.ValidString(in) {
				t.Fatalf("invalid UTF-8 in error %q", d.Error())
			}
		}
		if file != nil && (!utf8.ValidString(file.Meta.Title) || !utf8.Valid(file.Body)) {
			t.Fatalf("invalid UTF-8 in parsed file from %q", in)
		}
	})
}
