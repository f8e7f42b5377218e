package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestOutline checks that body headings never skip a level below the
// page's h1: the levels written become the levels shown.
func TestOutline(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int
	}{
		{"## a\n\n### b\n\n## c\n", []int{2, 3, 2}},              // a sound outline stays as it is
		{"### a\n\n### b\n", []int{2, 2}},                        // starts at ###: becomes h2
		{"# a\n\n## b\n", []int{2, 3}},                           // h1 in a body: under the title
		{"## a\n\n#### b\n\n###### c\n", []int{2, 3, 4}},         // skips closed
		{"## a\n\n### b\n\n#### c\n\n## d\n", []int{2, 3, 4, 2}}, // back up any number of levels
	} {
		t.Run(tt.in, func(t *testing.T) {
			res, err := New(Config{}).Convert([]byte(tt.in), Options{FirstLine: 1})
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, h := range res.Headings {
				got = append(got, h.Level)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("levels %v, want %v\n%s", got, tt.want, res.HTML)
			}
		})
	}
	// Headings inside quotes and lists keep the outline too.
	res, err := New(Config{}).Convert([]byte("> ### a\n\n- ##### b\n"), Options{FirstLine: 1})
	if err != nil {
		t.Fatal(err)
	}
	if html := string(res.HTML); !strings.Contains(html, `<h2 id="a">`) || !strings.Contains(html, `<h3 id="b">`) {
		t.Errorf("nested headings: want h2 a and h3 b\n%s", html)
	}
}
