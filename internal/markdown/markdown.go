// Package markdown converts the Markdown body of a content file to HTML
// with the one configured goldmark of the site, and returns what the rest
// of the build needs to know about it: headings, plain text for search and
// summaries, internal links and images with their lines, and the document
// numbers it cites.
//
// # Syntax
//
// CommonMark plus GitHub tables, strikethrough and task lists, and
// typographic quotes and dashes (“ ”, –, …; a single " - " stays as it
// is, as in "chính trị - xã hội"). Headings get ids from their Vietnamese
// slug ("## Giám sát là gì?" → id="giam-sat-la-gi"), never one the
// layouts use (see Config.Reserved: "## Nội dung" → id="noi-dung-1").
// Web addresses become links when written <https://…> or
// [text](https://…); bare addresses stay text (GitHub's "linkify" doubled
// the conversion time of every page).
//
// # Safety
//
// Raw HTML is dropped, and javascript:, vbscript:, data: and file: link and
// image targets are emptied, unless the page sets unsafe: true.
//
// # Document numbers
//
// Document numbers in running text ("Chỉ thị số 18-CT/TW", "Hướng dẫn số
// 50-HD/HU", "42/2022/NĐ-CP") are reported as citations, and those that
// match a document page become links to it: never inside links, images,
// code or headings, and never on the document's own page. Every number,
// in headings too, is put in a <span class="docno"> that the theme keeps
// on one line.
//
// # Links
//
// Root-relative links ("/hoi-dap/") are site links: they are reported for
// checking and prefixed with the base path of the site. A link to a page
// that is gone by itself (see Config.Gone) becomes its plain text.
//
// A Converter is safe for concurrent use.
package markdown

import (
	"bytes"
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/loa-vn/loa/internal/vntext"
)

// Config configures a Converter. The zero value converts for a site at
// the root of its domain with no known documents.
type Config struct {
	BasePath string // URL path the site lives under, e.g. "/portal"; "" or "/" for the root
	// Documents maps canonical document numbers (see CanonicalNumber) to the
	// site URL of the document's page, for automatic linking.
	Documents map[string]string
	// ImageSize gives the width and height of an image at a site path
	// ("/img/a.png"), so that <img> reserves its place. Nil: no sizes.
	ImageSize func(path string) (w, h int, ok bool)
	// Gone reports whether the site path of a root-relative link ("/a/",
	// decoded, without query or fragment) leads to a page that is gone by
	// itself (an expired item): the link's text is then kept without the
	// link. The link is still reported in Result.Links. Nil: none.
	Gone func(path string) bool
	// Picture gives the responsive variants of the image at a site path
	// ("/anh/hop.jpg", decoded), which a body image then shows as a
	// <picture> with srcset, sizes, width and height, loading lazily but
	// for the page's first large image. Nil, or no picture: a plain <img>.
	Picture func(path string) (*Picture, bool)
	// Reserved are ids the layouts put on the page around the body (e.g.
	// "noi-dung", the target of the skip link): a heading whose slug is one
	// of them gets the first free of -1, -2 … instead. See
	// render.LayoutIDs.
	Reserved []string
}

// Heading is a heading of the body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a root-relative link or image in the body, before the base path
// is added.
type Link struct {
	Dest  string // e.g. "/hoi-dap/cau-1/" or "/images/a.jpg"
	Line  int    // line in the source file
	Image bool
}

// Citation is a document number found in the text.
type Citation struct {
	Number string // canonical form, e.g. "18-CT/TW"
	Line   int
	URL    string // site URL of the document page, "" when there is none
}

// Result is a converted body.
type Result struct {
	HTML      template.HTML
	Headings  []Heading
	Text      string // plain text of the body, blocks separated by newlines
	Lead      string // plain text of the first paragraph
	Links     []Link
	Citations []Citation
}

// Converter turns Markdown bodies into HTML. Safe for concurrent use.
type Converter struct {
	cfg          Config
	safe, unsafe goldmark.Markdown
}

// New returns a Converter for cfg.
func New(cfg Config) *Converter {
	cfg.BasePath = strings.TrimSuffix(cfg.BasePath, "/")
	c := &Converter{cfg: cfg}
	c.safe = c.newGoldmark(false)
	c.unsafe = c.newGoldmark(true)
	return c
}

