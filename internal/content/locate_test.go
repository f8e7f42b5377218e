package content

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// bigYAML returns n bytes or more of front matter lines of about width
// bytes, the last of which opens a list that is never closed.
func bigYAML(n, width int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "k%d: \"%s\"\n", i, strings.Repeat("giám sát ", width/11))
	}
	b.WriteString("tags: [a, b\n")
	return []byte(b.String())
}

// TestLocateYAMLError checks the line given for broken YAML, in small
// front matter and at the end of big ones.
func TestLocateYAMLError(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"title: A\nsummary: [a\nweight: 2\n", 2},
		{"title: \"A\nweight: 2\ndraft: true\n", 1},
		{"title: A\n  weight: 2\n", 2},
		{"title: A\ntags:\n  - a\n - b\n", 4},
		{"title: A\n\tdraft: true\n", 2},
		{"a: 1\nb: *x\n", 2},
	}
	for _, size := range []int{MaxFrontMatterSize} {
		for _, width := range []int{40, 4000} {
			in := bigYAML(size, width)
			tests = append(tests, struct {
				in   string
				want int
			}{string(in), strings.Count(string(in), "\n")})
		}
	}
	for _, tt := range tests {
		var node yaml.Node
		err := yaml.Unmarshal([]byte(tt.in), &node)
		if err == nil {
			t.Fatalf("%.40q… parses", tt.in)
		}
		if got := locateYAMLError([]byte(tt.in), err); got != tt.want {
			t.Errorf("%.40q… (%d bytes): line %d, want %d", tt.in, len(tt.in), got, tt.want)
		}
	}
}

// BenchmarkParseYAMLError50MB parses a file with 50 MB of front matter
// whose error is on its last line, as a hostile file would be.
func BenchmarkParseYAMLError50MB(b *testing.B) {
	data := append([]byte("---\n"), bigYAML(50<<20, 100)...)
	data = append(data, "---\nText\n"...)
	for b.Loop() {
		if f, errs := Parse("content/x.md", data); f != nil || errs == nil {
			b.Fatal("parsed")
		}
	}
}

// BenchmarkLocateYAMLError finds the line of an error at the end of front
// matter of the largest size Parse accepts, and of bigger ones: the time
// grows with the size, not its square.
func BenchmarkLocateYAMLError(b *testing.B) {
	for _, size := range []int{MaxFrontMatterSize, 1 << 20, 4 << 20} {
		for _, width := range []int{40, 4000} {
			raw := bigYAML(size, width)
			var node yaml.Node
			err := yaml.Unmarshal(raw, &node)
			b.Run(fmt.Sprintf("%dKB/lines of %d bytes", size>>10, width), func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					locateYAMLError(raw, err)
				}
			})
		}
	}
}
