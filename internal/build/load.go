package build

import (
	"context"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/content"
	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/markdown"
	"github.com/loa-vn/loa/internal/render"
	"github.com/loa-vn/loa/internal/site"
)

// changes says which inputs of a run changed.
type changes struct {
	paths                    []string // the changed paths, sorted
	content, layouts, static bool
}

// whatChanged sorts the changed paths by the folder they are in. Without
// prev, everything changed.
func whatChanged(prev *state, paths []string) changes {
	ch := changes{paths: paths, content: prev == nil, layouts: prev == nil, static: prev == nil}
	for _, p := range paths {
		switch top, _, _ := strings.Cut(p, "/"); top {
		case "content":
			ch.content = true
		case "layouts":
			ch.layouts = true
		case "static":
			ch.static = true
		default: // the site root itself moved
			ch.content, ch.layouts, ch.static = true, true, true
		}
	}
	return ch
}

// load brings the sources up to date, phase by phase: from scratch when
// prev is nil, else only what the changed paths touch. Each phase returns
// prev's part when its inputs did not change, so next shares those parts
// with prev. load changes prev in one way only: when an edit keeps the
// shape of the model, buildModel swaps the edited pages into prev's model
// (site.Update), which next then shares. When ctx ends it returns at the
// end of the phase it is in, with what it has; the caller checks ctx.
func (b *Builder) load(ctx context.Context, prev *state, changed []string) (*state, diag.List) {
	var errs diag.List
	ch := whatChanged(prev, changed)
	now := b.now()
	next := &state{}
	var reparsed []*content.File
	var e diag.List
	next.contentPhase, reparsed, e = b.loadContent(ctx, prev, ch)
	errs.Append(e)
	b.phases.mark("load")
	if ctx.Err() != nil {
		return nil, errs
	}
	// Static files before bodies: pages give their images' sizes.
	next.staticPhase, e = b.loadStatics(prev, ch)
	errs.Append(e)
	next.bodyPhase, reparsed, e = b.convertBodies(ctx, prev, next, reparsed, ch, now)
	if errs.Append(e); next.conv == nil {
		return nil, errs
	}
	b.reparsed = reparsed
	b.phases.mark("convert")
	if ctx.Err() != nil {
		return nil, errs
	}
	next.layoutPhase, e = b.loadLayouts(prev, next, ch.layouts, errs.Err() == nil)
	if errs.Append(e); errs.Err() != nil || ctx.Err() != nil {
		return nil, errs
	}
	if b.releases(next) {
		releaseSource(reparsed) // converted: nothing reads it again
	}
	b.phases.mark("static+layouts")
	next.modelPhase, e = b.buildModel(prev, next, reparsed, ch.static, now)
	errs.Append(e)
	if errs.Err() == nil {
		errs.Append(content.IdentityNotices(next.files[content.HomePath]))
	}
	if next.site != nil {
		next.photoPhase = b.planPhotos(next)
		errs.Append(iconNotice(next))
	}
	errs.Sort()
	b.phases.mark("model")
	return next, errs
}

// loadContent parses new and changed files and forgets removed ones, and
// returns the files it parsed. Plain edits of known files (the usual save)
// take a short path.
func (b *Builder) loadContent(ctx context.Context, prev *state, ch changes) (contentPhase, []*content.File, diag.List) {
	switch {
	case !ch.content:
		return prev.contentPhase, nil, nil
	case prev != nil && onlyEdits(b.cfg.Site, prev, ch.paths):
		return b.editContent(ctx, prev.contentPhase, ch.paths)
	}
	return b.listContent(ctx, prev, ch.paths)
}

