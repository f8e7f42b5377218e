// Package build runs Loa's pipeline: load content → convert Markdown →
// model the site → render pages → feeds, sitemap and search index → write.
// Only this package knows the order of the phases. loa build, loa check and
// loa serve all run it: a Builder keeps what it parsed and rendered, so that
// Rebuild redoes only what a change touches, and its output is always the
// output of a fresh full build of the same files.
package build

import (
	"context"
	"io/fs"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/feed"
	"github.com/loa-vn/loa/internal/images"
	"github.com/loa-vn/loa/internal/output"
	"github.com/loa-vn/loa/internal/site"
)

// Config says what to build. The zero value is not usable: set Site.
type Config struct {
	Site    fs.FS  // the site root, holding content/ and optionally layouts/ and static/; read through content.Guard (open it with content.OpenSite so that links cannot lead out)
	Theme   fs.FS  // the default theme, holding layouts/ and static/; may be nil
	BaseURL string // absolute site URL; overrides the home page's baseurl
	Drafts  bool   // include drafts and future-dated items
	Now     time.Time
	// Dev is serve mode: pages load the live-reload script, and stylesheets
	// and scripts keep their names, so that a CSS change re-renders no page.
	Dev bool
	// DeferSearch leaves the search index out of Build and Rebuild; call
	// Builder.Search to write it (serve publishes pages before the index).
	DeferSearch bool
	// Clock gives the time of each rebuild when Now is zero; time.Now when nil.
	Clock func() time.Time
	// Committed gives the time of a file's last Git commit (slash path
	// from the site root, such as "content/a.md"), or the zero time; pages
	// without an updated key take it as their last change when it is
	// after their date (site.Page.Modified). Nil: none. It is called on
	// every build and rebuild, so it must not be slow: load the dates once
	// (gitdate.Load) and look them up.
	Committed func(path string) time.Time
	// Forms: the host takes the posts of HTML forms, as Netlify does
	// (loa build sets it when $NETLIFY is "true"), so the question page
	// shows its form; without, it offers the site's e-mail and Zalo.
	Forms bool
	// CMSBranch is the Git branch the web editor at /quan-tri/ commits
	// to (package cms); "main" when empty.
	CMSBranch string
	// Images says how photos are resized and encoded; the zero value is
	// package images' defaults.
	Images images.Config
	// Cache keeps resized photos and share cards between builds (a folder
	// a CI keeps: images.OpenDir; images.Discard keeps nothing). Nil
	// shares one cache in memory among the builds of the process, so
	// that loa serve and tests make each image once.
	Cache images.Cache

	// minifyPages minifies each page rather than the layouts once, for the
	// test that shows the two give the same pages.
	minifyPages bool
}

// Result summarises a build.
type Result struct {
	Kinds    map[content.Kind]int // published pages by kind
	Pages    int                  // HTML pages of the site
	Rendered int                  // HTML pages rendered by this run
	Reshaped bool                 // the site model was built anew (not only pages swapped in)
	Static   int                  // static files
	Files    int                  // files written by this run
	Bytes    int64                // bytes written by this run
	Removed  []string             // output files that are gone since the last run
	Changed  []string             // output files written by this run, sorted
	Duration time.Duration
	Phases   []Phase // time spent in each phase, in order
	Notices  diag.List
	Site     *site.Site
	// BaseURL is the site's address the build used: Config.BaseURL, else
	// the home page's baseurl, else "/". Without a host (feed.Absolute)
	// no feed or sitemap is written and pages carry no absolute URL.
	BaseURL string
}

// Absolute reports whether the build had an absolute site address, so
// that it wrote feeds and the sitemap and pages carry absolute URLs.
func (r *Result) Absolute() bool { return feed.Absolute(r.BaseURL) }

// Phase is the time one phase of a build took.
type Phase struct {
	Name     string
	Duration time.Duration
}

// Build runs the whole pipeline into sink. When content has errors it
// returns them as a diag.List and writes nothing. With the theme's
// layouts it lets go of what it will not read again as it goes (see
// releases): in the returned Result.Site, pages have no Markdown source,
// pages with one route no HTML body, and indexed pages but Q&A items no
// plain text. With a site's own layouts, and in a Builder, every page
// keeps them all.
func Build(ctx context.Context, cfg Config, sink output.Sink) (*Result, error) {
	b := NewBuilder(cfg)
	b.once = true
	return b.Build(ctx, sink)
}
