package markdown

import (
	"bytes"
	"html"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Picture is a responsive image: the variants a build made of one source
// image, by format. See Config.Picture.
type Picture struct {
	Width, Height int      // of the widest variant, as shown
	Sources       []Source // WebP first, then the fallback (JPEG or PNG)
}

// Source is the variants of a picture in one format.
type Source struct {
	Type  string // media type, e.g. "image/webp"
	Files []File // narrowest first
}

// File is one variant of a picture.
type File struct {
	URL   string // site path, e.g. "/anh/hop.3f2a9c1b7d.720.webp"
	Width int
}

// Body images fill the text column: 46rem at most (--max in the theme's
// stylesheet), the width of the screen less its margins on phones.
const bodySizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"

// EagerWidth is the narrowest image that counts as a page's first large
// image, which loads at once; the others load when scrolled near.
const EagerWidth = 360

// HTML returns the <picture> element of p: a <source> per format but the
// last, whose files the <img> lists, with sizes (the CSS width the image
// takes), its width and height (so that the page reserves its place),
// and alt. A lazy picture loads when scrolled near and decodes off the
// main thread; an eager one (a page's first large image) loads first.
// base is the site's base path ("/portal" or "").
func (p *Picture) HTML(base, alt, sizes string, eager bool) template.HTML {
	var b strings.Builder
	p.write(&b, base, alt, "", sizes, eager)
	return template.HTML(b.String())
}

func (p *Picture) write(b *strings.Builder, base, alt, title, sizes string, eager bool) {
	if len(p.Sources) == 0 {
		return
	}
	b.WriteString("<picture>")
	last := p.Sources[len(p.Sources)-1]
	for _, s := range p.Sources[:len(p.Sources)-1] {
		b.WriteString(`<source type="` + s.Type + `" srcset="` + srcset(base, s.Files) + `" sizes="` + sizes + `">`)
	}
	b.WriteString(`<img src="` + fileURL(base, fallback(last.Files)) + `" srcset="` + srcset(base, last.Files) + `" sizes="` + sizes + `"`)
	b.WriteString(` width="` + strconv.Itoa(p.Width) + `" height="` + strconv.Itoa(p.Height) + `" alt="` + html.EscapeString(alt) + `"`)
	if title != "" {
		b.WriteString(` title="` + html.EscapeString(title) + `"`)
	}
	if eager {
		b.WriteString(` fetchpriority="high">`)
	} else {
		b.WriteString(` loading="lazy" decoding="async">`)
	}
	b.WriteString("</picture>")
}

// fallback is the file an old browser without srcset shows: the
// narrowest at least 720 pixels wide, else the widest.
func fallback(files []File) File {
	for _, f := range files {
		if f.Width >= 720 {
			return f
		}
	}
	return files[len(files)-1]
}

func srcset(base string, files []File) string {
	parts := make([]string, len(files))
	for i, f := range files {
		parts[i] = fileURL(base, f) + " " + strconv.Itoa(f.Width) + "w"
	}
	return strings.Join(parts, ", ")
}

// fileURL escapes a file's path for an attribute and a srcset, where a
// space or a comma would end the URL.
func fileURL(base string, f File) string {
	u := (&url.URL{Path: base + f.URL}).EscapedPath()
	return html.EscapeString(strings.ReplaceAll(u, ",", "%2C"))
}

// pictureNode takes the place of a Markdown image that has a Picture.
type pictureNode struct {
	ast.BaseInline
	pic        *Picture
	alt, title string
	eager      bool
}

var kindPicture = ast.NewNodeKind("Picture")

func (n *pictureNode) Kind() ast.NodeKind { return kindPicture }

func (n *pictureNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Alt": n.alt}, nil)
}

// pictureRenderer writes pictureNodes. base is the site's base path.
type pictureRenderer struct{ base string }

func (r pictureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindPicture, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			n := node.(*pictureNode)
			var b strings.Builder
			n.pic.write(&b, r.base, n.alt, n.title, bodySizes, n.eager)
			w.WriteString(b.String())
		}
		return ast.WalkSkipChildren, nil
	})
}

// toPicture replaces the image n with its picture when Config.Picture
// has one for its site path. The page's first large picture is eager
// unless the page shows a lead image above its body.
func (st *state) toPicture(n *ast.Image, sitePath string) bool {
	if st.cfg.Picture == nil {
		return false
	}
	pic, ok := st.cfg.Picture(sitePath)
	if !ok || pic == nil {
		return false
	}
	var alt bytes.Buffer
	writeText(&alt, n, st.source)
	p := &pictureNode{pic: pic, alt: strings.TrimSpace(alt.String()), title: string(n.Title)}
	if !st.eagerTaken && pic.Width >= EagerWidth {
		p.eager, st.eagerTaken = true, true
	}
	st.pictures = append(st.pictures, replacement{n, p})
	return true
}

// replacement is an image to replace by its picture once the walk is done.
type replacement struct {
	image   *ast.Image
	picture *pictureNode
}

func (r replacement) apply() {
	if parent := r.image.Parent(); parent != nil {
		parent.ReplaceChild(parent, r.image, r.picture)
	}
}