// editContent parses the edited files and swaps them into a copy of prev.
func (b *Builder) editContent(ctx context.Context, prev contentPhase, changed []string) (contentPhase, []*content.File, diag.List) {
	next := contentPhase{files: maps.Clone(prev.files), sums: maps.Clone(prev.sums), sorted: slices.Clone(prev.sorted)}
	var toRead []string
	for _, p := range changed {
		if prev.files[p] != nil {
			toRead = append(toRead, p)
		}
	}
	loaded, errs := content.LoadFiles(ctx, b.cfg.Site, toRead)
	for _, f := range loaded {
		next.files[f.Path], next.sums[f.Path] = f, f.Sum
		if i, ok := slices.BinarySearchFunc(next.sorted, f.Path, func(g *content.File, p string) int { return strings.Compare(g.Path, p) }); ok {
			next.sorted[i] = f
		}
	}
	return next, loaded, errs
}

// listContent lists content/ and parses the files that prev lacks or
// that changed.
func (b *Builder) listContent(ctx context.Context, prev *state, changed []string) (contentPhase, []*content.File, diag.List) {
	next := contentPhase{files: map[string]*content.File{}, sums: map[string]uint64{}}
	names, errs := content.List(b.cfg.Site)
	var toRead []string
	for _, name := range names {
		if prev != nil && prev.files[name] != nil && !Touched(name, changed) {
			next.files[name], next.sums[name] = prev.files[name], prev.sums[name]
			continue
		}
		toRead = append(toRead, name)
	}
	loaded, loadErrs := content.LoadFiles(ctx, b.cfg.Site, toRead)
	errs.Append(loadErrs)
	for _, f := range loaded {
		next.files[f.Path], next.sums[f.Path] = f, f.Sum
	}
	next.sorted = make([]*content.File, 0, len(next.files))
	for _, name := range slices.Sorted(maps.Keys(next.files)) {
		next.sorted = append(next.sorted, next.files[name])
	}
	return next, loaded, errs
}

// loadStatics processes the static files when they changed.
func (b *Builder) loadStatics(prev *state, ch changes) (staticPhase, diag.List) {
	if !ch.static {
		return prev.staticPhase, nil
	}
	_, static := b.cfg.layers()
	statics, errs := b.loadStatic(static, prev, ch.paths)
	next := staticPhase{statics: statics, assets: map[string]string{}, images: map[string][2]int{}, attach: map[string]int64{}, photos: photoSums(statics)}
	for name, f := range statics {
		next.assets[name] = f.Out
		if f.Size[0] > 0 {
			next.images[name] = f.Size
		}
		if attachment(name) {
			next.attach[name] = int64(len(f.Data))
		}
	}
	return next, errs
}

// convertBodies converts the Markdown of the reparsed files, or of all
// files when what links and heading ids depend on changed (document pages,
// the base URL, the sizes of images, expiries, the ids of the layouts),
// and returns the files it converted. On a bad base URL the part it
// returns has no converter.
func (b *Builder) convertBodies(ctx context.Context, prev, next *state, reparsed []*content.File, ch changes, now time.Time) (bodyPhase, []*content.File, diag.List) {
	var errs diag.List
	files := next.sorted
	publish := site.Config{Now: now, Drafts: b.cfg.Drafts}
	docs, baseURL, expired := documentNumbers(files, publish), b.cfg.baseURL(files), expiredURLs(files, publish)
	var reserved []string
	if prev == nil || ch.layouts {
		layouts, _ := b.cfg.layers()
		reserved = render.LayoutIDs(layouts)
	} else {
		reserved = prev.reserved
	}
	var bp bodyPhase
	switch {
	case prev == nil || baseURL != prev.baseURL || !maps.Equal(docs, prev.docs) || !maps.Equal(next.images, prev.images) || !maps.Equal(next.photos, prev.photos) || !maps.Equal(expired, prev.expired) || !slices.Equal(reserved, prev.reserved):
		u, err := url.Parse(baseURL)
		if err != nil {
			errs.Add(diag.Pos{File: "content/_index.md"}, "baseurl", err.Error(), "")
			return bodyPhase{}, nil, errs
		}
		gone := func(p string) bool { return expired[p] || expired[p+"/"] }
		bp = bodyPhase{docs: docs, baseURL: baseURL, expired: expired, reserved: reserved, bodies: map[*content.File]*markdown.Result{}}
		pictures := func(p string) (*markdown.Picture, bool) { return b.picture(next, p) }
		bp.conv = markdown.New(markdown.Config{BasePath: u.Path, Documents: docs, ImageSize: next.imageSize, Picture: pictures, Gone: gone, Reserved: reserved})
		reparsed = files
	case len(reparsed) > 0 || ch.content:
		bp = prev.bodyPhase
		bp.bodies = maps.Clone(prev.bodies)
		for f := range bp.bodies {
			if next.files[f.Path] != f {
				delete(bp.bodies, f) // an older version, or a removed file
			}
		}
	default:
		bp = prev.bodyPhase
	}
	converted, convErrs := convert(ctx, bp.conv, reparsed)
	errs.Append(convErrs)
	maps.Copy(bp.bodies, converted)
	errs.Append(uncitedNotices(files, bp.bodies))
	return bp, reparsed, errs
}

