package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// outline keeps a body's headings under the page's title (its h1) without
// skipping a level, as the Nu Html Checker and screen readers expect, while
// keeping which headings are siblings and which are below which: the first
// heading is an h2 however many #s it has, and a heading is one level below
// the nearest heading before it that has fewer #s. An editor who writes ###
// for a smaller heading gets an h2 (styled by the theme), not a broken
// outline; a body whose levels are sound is left as it is.
type outline struct{}

// Transform sets the level of every heading of doc, in document order.
func (outline) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	type open struct{ written, shown int }
	var stack []open // the headings a new one may be below
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		for len(stack) > 0 && stack[len(stack)-1].written >= h.Level {
			stack = stack[:len(stack)-1]
		}
		shown := 2
		if len(stack) > 0 {
			shown = stack[len(stack)-1].shown + 1
		}
		stack = append(stack, open{h.Level, shown})
		h.Level = shown
		return ast.WalkContinue, nil
	})
}
