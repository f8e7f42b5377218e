package markdown

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkPolicy records root-relative links and images, prefixes them with
// the base path, and empties dangerous targets on safe pages.
type linkPolicy struct{ unsafe bool }

var dangerousSchemes = []string{"javascript:", "vbscript:", "data:", "file:"}

// urlBlanks removes the tab and newline characters a browser strips from
// a URL before reading its scheme.
var urlBlanks = strings.NewReplacer("\t", "", "\n", "", "\r", "")

// IsDangerousURL reports whether dest would run script or embed content
// when followed: javascript:, vbscript:, data: and file: targets, in any
// letter case and with any leading blanks or control characters.
func IsDangerousURL(dest string) bool {
	d := strings.ToLower(strings.TrimLeft(dest, " \t\r\n\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"))
	d = urlBlanks.Replace(d)
	for _, s := range dangerousSchemes {
		if strings.HasPrefix(d, s) {
			return true
		}
	}
	return false
}

func (p *linkPolicy) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := pc.Get(stateKey).(*state)
	var gone []ast.Node // links to unwrap once the walk is done
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		image := false
		switch n := n.(type) {
		case *ast.Link:
			dest = &n.Destination
		case *ast.Image:
			dest, image = &n.Destination, true
		default:
			return ast.WalkContinue, nil
		}
		d := string(*dest)
		switch {
		case !p.unsafe && IsDangerousURL(d):
			*dest = nil
		case strings.HasPrefix(d, "/") && !strings.HasPrefix(d, "//"):
			st.links = append(st.links, Link{Dest: d, Line: st.lineOf(blockOffset(n, st.source)), Image: image})
			if !image && st.cfg.Gone != nil && st.cfg.Gone(SitePath(d)) {
				gone = append(gone, n) // its children still get the policy
				return ast.WalkContinue, nil
			}
			if img, ok := n.(*ast.Image); ok && st.toPicture(img, SitePath(d)) {
				return ast.WalkSkipChildren, nil
			}
			*dest = []byte(st.cfg.BasePath + d)
			if image && st.cfg.ImageSize != nil {
				if w, h, ok := st.cfg.ImageSize(d); ok {
					n.SetAttributeString("width", []byte(strconv.Itoa(w)))
					n.SetAttributeString("height", []byte(strconv.Itoa(h)))
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range gone {
		unwrap(n)
	}
	for _, r := range st.pictures {
		r.apply()
	}
}

// unwrap puts the children of n in its place.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// SitePath returns the site path a root-relative link leads to: without
// query or fragment, percent-decoded ("/a/b%20c/#x" → "/a/b c/").
func SitePath(dest string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if dec, err := url.PathUnescape(dest); err == nil {
		dest = dec
	}
	return dest
}

// blockOffset returns the source offset of the first line of the block
// holding n, or 0.
func blockOffset(n ast.Node, source []byte) int {
	for ; n != nil; n = n.Parent() {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if c := n.FirstChild(); c != nil {
			if t, ok := c.(*ast.Text); ok {
				return t.Segment.Start
			}
		}
	}
	return 0
}

// collectText fills the plain-text fields of res from the parsed document.
func collectText(doc ast.Node, source []byte, res *Result) {
	var all bytes.Buffer
	all.Grow(len(source))
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		start := all.Len()
		writeText(&all, b, source)
		text := bytes.TrimSpace(all.Bytes()[start:])
		n := copy(all.Bytes()[start:], text) // the block, trimmed, where it began
		all.Truncate(start + n)
		if n == 0 {
			continue
		}
		block := all.Bytes()[start:]
		if h, ok := b.(*ast.Heading); ok {
			id, _ := h.AttributeString("id")
			idText, _ := id.([]byte)
			res.Headings = append(res.Headings, Heading{Level: h.Level, ID: string(idText), Text: string(block)})
		}
		if res.Lead == "" && b.Kind() == ast.KindParagraph {
			res.Lead = string(block)
		}
		all.WriteByte('\n')
	}
	res.Text = all.String()
}

// writeText appends the visible text under n, with a space between blocks.
func writeText(w *bytes.Buffer, n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		w.Write(n.Segment.Value(source))
		if n.SoftLineBreak() || n.HardLineBreak() {
			w.WriteByte(' ')
		}
		return
	case *ast.String:
		w.Write(n.Value)
		return
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			writeText(w, c, source)
		}
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	case *ast.AutoLink:
		w.Write(n.Label(source))
		return
	case *pictureNode:
		w.WriteString(n.alt)
		return
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 && !n.HasChildren() {
		// Code blocks: their lines are their text.
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			w.Write(seg.Value(source))
		}
		w.WriteByte(' ')
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(w, c, source)
	}
	if n.Type() == ast.TypeBlock {
		w.WriteByte(' ')
	}
}
