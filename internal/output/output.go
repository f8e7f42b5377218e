// Package output is the boundary between built bytes and the disk: it
// minifies by media type and writes through a Sink. Dir writes a fresh
// folder beside the target and swaps it in only when the whole build
// succeeded; Memory keeps the site in memory for the dev server; Discard
// keeps nothing, for checks.
//
// Sinks are safe for concurrent use.
package output

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// A Sink receives the files of a built site. Names are slash paths
// relative to the site's root ("chu-de/index.html"). Put must not keep
// data after it returns: the caller may reuse it.
type Sink interface {
	Put(name string, data []byte) error
}

// A Remover is a Sink that can also delete a file it holds, so that
// incremental builds can drop pages no longer produced.
type Remover interface {
	Remove(name string) error
}

// Minifier minifies files by their extension. Safe for concurrent use.
type Minifier struct{ m, tmpl *minify.M }

// NewMinifier returns a Minifier for HTML, CSS, JS, JSON, XML and SVG.
func NewMinifier() *Minifier {
	m := minify.New()
	page := html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: false, KeepDefaultAttrVals: true}
	m.Add("text/html", &page)
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	tmpl := minify.New()
	layout := page
	layout.TemplateDelims = html.GoTemplateDelims
	tmpl.Add("text/html", &layout)
	tmpl.AddFunc("text/css", css.Minify)
	return &Minifier{m: m, tmpl: tmpl}
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
}

// Template minifies the source of an html/template file, keeping its
// {{actions}} as they are, so that the pages it makes come out minified.
func (m *Minifier) Template(src string) (string, error) {
	return m.tmpl.String("text/html", src)
}

// Minifies reports whether files named name are minified.
func Minifies(name string) bool { return mediaTypes[strings.ToLower(path.Ext(name))] != "" }

// Bytes returns data minified for the type of name, or data itself when
// the type is not minified.
func (m *Minifier) Bytes(name string, data []byte) ([]byte, error) {
	mt := mediaTypes[strings.ToLower(path.Ext(name))]
	if m == nil || mt == "" {
		return data, nil
	}
	out, err := m.m.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

// Discard is a Sink that keeps nothing.
type Discard struct{}

// Put does nothing.
func (Discard) Put(string, []byte) error { return nil }
