// Package serve is Loa's development server. It builds the site into
// memory with the one pipeline of package build, serves the result on
// 127.0.0.1, watches content/, layouts/ and static/, rebuilds only what a
// change touches, and tells open pages to reload (or to swap their
// stylesheet) over Server-Sent Events. A failed rebuild keeps the last good
// site and shows the error over the page until the next good build.
//
// Listening on a loopback address (the default 127.0.0.1), it also lets
// the web editor at /quan-tri/ write to the site folder (cms.Local): its
// config.yml is served with a local_backend pointing there, and what the
// editor saves is rebuilt like any other change.
package serve

import (
	_ "embed"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/cms"
)

// snapshot is one good build: file name → bytes, never modified once
// published, plus the error of the latest failed rebuild, if any.
type snapshot struct {
	files map[string][]byte
	err   string
}

//go:embed reload.js
var reloadJS []byte

// handler serves the current snapshot: only GET and HEAD, only files of
// the snapshot, the site's 404.html for anything else, and only to
// requests for a Host of this machine (see hosts).
type handler struct {
	current atomic.Pointer[snapshot]
	hub     *hub
	hosts   hosts // set before serving starts
	// editor answers the web editor's writes (cms.LocalPath); nil: none.
	editor http.Handler
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.hosts.allow(r.Host) {
		http.Error(w, "loa serve answers only localhost and the address it listens on, not Host "+strconv.Quote(r.Host), http.StatusForbidden)
		return
	}
	if r.URL.Path == cms.LocalPath && h.editor != nil {
		h.editor.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/_loa/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(reloadJS)
		return
	case "/_loa/events":
		h.hub.serve(w, r)
		return
	}
	snap := h.current.Load()
	if snap == nil || snap.files == nil {
		msg := "The site is being built."
		if snap != nil && snap.err != "" {
			msg = "The site cannot be built yet:\n\n" + snap.err
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(msg + "\n"))
		return
	}
	name, ok := fileName(r.URL.Path)
	data, found := snap.files[name]
	if !found && ok && !strings.HasSuffix(r.URL.Path, "/") {
		if _, dir := snap.files[name+"/index.html"]; dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok || !found {
		status, name = http.StatusNotFound, "404.html"
		data = snap.files[name]
	}
	data = h.editorConfig(r, name, data)
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// editorConfig points the web editor's config.yml at the local backend
// (cms.Local), which writes to the site folder; other files it returns
// as they are.
func (h *handler) editorConfig(r *http.Request, name string, data []byte) []byte {
	if name != cms.Dir+"/config.yml" || h.editor == nil || data == nil {
		return data
	}
	return cms.WithLocal(data, "http://"+r.Host+cms.LocalPath)
}

// fileName maps a request path to a snapshot file name, refusing any path
// that is not clean (.., backslashes, NUL).
func fileName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	clean := path.Clean(p)
	if clean != p && clean+"/" != p {
		return "", false
	}
	return build.FileName(p), true // the build's own URL → file rule
}
