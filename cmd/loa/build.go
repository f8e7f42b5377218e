package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	loa "github.com/loa-vn/loa"
	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/gitdate"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/images"
	"github.com/loa-vn/loa/internal/output"
)

// siteFlags are the flags shared by build, check and serve.
type siteFlags struct {
	source  string
	baseURL string
	drafts  bool
	cache   string
}

func (f *siteFlags) register(fs *flag.FlagSet, withBaseURL bool) {
	fs.StringVar(&f.source, "source", ".", i18n.Sprintf("site folder holding content/ (and optionally layouts/, static/)"))
	fs.BoolVar(&f.drafts, "drafts", false, i18n.Sprintf("include drafts and future-dated items"))
	fs.StringVar(&f.cache, "cache", "", i18n.Sprintf("folder keeping resized photos and share cards between builds (default .loa-cache in the site folder; \"none\" keeps nothing)"))
	if withBaseURL {
		fs.StringVar(&f.baseURL, "baseurl", "", i18n.Sprintf("absolute site URL, e.g. https://example.org/portal/ (default: $URL set by Netlify, then baseurl in content/_index.md)"))
	}
}

// config checks the source folder and -baseurl and returns the build
// configuration. Base URL precedence: the flag, then $URL (set by
// Netlify), then the site's own setting.
func (f *siteFlags) config() (build.Config, error) {
	if err := checkSource(f.source); err != nil {
		return build.Config{}, err
	}
	if err := checkBaseURL(f.baseURL); f.baseURL != "" && err != nil {
		return build.Config{}, err
	}
	base := f.baseURL
	if base == "" {
		base = os.Getenv("URL")
	}
	site, err := content.OpenSite(f.source)
	if err != nil {
		return build.Config{}, i18n.Errorf("cannot open the site folder: %w", err)
	}
	// Netlify sets $NETLIFY in its builds, and takes the posts of the
	// question form there.
	forms := os.Getenv("NETLIFY") == "true"
	cfg := build.Config{Site: site, Theme: loa.DefaultTheme(), BaseURL: base, Drafts: f.drafts, Now: now(), Forms: forms}
	if forms {
		cfg.CMSBranch = os.Getenv("BRANCH") // the web editor commits to the branch Netlify builds
	}
	if cfg.Cache, err = f.openCache(); err != nil {
		return build.Config{}, err
	}
	return cfg, nil
}

// openCache opens the cache folder of -cache: .loa-cache in the site
// folder by default, none with "none".
func (f *siteFlags) openCache() (images.Cache, error) {
	dir := f.cache
	switch dir {
	case "none":
		return images.Discard{}, nil
	case "":
		dir = filepath.Join(f.source, ".loa-cache")
	}
	c, err := images.OpenDir(dir)
	if err != nil {
		return nil, i18n.Errorf("-cache %s: %w; pass another folder, or -cache none", dir, err)
	}
	return c, nil
}

// checkSource refuses a site folder that does not exist or has no
// content/ folder, saying how to make one.
func checkSource(source string) error {
	if info, err := os.Stat(source); err != nil || !info.IsDir() {
		return i18n.Errorf("the folder %s does not exist; check -source, or create a site there with loa new site %s", source, source)
	}
	if info, err := os.Stat(filepath.Join(source, "content")); err != nil || !info.IsDir() {
		return i18n.Errorf("%s has no content/ folder; run loa in a site folder, pass -source DIR, or start a site with loa new site DIR", source)
	}
	return nil
}

// checkBaseURL refuses a -baseurl that is neither an absolute http(s)
// address nor a path from the root: "example.org" would make every link
// relative.
func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	abs := err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	path := err == nil && u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/")
	if !abs && !path {
		return i18n.Errorf("-baseurl %q is not an http(s) address or a path from the root; write e.g. https://example.org/portal/ or /portal/", s)
	}
	return nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loa build", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, true)
	out := fs.String("out", "public", i18n.Sprintf("output folder, replaced as a whole when the build succeeds"))
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file (for performance work)")
	memProfile := fs.String("memprofile", "", "write a heap profile to this file at the end (for performance work)")
	verbose := fs.Bool("v", false, i18n.Sprintf("also print the time of each phase of the build"))
	strict := fs.Bool("strict", false, i18n.Sprintf("fail, writing nothing, when the site has no absolute address (-baseurl, $URL or baseurl in content/_index.md)"))
	if _, ok, code := parseArgs(fs, args, 0, "loa build [-source DIR] [-out DIR] [-baseurl URL] [-drafts] [-strict] [-v]", stdout, stderr); !ok {
		return code
	}
	cfg, err := sf.config()
	if err != nil {
		return usageError(stderr, "loa build", err.Error())
	}
	cfg.Committed = gitdate.Start(ctx, sf.source)
	if err := checkOut(sf.source, *out); err != nil {
		return usageError(stderr, "loa build", err.Error())
	}
	tuneGC()
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		return usageError(stderr, "loa build", err.Error())
	}
	defer stop()
	dir, err := output.NewDir(*out)
	if err != nil {
		fmt.Fprintln(stderr, "loa build:", err)
		return exitContent
	}
	res, code := buildInto(ctx, cfg, dir, *out, *strict, stderr)
	if res == nil {
		return code
	}
	res.Notices.Print(stderr)
	printSummary(stdout, res, *out, *verbose)
	if kept, replaced := dir.Stats(); *verbose && kept+replaced > 0 {
		i18n.Fprintf(stdout, "  started from the previous output: %d files were already right, %d rewritten\n", kept, replaced)
	}
	return exitOK
}