// loadLayouts parses the layouts when they, the base URL or the static
// files they name changed. With parse false (the build has errors
// already) it only checks the layouts folder.
func (b *Builder) loadLayouts(prev, next *state, changed, parse bool) (layoutPhase, diag.List) {
	if !changed && prev != nil && next.baseURL == prev.baseURL && maps.Equal(next.assets, prev.assets) && maps.Equal(next.images, prev.images) && maps.Equal(next.attach, prev.attach) && maps.Equal(next.photos, prev.photos) {
		return prev.layoutPhase, nil
	}
	errs := content.CheckTree(b.cfg.Site, "layouts")
	if !parse || errs.Err() != nil {
		return layoutPhase{}, errs
	}
	rc := render.Config{BaseURL: next.baseURL, Assets: next.assets, Dev: b.cfg.Dev, ImageSize: next.imageSize, FileSize: next.fileSize, Minify: b.min.Template,
		Picture:    func(name string) (*markdown.Picture, bool) { return b.picture(b.cur, "/"+name) },
		ShareImage: func(p *site.Page) (render.ShareImage, bool) { return b.cur.shareCard(p) },
		Icon:       func(size int) string { return b.cur.iconFiles[size] },
		Emblem:     func() string { return b.cur.emblem },
	}
	if b.cfg.minifyPages {
		rc.Minify = nil
	}
	layouts, _ := b.cfg.layers()
	r, err := render.New(layouts, rc)
	if err != nil {
		errs.Append(layoutError(err))
		return layoutPhase{}, errs
	}
	return layoutPhase{renderer: r, layoutSum: b.sumFS(layouts), layoutText: allText(layouts), customLayouts: customLayouts(b.cfg)}, errs
}

// buildModel makes the site model. When the change touched only what
// pages show of themselves (the common edit of an article's text), the
// model keeps its shape and the edited pages are swapped into prev's
// model in place; when it also changed titles, the lists holding those
// pages are put back in order (site.Relabel). Otherwise it is built anew.
func (b *Builder) buildModel(prev, next *state, reparsed []*content.File, staticChanged bool, now time.Time) (modelPhase, diag.List) {
	m := modelPhase{now: now}
	if !b.once {
		m.shapes = b.shapes(prev, next, next.sorted, reparsed)
	}
	sameStatic := !staticChanged || prev != nil && sameKeys(prev.statics, next.statics)
	if prev != nil && sameStatic {
		if relabeled, ok := b.samePlaces(prev, next, m.shapes, reparsed, now); ok && b.updateModel(prev.site, reparsed, next.bodies, now) {
			m.site = prev.site
			m.touched = relabel(m.site, relabeled)
			return m, nil
		}
	}
	m.reshaped = true
	publish := site.Config{Now: now, Drafts: b.cfg.Drafts, Committed: b.cfg.Committed, Forms: b.cfg.Forms}
	publish.StaticFile = func(name string) bool { _, ok := next.statics[name]; return ok }
	s, errs := site.New(next.sorted, next.bodies, publish)
	m.site = s
	return m, errs
}
