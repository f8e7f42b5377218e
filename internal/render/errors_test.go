package render

import (
	"testing"

	"github.com/loa-vn/loa/internal/diag"
)

func TestLocate(t *testing.T) {
	tests := []struct {
		in, file string
		line     int
		msg      string
	}{
		{`template: layouts/a.html:5: function "f" not defined`, "layouts/a.html", 5, `function "f" not defined`},
		{`template: layouts/partials/b.html:12:7: executing "b" at <index .X 9>: error calling index: out of range`, "layouts/partials/b.html", 12, `{{index .X 9}}: error calling index: out of range`},
		{`html/template:layouts/a.html:3:20: {{.X}} appears in an ambiguous context within a URL`, "layouts/a.html", 3, `{{.X}} appears in an ambiguous context within a URL`},
		{`template: multiple definition of template "main"`, "", 0, `template: multiple definition of template "main"`},
		{`template: other.html:5: x`, "", 0, `template: other.html:5: x`},
		{`template: layouts/a.html:x: y`, "", 0, `template: layouts/a.html:x: y`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			pos, msg := locate(tt.in)
			if want := (diag.Pos{File: tt.file, Line: tt.line}); pos != want || msg != tt.msg {
				t.Errorf("got %v %q, want %v %q", pos, msg, want, tt.msg)
			}
		})
	}
}
