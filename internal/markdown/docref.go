package markdown

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/loa-vn/loa/internal/vntext"
)

// Document numbers as Vietnamese officials write them:
//
//	Party:          18-CT/TW, 50-HD/HU, 08 - QĐi/TW, 05-TB/BCĐTW
//	State, legal:   42/2022/NĐ-CP, 75/2015/QH13
//	State, admin:   113/TTr-UBTVQH14, 123/QĐ-UBND
//
// Matches need a boundary on both sides: no letter, digit or slash before,
// no letter or digit after (checked in code: RE2 has no look-behind).
var docNumber = regexp.MustCompile(
	`\d{1,5}\s?-\s?[A-ZĐ][A-Za-zĐđ]{0,4}\s?/\s?[A-ZĐ][A-Za-zĐđ0-9]{1,14}` +
		`|\d{1,5}/\d{4}/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*` +
		`|\d{1,6}/[A-ZĐ][A-Za-zĐđ]*-[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*`)

// CanonicalNumber returns the canonical form of a document number:
// NFC, Ð as Đ, dashes as "-", and no spaces ("18 - CT/ TW" → "18-CT/TW").
func CanonicalNumber(s string) string {
	s = vntext.NFC(s)
	return strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-",
		" ", "", "\u00a0", "", "\t", "", "\n", "").Replace(s)
}

// FindNumbers returns the byte ranges of the document numbers in s.
func FindNumbers(s string) [][2]int {
	if strings.IndexByte(s, '/') < 0 {
		return nil // every form holds a slash; most text has none
	}
	var out [][2]int
	for _, m := range docNumber.FindAllStringIndex(s, -1) {
		if before, _ := utf8.DecodeLastRuneInString(s[:m[0]]); m[0] > 0 && (before == '/' || unicode.IsLetter(before) || unicode.IsDigit(before)) {
			continue
		}
		if after, _ := utf8.DecodeRuneInString(s[m[1]:]); m[1] < len(s) && (unicode.IsLetter(after) || unicode.IsDigit(after)) {
			continue
		}
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// docRefs is the AST transformer that records cited document numbers and
// links those that have a page. It never links inside links, images, code
// or headings.
type docRefs struct{}

func (docRefs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := pc.Get(stateKey).(*state)
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.Heading, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		linkNumbers(t, st)
	}
}

// linkNumbers splits t around the document numbers it holds, wrapping
// each number that has a page in a link.
func linkNumbers(t *ast.Text, st *state) {
	seg := t.Segment
	value := string(seg.Value(st.source))
	matches := FindNumbers(value)
	if len(matches) == 0 {
		return
	}
	parent := t.Parent()
	cursor := 0
	var last ast.Node = t
	insert := func(n ast.Node) {
		parent.InsertAfter(parent, last, n)
		last = n
	}
	for _, m := range matches {
		number := CanonicalNumber(value[m[0]:m[1]])
		url := st.cfg.Documents[number]
		st.citations = append(st.citations, Citation{Number: number, Line: st.lineOf(seg.Start + m[0]), URL: url})
		if url == "" || url == st.self {
			continue
		}
		if m[0] > cursor {
			insert(ast.NewTextSegment(text.NewSegment(seg.Start+cursor, seg.Start+m[0])))
		}
		link := ast.NewLink()
		link.Destination = []byte(url) // linkPolicy, which runs next, adds the base path
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(seg.Start+m[0], seg.Start+m[1])))
		insert(link)
		cursor = m[1]
	}
	if cursor == 0 {
		return
	}
	if cursor < len(value) {
		rest := ast.NewTextSegment(text.NewSegment(seg.Start+cursor, seg.Stop))
		insert(rest)
	}
	if l, ok := last.(*ast.Text); ok {
		l.SetSoftLineBreak(t.SoftLineBreak())
		l.SetHardLineBreak(t.HardLineBreak())
	}
	parent.RemoveChild(parent, t)
}