// buildInto builds the site into dir and swaps it in as out, or leaves
// out as it was and returns a nil Result with the exit code.
func buildInto(ctx context.Context, cfg build.Config, dir *output.Dir, out string, strict bool, stderr io.Writer) (*build.Result, int) {
	res, err := build.Build(ctx, cfg, dir)
	for _, w := range dir.Warnings() {
		fmt.Fprintln(stderr, "loa:", w)
	}
	if err != nil || ctx.Err() != nil {
		dir.Abort()
		if code, ok := stopped(ctx, stderr, "loa build", i18n.Sprintf("%s was left as it was", out)); ok {
			return nil, code
		}
		return nil, report(stderr, err)
	}
	if d := noBaseURL(res, strict); d != nil && d.Severity == diag.Error {
		dir.Abort()
		return nil, report(stderr, diag.List{d})
	} else if d != nil {
		res.Notices = append(res.Notices, d)
	}
	committing := time.Now()
	if err := dir.Commit(); err != nil {
		fmt.Fprintln(stderr, "loa build:", err)
		return nil, exitContent
	}
	res.Phases = append(res.Phases, build.Phase{Name: "swap in, remove old output", Duration: time.Since(committing)})
	res.Duration += res.Phases[len(res.Phases)-1].Duration
	return res, exitOK
}

// noBaseURL says what a build without an absolute site address leaves out
// and how to give one: a notice, or with strict an error. It is nil when
// the build had one.
func noBaseURL(res *build.Result, strict bool) *diag.Diagnostic {
	if res.Absolute() {
		return nil
	}
	d := &diag.Diagnostic{
		Pos: diag.Pos{File: "content/_index.md"}, Field: "baseurl", Severity: diag.Notice,
		Msg:  i18n.Sprintf("no absolute site address, so feeds (index.xml) and sitemap.xml are not written, and pages have no canonical, og:url or og:image and no Facebook, Zalo or copy-link share buttons"),
		Hint: i18n.Sprintf("add baseurl: https://example.org/ here, pass -baseurl https://example.org/, or set $URL (Netlify sets it)"),
	}
	if strict {
		d.Severity = diag.Error
		d.Msg = i18n.Sprintf("no absolute site address, which -strict requires: feeds, sitemap.xml, canonical and og: URLs and share links need one")
	}
	return d
}

// checkOut refuses an output folder that is, or holds, the site's sources.
func checkOut(source, out string) error {
	src, err1 := filepath.Abs(source)
	dst, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return i18n.Errorf("cannot resolve %s or %s", source, out)
	}
	if dst == src || strings.HasPrefix(src+string(filepath.Separator), dst+string(filepath.Separator)) {
		return i18n.Errorf("-out %s would replace the site's own files; choose a folder such as public", out)
	}
	for _, d := range []string{"content", "layouts", "static"} {
		if p := filepath.Join(src, d); dst == p || strings.HasPrefix(dst, p+string(filepath.Separator)) {
			return i18n.Errorf("-out %s is inside %s/; choose a folder such as public", out, d)
		}
	}
	return nil
}

var kindOrder = []struct {
	kind  content.Kind
	label func() string
}{
	{content.KindArticle, func() string { return i18n.Sprintf("articles") }},
	{content.KindQA, func() string { return i18n.Sprintf("Q&A items") }},
	{content.KindNews, func() string { return i18n.Sprintf("news items") }},
	{content.KindDocument, func() string { return i18n.Sprintf("documents") }},
	{content.KindPage, func() string { return i18n.Sprintf("plain pages") }},
	{content.KindTopic, func() string { return i18n.Sprintf("topics") }},
	{content.KindUnit, func() string { return i18n.Sprintf("units") }},
	{content.KindSection, func() string { return i18n.Sprintf("sections") }},
}

func printSummary(w io.Writer, res *build.Result, out string, phases bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, k := range kindOrder {
		if n := res.Kinds[k.kind]; n > 0 {
			fmt.Fprintf(tw, "  %s\t%6d\n", k.label(), n)
		}
	}
	i18n.Fprintf(tw, "  HTML pages written\t%6d\n", res.Pages)
	i18n.Fprintf(tw, "  static files copied\t%6d\n", res.Static)
	i18n.Fprintf(tw, "  output (%d files in %s)\t%s\n", res.Files, out, size(res.Bytes))
	if phases {
		for _, p := range res.Phases {
			fmt.Fprintf(tw, "    %s\t%d ms\n", p.Name, p.Duration.Milliseconds())
		}
	}
	i18n.Fprintf(tw, "  build time\t%d ms\n", res.Duration.Milliseconds())
	tw.Flush()
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
