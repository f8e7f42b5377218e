// Package diag holds positioned diagnostics: what is wrong in which file,
// on which line, in which front-matter field, and what to write instead.
//
// A List collects every problem of a build so that an editor sees them all at
// once, like go/scanner.ErrorList. Lists are not safe for concurrent use;
// collect per goroutine and Append.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/i18n"
)

// Severity tells whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Notice is reported but the build goes on (for example a cited
	// document that has no page yet).
	Notice
)

// Pos is a position in a source file. Line and Col are 1-based; zero means
// unknown.
type Pos struct {
	File string // slash-separated, relative to the site root, e.g. "content/hoi-dap/a.md"
	Line int
	Col  int
}

func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Diagnostic is one problem: where, which field, what is wrong, what to do.
type Diagnostic struct {
	Pos      Pos
	Field    string // front-matter key or other named part, may be empty
	Msg      string // what is wrong
	Hint     string // what to write instead, may be empty
	Severity Severity
	Err      error // underlying cause, may be nil
}

// Error formats the diagnostic as "path:line: field: message; hint".
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == Notice {
		b.WriteString(i18n.Sprintf("notice: "))
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString("; ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (d *Diagnostic) Unwrap() error { return d.Err }

// List is a list of diagnostics. The zero value is an empty list ready to use.
type List []*Diagnostic

// Add appends an error at pos.
func (l *List) Add(pos Pos, field, msg, hint string) {
	*l = append(*l, &Diagnostic{Pos: pos, Field: field, Msg: msg, Hint: hint})
}

// Addf appends an error at pos with a formatted message and no hint.
func (l *List) Addf(pos Pos, field, format string, args ...any) {
	l.Add(pos, field, fmt.Sprintf(format, args...), "")
}

// Notice appends a notice at pos: reported, but not an error.
func (l *List) Notice(pos Pos, field, msg, hint string) {
	*l = append(*l, &Diagnostic{Pos: pos, Field: field, Msg: msg, Hint: hint, Severity: Notice})
}

// Append adds all diagnostics of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by file, line and column, keeping the order in which
// problems on the same position were added, and drops exact duplicates.
func (l *List) Sort() {
	seen := map[string]bool{}
	*l = slices.DeleteFunc(*l, func(d *Diagnostic) bool {
		dup := seen[d.Error()]
		seen[d.Error()] = true
		return dup
	})
	slices.SortStableFunc(*l, func(a, b *Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
}

// Errors returns only the diagnostics of severity Error.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Notices returns only the notices.
func (l List) Notices() List {
	var out List
	for _, d := range l {
		if d.Severity == Notice {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list as an error if it holds at least one Error-severity
// diagnostic, and nil otherwise.
func (l List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l.Errors()
}

// Error joins the diagnostics, one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Print writes each diagnostic on its own line.
func (l List) Print(w io.Writer) {
	for _, d := range l {
		fmt.Fprintln(w, d.Error())
	}
}