func (c *Converter) newGoldmark(unsafe bool) goldmark.Markdown {
	rendererOpts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(docNumberHTML{}, 500))}
	if unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, typographer),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(docRefs{}, 100), util.Prioritized(&linkPolicy{unsafe: unsafe}, 200), util.Prioritized(outline{}, 300)),
		),
		goldmark.WithRendererOptions(append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(pictureRenderer{c.cfg.BasePath}, 500)))...),
	)
}

// typographer writes real characters, not entities, so that the plain
// text for search and summaries holds them too.
var typographer = extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
	extension.LeftSingleQuote:  []byte("‘"),
	extension.RightSingleQuote: []byte("’"),
	extension.LeftDoubleQuote:  []byte("“"),
	extension.RightDoubleQuote: []byte("”"),
	extension.EnDash:           []byte("–"),
	extension.EmDash:           []byte("—"),
	extension.Ellipsis:         []byte("…"),
	extension.LeftAngleQuote:   []byte("«"),
	extension.RightAngleQuote:  []byte("»"),
	extension.Apostrophe:       []byte("’"),
}))

// state is the per-conversion data shared with the AST transformers.
type state struct {
	cfg       *Config
	source    []byte
	lines     []int // offsets of line starts in source
	firstLine int
	self      string // URL of the page being converted
	links     []Link
	citations []Citation
	// eagerTaken: the page's first large image is placed (or the page
	// has a lead image above the body, Options.LeadImage).
	eagerTaken bool
	pictures   []replacement
}

var stateKey = parser.NewContextKey()

// lineOf returns the file line of a byte offset in the body.
func (s *state) lineOf(offset int) int {
	i, _ := slices.BinarySearch(s.lines, offset+1)
	return s.firstLine + i - 1
}

// Options describe one body to convert.
type Options struct {
	FirstLine int    // line of the file on which the body starts (1-based)
	Unsafe    bool   // let raw HTML and any link target through
	URL       string // site URL of the page, so that it does not link to itself
	// LeadImage: the page shows an image above its body, which is its
	// first large image; every body image then loads lazily.
	LeadImage bool
}

// Convert renders body.
func (c *Converter) Convert(body []byte, opts Options) (*Result, error) {
	unsafe := opts.Unsafe
	st := &state{cfg: &c.cfg, source: body, firstLine: max(opts.FirstLine, 1), lines: []int{0}, self: opts.URL, eagerTaken: opts.LeadImage}
	for i, b := range body {
		if b == '\n' {
			st.lines = append(st.lines, i+1)
		}
	}
	md := c.safe
	if unsafe {
		md = c.unsafe
	}
	pc := parser.NewContext(parser.WithIDs(newIDs(c.cfg.Reserved)))
	pc.Set(stateKey, st)
	doc := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	var buf bytes.Buffer
	buf.Grow(len(body) + len(body)/4)
	if err := md.Renderer().Render(&buf, body, doc); err != nil {
		return nil, err
	}
	res := &Result{HTML: template.HTML(buf.String()), Links: st.links, Citations: st.citations}
	collectText(doc, body, res)
	return res, nil
}

// ids makes heading ids from Vietnamese slugs, unique within one body: a
// repeated slug, or one of Config.Reserved, gets the first free of -1,
// -2 …. Each base remembers the
// last number it tried, so that n repeats cost n lookups, not n²/2: a
// number once taken stays taken, so no free one is skipped.
type ids struct {
	used   map[string]bool
	next   map[string]int // base → the number its next repeat tries first
	probes int            // lookups of numbered ids, for tests
}

func newIDs(reserved []string) *ids {
	s := &ids{used: make(map[string]bool, len(reserved)), next: map[string]int{}}
	for _, id := range reserved {
		s.used[id] = true
	}
	return s
}

func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := cmp.Or(vntext.Slug(string(value)), "muc")
	id := base
	if s.used[id] {
		i := max(s.next[base], 1)
		for ; ; i++ {
			s.probes++
			id = base + "-" + strconv.Itoa(i)
			if !s.used[id] {
				break
			}
		}
		s.next[base] = i + 1
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
