package render

import (
	"errors"
	"html/template"
	"io"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/site"
)

// Layouts run minified, so the positions in their errors are positions in
// the minified text, all on line 1. The errors below take their position
// from the layouts parsed as written instead: a parse error comes from
// parsing the source, and a page that fails is run again with the source.

// parseError returns the parse error err of a layout set as a diagnostic
// at the file and line it names; file is the layout being parsed.
func parseError(err error, file string) error {
	pos, msg := locate(err.Error())
	if pos.File == "" {
		pos.File = file
	}
	return &diag.Diagnostic{Pos: pos, Msg: msg, Hint: "fix the template", Err: err}
}

// execError returns the error err of rendering route as a diagnostic at
// the line of the layout file as written where it arose. When the layouts
// run minified, the page is run again with the layouts as written (to no
// output) for that line.
func (r *Renderer) execError(route *site.Route, d *Data, err error) error {
	src := r.sources[route.Layout]
	trueLines := src == r.layouts[route.Layout]
	if !trueLines {
		if again := src.ExecuteTemplate(io.Discard, "base", d); again != nil {
			err, trueLines = again, true
		}
	}
	pos, msg := innermost(err, src)
	if pos.File == "" {
		pos.File = "layouts/" + route.Layout + ".html"
	}
	if !trueLines {
		pos.Line = 0 // a line of the minified text would mislead
	}
	return &diag.Diagnostic{Pos: pos, Msg: "rendering " + route.URL + ": " + msg, Err: err}
}

// innermost finds the deepest error of err's chain that has a position:
// a partial run by cached fails inside the call of cached.
func innermost(err error, set *template.Template) (diag.Pos, string) {
	pos, msg := diag.Pos{}, err.Error()
	for e := err; e != nil; e = errors.Unwrap(e) {
		var p diag.Pos
		var m string
		switch e := e.(type) {
		case texttemplate.ExecError:
			p, m = locate(e.Error())
		case *template.Error:
			p, m = htmlPos(e, set)
		default:
			continue
		}
		if p.File != "" {
			pos, msg = p, m
		}
	}
	return pos, msg
}

// htmlPos places an error of html/template's escaper.
func htmlPos(e *template.Error, set *template.Template) (diag.Pos, string) {
	if e.Node != nil {
		return locate(e.Error())
	}
	if t := set.Lookup(e.Name); t != nil && t.Tree != nil && e.Line > 0 {
		return diag.Pos{File: t.Tree.ParseName, Line: e.Line}, e.Description
	}
	return diag.Pos{}, e.Description
}

// locate splits a message of text/template or html/template, such as
// `template: layouts/a.html:5:12: executing "main" at <asset "x">: …`,
// into the position of the file and what is wrong: `{{asset "x"}}: …`.
// Messages without a layout file's position come back whole.
func locate(msg string) (diag.Pos, string) {
	rest, ok := strings.CutPrefix(msg, "template: ")
	if !ok {
		rest, ok = strings.CutPrefix(msg, "html/template:")
	}
	file, rest, found := strings.Cut(rest, ".html:")
	if !ok || !found || !strings.HasPrefix(file, "layouts/") {
		return diag.Pos{}, msg
	}
	num, rest, _ := strings.Cut(rest, ":")
	line, err := strconv.Atoi(num)
	if err != nil || line < 1 {
		return diag.Pos{}, msg
	}
	if col, after, ok := strings.Cut(rest, ":"); ok && isDigits(col) {
		rest = after
	}
	rest = strings.TrimPrefix(rest, " ")
	if after, ok := strings.CutPrefix(rest, "executing "); ok {
		// `"main" at <asset "x">: what` → `{{asset "x"}}: what`
		if _, at, ok := strings.Cut(after, " at <"); ok {
			if action, what, ok := strings.Cut(at, ">: "); ok {
				rest = "{{" + action + "}}: " + what
			}
		}
	}
	return diag.Pos{File: file + ".html", Line: line}, rest
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
