package render

import (
	"html/template"
	"strings"

	"github.com/loa-vn/loa/internal/markdown"
)

// docno returns s escaped, with each document number it holds
// (markdown.FindNumbers: 18-CT/TW, 42/2022/NĐ-CP) kept on one line in a
// <span class="docno">, which the theme's stylesheet does not break at
// its hyphen or slash.
func docno(s string) template.HTML {
	matches := markdown.FindNumbers(s)
	if len(matches) == 0 {
		return template.HTML(template.HTMLEscapeString(s))
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		b.WriteString(template.HTMLEscapeString(s[last:m[0]]))
		b.WriteString(`<span class="docno">`)
		b.WriteString(template.HTMLEscapeString(s[m[0]:m[1]]))
		b.WriteString(`</span>`)
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return template.HTML(b.String())
}
