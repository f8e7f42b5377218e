// Package cms puts a web editor on every site Loa builds: Decap CMS, a
// Git-based editor that runs in the browser, at /quan-tri/. Editors sign
// in (on Netlify with Netlify Identity and Git Gateway), fill in forms in
// Vietnamese, and the editor commits Markdown files to the repository;
// the host then rebuilds the site. The workflow stays "write Markdown and
// push", without Git or YAML to learn.
//
// # What a build writes
//
// Files writes quan-tri/index.html (a page that loads only the editor's
// own script, and tells search engines not to index it), the vendored
// scripts of Decap CMS (the folder decap/: see decap/README.md for
// the pinned version and how to update it), and quan-tri/config.yml,
// made from the rules of package content (content.FieldsFor): one
// collection per kind and group (articles of each topic, Q&A items, news
// of each unit, documents, plain pages) with the same keys, the same
// required keys, widgets for their types, the existing topics and units
// as choices, the slug pattern, and Vietnamese labels and hints. Photos go
// to static/anh (shown at /anh/), document files to static/tep (/tep/).
//
// Netlify Identity's e-mails link to the site's home page and are in
// English: the build also writes Vietnamese ones, quan-tri/thu/*.html
// (moi.html for invitations, khoi-phuc.html for password recovery,
// xac-nhan.html for confirmations), GoTrue templates that link to
// /quan-tri/, where loa-tai-khoan.js (identity.js) lets the editor set a
// password before the editor's own login form shows.
//
// A site that does not want the editor writes cms: false in
// content/_index.md (content.Meta.NoCMS).
//
// # Editing a local folder
//
// loa serve offers the same editor against the site folder: Local is
// Decap's local_backend protocol (the one of the decap-server package),
// answered by Loa itself on 127.0.0.1, writing only Markdown files under
// content/ and files under the media folders, and serve points the
// editor's config.yml at it (WithLocal).
package cms

import (
	"bytes"
	"embed"
	"fmt"
	"html"
	"io/fs"
	"path"
	"strings"

	"github.com/loa-vn/loa/internal/content"
)

// Dir is the folder of the editor in the site's output: /quan-tri/.
const Dir = "quan-tri"

// The folders editors' uploads go to, under the site root, and the URL
// paths they are published at.
const (
	MediaFolder  = "static/anh"
	PublicFolder = "/anh"
	FileFolder   = "static/tep"
	FilePublic   = "/tep"
)

// Config says what to write.
type Config struct {
	Files   []*content.File // the site's content files: topics, units, document types and the cms setting
	Branch  string          // the Git branch the editor commits to; "main" when empty
	SiteURL string          // the site's address, for the editor's links to pages; may be empty
	Base    string          // the URL path of the site's root, such as "/" or "/portal/"; "/" when empty
}

// Enabled reports whether the site wants the editor: its home does not
// say cms: false.
func Enabled(files []*content.File) bool {
	for _, f := range files {
		if f.Kind == content.KindHome {
			return !f.Meta.NoCMS
		}
	}
	return true
}

// Files returns the editor's output files, named from the output root
// (quan-tri/index.html …): the vendored scripts of vendor (Vendor), the
// page and its config.yml. Without vendored scripts it
// returns nothing: a theme without them has no editor.
func Files(cfg Config, vendor fs.FS) (map[string][]byte, error) {
	out := map[string][]byte{}
	if vendor == nil {
		return out, nil
	}
	entries, err := fs.ReadDir(vendor, ".")
	if err != nil {
		return out, nil // no scripts
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !vendored(name) {
			continue
		}
		data, err := fs.ReadFile(vendor, name)
		if err != nil {
			return nil, fmt.Errorf("cms: %w", err)
		}
		out[path.Join(Dir, name)] = data
	}
	if _, ok := out[path.Join(Dir, script)]; !ok {
		return map[string][]byte{}, nil
	}
	yml, err := configYAML(cfg)
	if err != nil {
		return nil, err
	}
	out[path.Join(Dir, "config.yml")] = yml
	out[path.Join(Dir, viScript)] = viJS
	out[path.Join(Dir, identityScript)] = identityJS
	if err := addLetters(out, cmp(cfg.Base, "/")); err != nil {
		return nil, err
	}
	out[path.Join(Dir, "index.html")] = indexHTML(cmp(cfg.Base, "/"))
	return out, nil
}

// identityScript is the page that sets the password of an invited editor
// (identity.js); it runs before script, which it may hold back.
const identityScript = "loa-tai-khoan.js"

//go:embed identity.js
var identityJS []byte

// LetterDir is the folder, under Dir, of the Vietnamese e-mails of
// Netlify Identity: templates of GoTrue (Go templates with .SiteURL,
// .Email and .Token), which the site's administrator names in Netlify's
// settings. They link to the editor's page, which identity.js answers.
const LetterDir = "thu"

//go:embed thu/*.html
var letters embed.FS

// addLetters adds the e-mail templates to out, their links to the editor
// under base.
func addLetters(out map[string][]byte, base string) error {
	entries, err := fs.ReadDir(letters, LetterDir)
	if err != nil {
		return fmt.Errorf("cms: %w", err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(letters, path.Join(LetterDir, e.Name()))
		if err != nil {
			return fmt.Errorf("cms: %w", err)
		}
		data = bytes.ReplaceAll(data, []byte("}}/"+Dir+"/"), []byte("}}"+base+Dir+"/"))
		out[path.Join(Dir, LetterDir, e.Name())] = data
	}
	return nil
}

// script is the editor's main script; it loads the others.
const script = "decap-cms.js"

// viScript adds the Vietnamese phrases Decap lacks (vi.js); it runs right
// after script.
const viScript = "loa-vi.js"

//go:embed vi.js
var viJS []byte

// vendored reports whether a file of the cms/ folder is published: the
// scripts, the WebP encoder and the licences.
func vendored(name string) bool {
	return strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".wasm") ||
		name == "LICENSE" || strings.HasSuffix(name, ".LICENSE.txt")
}

// indexHTML is the editor's page: only its own script, no inline code, no
// other origin. Search engines are asked not to index it.
func indexHTML(base string) []byte {
	page := strings.Replace(indexPage, script, html.EscapeString(base+Dir+"/"+script), 1)
	page = strings.Replace(page, identityScript, html.EscapeString(base+Dir+"/"+identityScript), 1)
	return []byte(strings.Replace(page, viScript, html.EscapeString(base+Dir+"/"+viScript), 1))
}

const indexPage = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Quản trị nội dung</title>
</head>
<body>
<script src="loa-tai-khoan.js"></script>
<script src="decap-cms.js"></script>
<script src="loa-vi.js"></script>
</body>
</html>
`

// WithLocal returns the config.yml data with a local_backend pointing the
// editor at url, the address of a Local handler.
func WithLocal(data []byte, url string) []byte {
	var b bytes.Buffer
	b.Write(data)
	fmt.Fprintf(&b, "local_backend:\n  url: %q\n", url)
	return b.Bytes()
}

// decap holds Decap CMS's scripts as npm publishes them (decap/README.md
// says which version and how to update them).
//
//go:embed decap/*.js decap/*.wasm decap/LICENSE decap/*.LICENSE.txt
var decap embed.FS

// Vendor returns the vendored scripts of the editor.
func Vendor() fs.FS {
	sub, err := fs.Sub(decap, "decap")
	if err != nil {
		panic(err) // a constant folder of an embedded file system
	}
	return sub
}
