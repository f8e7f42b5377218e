// Package serve is Loa's development server: it builds the site into
// memory with the one pipeline of package build, serves the snapshot over
// HTTP on 127.0.0.1, and swaps in a new snapshot after each good rebuild.
package serve

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"sync/atomic"
)

// snapshot is one good build: file name → bytes. Never modified once
// published.
type snapshot struct {
	files map[string][]byte
}

// handler serves the current snapshot. Only GET and HEAD; only files of
// the snapshot; the site's 404.html for anything else.
type handler struct {
	current atomic.Pointer[snapshot]
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	snap := h.current.Load()
	if snap == nil {
		http.Error(w, "the site is being built", http.StatusServiceUnavailable)
		return
	}
	name, ok := fileName(r.URL.Path)
	data, found := snap.files[name]
	if !found && ok && !strings.HasSuffix(name, "index.html") {
		// "/a" → "/a/" when that is a page.
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

// fileName maps a request path to a snapshot file name, refusing any path
// that is not clean (.., backslashes, NUL, encoded slashes).
func fileName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	clean := path.Clean(p)
	if clean != p && clean+"/" != p {
		return "", false
	}
	for _, seg := range strings.Split(clean, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(p, "/") {
		if name != "" {
			name += "/"
		}
		name += "index.html"
	}
	return name, true
}
