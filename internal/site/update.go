package site

import (
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/markdown"
)

// Update swaps a changed file into the model in place, for edits that
// change nothing the model is made of: the same URL, kind, front matter
// apart from what only its own page shows, and the same links, citations
// and lead; or, when the caller calls Relabel next, a changed title. It
// reports false when the page is not in the model; the caller then builds
// a new model. Update is an exception to the model being read-only: it
// changes the File, Meta, Body, Title, Summary, Date and Modified of that
// one page, and nothing else. Only the Builder, which owns the model, calls it,
// between two builds.
func (s *Site) Update(f *content.File, body *markdown.Result) bool {
	p := s.byURL[f.URL]
	if p == nil || p.File == nil || p.File.Path != f.Path {
		return false
	}
	np := s.newPage(f, body)
	p.File, p.Meta, p.Body, p.Title, p.Summary, p.Date, p.Modified = np.File, np.Meta, np.Body, np.Title, np.Summary, np.Date, np.Modified
	s.edits++
	return true
}

// Edits returns how many pages Update has swapped in. With the Site
// itself it names one state of the model: what is made from the model
// (the renderer's cached parts) is valid while both stay the same.
func (s *Site) Edits() int { return s.edits }

// Page returns the page at a site URL, or nil.
func (s *Site) Page(url string) *Page { return s.byURL[url] }
