package markdown

import (
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestHeadingIDs checks the ids of repeated and colliding headings: a
// repeat gets the first free -1, -2 …, and a heading whose own slug is a
// taken numbered id counts on from it.
func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"## A\n## A\n## A\n", []string{"a", "a-1", "a-2"}},
		{"## A-1\n## A\n## A\n## A\n", []string{"a-1", "a", "a-2", "a-3"}},
		{"## A\n## A\n## A 1\n## A\n", []string{"a", "a-1", "a-1-1", "a-2"}},
		{"## A\n## A-2\n## A\n## A\n## A\n", []string{"a", "a-2", "a-1", "a-3", "a-4"}},
		{"## ?\n## !\n## Mục\n", []string{"muc", "muc-1", "muc-2"}},
		{"## Giám sát\n### giam sat\n## GIÁM SÁT\n", []string{"giam-sat", "giam-sat-1", "giam-sat-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			res, err := New(Config{}).Convert([]byte(tt.body), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Headings {
				got = append(got, h.ID)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("ids = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHeadingIDsLinear counts the lookups of numbered ids for many
// repeats of one heading and of headings that take each other's numbers:
// each id may be looked up a bounded number of times, however many
// repeats there are.
func TestHeadingIDsLinear(t *testing.T) {
	const n = 20000
	for name, value := range map[string]func(i int) string{
		"repeat":   func(int) string { return "a" },
		"numbered": func(i int) string { return []string{"a", "a " + strconv.Itoa(i)}[i%2] },
	} {
		s := newIDs(nil)
		seen := map[string]bool{}
		for i := range n {
			id := string(s.Generate([]byte(value(i)), ast.KindHeading))
			if seen[id] {
				t.Fatalf("%s: id %q given twice", name, id)
			}
			seen[id] = true
		}
		if s.probes > 2*n {
			t.Errorf("%s: %d lookups of numbered ids for %d headings, want at most %d", name, s.probes, n, 2*n)
		}
	}
}

// BenchmarkConvertRepeatedHeadings converts 1 MB of "## a" lines: 209,715
// headings with one slug. Each must find its id in constant time.
func BenchmarkConvertRepeatedHeadings(b *testing.B) {
	body := []byte(strings.Repeat("## a\n", (1<<20)/5))
	c := New(Config{})
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		res, err := c.Convert(body, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if n := len(res.Headings); n != len(body)/5 {
			b.Fatalf("%d headings, want %d", n, len(body)/5)
		}
	}
}

// TestReservedIDs checks that headings never take an id the layouts use:
// "Nội dung" is the skip link's target, <main id="noi-dung">.
func TestReservedIDs(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"## Nội dung\n", []string{"noi-dung-1"}},
		{"## Nội dung\n## Nội dung\n## Nổi bật\n", []string{"noi-dung-1", "noi-dung-2", "noi-bat-1"}},
		{"## Nội dung 1\n## Nội dung\n", []string{"noi-dung-1", "noi-dung-2"}},
		{"## Giám sát\n", []string{"giam-sat"}},
	}
	conv := New(Config{Reserved: []string{"noi-dung", "noi-bat"}})
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			res, err := conv.Convert([]byte(tt.body), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Headings {
				got = append(got, h.ID)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("ids = %q, want %q", got, tt.want)
			}
			if strings.Contains(string(res.HTML), `id="noi-dung"`) {
				t.Errorf("HTML takes the reserved id:\n%s", res.HTML)
			}
		})
	}
}
