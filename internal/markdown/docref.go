package markdown

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

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

// docRefs is the AST transformer that records cited document numbers,
// links those that have a page, and keeps every number on one line (see
// DocNumber). It never links inside links, images, code or headings, and
// records no citation in a heading.
type docRefs struct{}

// numberText is a text node that may hold document numbers, and whether
// numbers there may be cited and linked (not in a heading).
type numberText struct {
	t    *ast.Text
	link bool
}

func (docRefs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := pc.Get(stateKey).(*state)
	var texts []numberText
	heading := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Heading:
			heading += map[bool]int{true: 1, false: -1}[entering]
		case *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				texts = append(texts, numberText{n, heading == 0})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		if t.t.Parent() == nil {
			continue // merged into the text before it
		}
		mergeTexts(t.t, st.source)
		linkNumbers(t.t, st, t.link)
	}
}

// mergeTexts joins to t the text nodes after it that continue it in the
// source: the parser splits text where a typographic dash might start
// ("18" "-CT/TW"), which would hide the number.
func mergeTexts(t *ast.Text, source []byte) {
	for next, ok := t.NextSibling().(*ast.Text); ok && t.Merge(next, source); next, ok = t.NextSibling().(*ast.Text) {
		t.Parent().RemoveChild(t.Parent(), next)
	}
}

// KindDocNumber is the kind of a DocNumber node.
var KindDocNumber = ast.NewNodeKind("DocNumber")

// DocNumber holds the text of a document number, which it renders in a
// <span class="docno">: the theme's stylesheet keeps it from breaking at
// its hyphen or slash ("18-CT/TW" stays on one line).
type DocNumber struct{ ast.BaseInline }

// Kind returns KindDocNumber.
func (n *DocNumber) Kind() ast.NodeKind { return KindDocNumber }

// Dump writes the node for debugging.
func (n *DocNumber) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// docNumberHTML renders DocNumber nodes.
type docNumberHTML struct{}

func (docNumberHTML) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindDocNumber, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<span class="docno">`)
		} else {
			w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	})
}

// linkNumbers splits t around the document numbers it holds, putting
// each in a DocNumber, and with cite, records it as cited and wraps it
// in a link when it has a page.
func linkNumbers(t *ast.Text, st *state, cite bool) {
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
		url := ""
		if cite {
			url = st.cfg.Documents[number]
			st.citations = append(st.citations, Citation{Number: number, Line: st.lineOf(seg.Start + m[0]), URL: url})
		}
		if m[0] > cursor {
			insert(ast.NewTextSegment(text.NewSegment(seg.Start+cursor, seg.Start+m[0])))
		}
		var n ast.Node = &DocNumber{}
		n.AppendChild(n, ast.NewTextSegment(text.NewSegment(seg.Start+m[0], seg.Start+m[1])))
		if url != "" && url != st.self {
			link := ast.NewLink()
			link.Destination = []byte(url) // linkPolicy, which runs next, adds the base path
			link.AppendChild(link, n)
			n = link
		}
		insert(n)
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
