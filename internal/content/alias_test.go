package content

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCleanAlias(t *testing.T) {
	tests := []struct{ in, clean, problem string }{
		{"/tin-cu/bai-1/", "/tin-cu/bai-1/", ""},
		{"/tin-cu/bai-1", "/tin-cu/bai-1/", ""},
		{"/cu/trang.html", "/cu/trang.html", ""},
		{"/tin/2019.05/", "/tin/2019.05/", ""},
		{"/tin-cũ/bài-1/", "/tin-cũ/bài-1/", ""},
		{"/index.html", "/index.html", ""}, // a name the build's registry refuses, not this check
		{"/", "", "is the home page itself"},
		{"tin-cu/", "", `does not start with "/"`},
		{"//evil.example/", "", `starts with "//", which browsers read as another site`},
		{"/a\nb/", "", "holds a line break"},
		{"/a\r/", "", "holds a line break"},
		{"/a\u2028b/", "", "holds a line break"},
		{"/* /x 200!", "", "holds '*'"},
		{"/x /y 200", "", "holds a space (U+0020)"},
		{"/a\tb/", "", "holds a space (U+0009)"},
		{"/a\u00a0b/", "", "holds a space (U+00A0)"},
		{"/a\x00b/", "", "holds a control or invisible character (U+0000)"},
		{"/a\u200bb/", "", "holds a control or invisible character (U+200B)"},
		{"/a\u202eb/", "", "holds a control or invisible character (U+202E)"},
		{"/*", "", "holds '*'"},
		{"/a:b/", "", "holds ':'"},
		{"/x!", "", "holds '!'"},
		{"/a?b=1", "", "holds '?'"},
		{"/a#b", "", "holds '#'"},
		{"/a%20b/", "", "holds '%'"},
		{"/a\\b/", "", "holds '\\\\'"},
		{"/a\"b/", "", "holds '\"'"},
		{"/a/../../etc/", "", `holds a ".." segment`},
		{"/a/./b/", "", `holds a "." segment`},
		{"/a//b/", "", `holds an empty segment "//"`},
		{"/\xff/", "", "is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			clean, problem := CleanAlias(tt.in)
			if clean != tt.clean || problem != tt.problem {
				t.Errorf("CleanAlias(%q) = %q, %q; want %q, %q", tt.in, clean, problem, tt.clean, tt.problem)
			}
		})
	}
}

func TestAliasErrors(t *testing.T) {
	const hint = `; an old address is a plain path from the site root, e.g. "/tin-cu/bai-1/", without spaces, .. or any of * : ! ? # % \ " < > |`
	tests := []struct{ name, in, want string }{
		{"line break", "---\ntitle: A\naliases: [\"/a\\nb/\"]\n---\n", `content/x.md:3: aliases: "/a\nb/" holds a line break` + hint},
		{"redirect rule", "---\ntitle: A\naliases:\n  - /ok/\n  - \"/* /x 200!\"\n---\n", `content/x.md:3: aliases: "/* /x 200!" holds '*'` + hint},
		{"toml", "+++\ntitle = \"A\"\n\naliases = [\"/a/\", \"/b:c/\"]\n+++\n", `content/x.md:4: aliases: "/b:c/" holds ':'` + hint},
		{"escaping", "---\ntitle: A\naliases: [\"/../../etc/\"]\n---\n", `content/x.md:3: aliases: "/../../etc/" holds a ".." segment` + hint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := Parse("content/x.md", []byte(tt.in))
			if f != nil {
				t.Fatalf("Parse succeeded with aliases %q, want an error", f.Meta.Aliases)
			}
			if got := errs.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// FuzzCleanAlias checks that whatever an editor writes under aliases:,
// an accepted alias is a plain path: one field of a _redirects line and a
// file name inside the output folder, and cleaning it again changes
// nothing.
func FuzzCleanAlias(f *testing.F) {
	for _, tt := range []string{"/tin-cu/bai-1/", "/cu/trang.html", "/a\nb/", "/* /x 200!", "/../x/", "/tin-cũ/", "//x/", "/a/./b"} {
		f.Add(tt)
	}
	f.Fuzz(func(t *testing.T, in string) {
		clean, problem := CleanAlias(in)
		if problem != "" {
			if clean != "" {
				t.Fatalf("CleanAlias(%q) = %q with problem %q", in, clean, problem)
			}
			return
		}
		if !utf8.ValidString(clean) || !strings.HasPrefix(clean, "/") || strings.HasPrefix(clean, "//") {
			t.Fatalf("CleanAlias(%q) = %q, not a path from the site root", in, clean)
		}
		if i := strings.IndexFunc(clean, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`*:!?#%\`, r)
		}); i >= 0 {
			t.Fatalf("CleanAlias(%q) = %q, holding %q", in, clean, clean[i:])
		}
		for _, seg := range strings.Split(strings.Trim(clean, "/"), "/") {
			if seg == "" || seg == "." || seg == ".." {
				t.Fatalf("CleanAlias(%q) = %q, with a segment %q", in, clean, seg)
			}
		}
		if again, problem := CleanAlias(clean); again != clean || problem != "" {
			t.Fatalf("CleanAlias(%q) = %q, but CleanAlias(%q) = %q, %q", in, clean, clean, again, problem)
		}
	})
}
