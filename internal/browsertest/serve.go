package browsertest

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync"
	"testing"
)

// CSP is the Content-Security-Policy that the server sends with every
// page: the one of the site's netlify.toml. Pages with inline script,
// inline style or eval break under it.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Server serves a built site on 127.0.0.1.
type Server struct {
	*httptest.Server
	Base string // URL path of the site, e.g. "/" or "/portal/"
	fsys fs.FS

	mu   sync.Mutex
	sent map[string]int // URL path → body bytes sent, compressed when gzipped
}

// Serve serves the site in fsys (index.html for folders, 404.html for
// missing files) until the test ends. Like a web host it gzips text files
// for clients that accept it, sends CSP, and marks files no-cache.
func Serve(t testing.TB, fsys fs.FS) *Server { return ServeAt(t, "/", fsys) }

// ServeAt is Serve for a site built for the URL path base ("/portal/"):
// the site's files answer under base, and anything else is not found.
func ServeAt(t testing.TB, base string, fsys fs.FS) *Server {
	s := &Server{Base: base, fsys: fsys, sent: map[string]int{}}
	s.Server = httptest.NewServer(s)
	t.Cleanup(s.Close)
	return s
}

// Page returns the absolute URL of the site path p ("/tim-kiem/?q=a").
func (s *Server) Page(p string) string {
	return s.URL + strings.TrimSuffix(s.Base, "/") + p
}

// compressible lists the extensions that the server gzips.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".json": true, ".xml": true, ".svg": true, ".txt": true}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	root := strings.TrimSuffix(s.Base, "/")
	p, inside := strings.CutPrefix(r.URL.Path, root)
	inside = inside && (p == "" || p[0] == '/')
	name := strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") {
		name = strings.TrimPrefix(name+"/index.html", "/")
	}
	if name == "." || name == "" {
		name = "index.html"
	}
	status := http.StatusOK
	data, err := fs.ReadFile(s.fsys, name)
	if err != nil || !inside {
		status, name = http.StatusNotFound, "404.html"
		data, _ = fs.ReadFile(s.fsys, name)
	}
	ext := path.Ext(name)
	h := w.Header()
	h.Set("Content-Type", mime.TypeByExtension(ext))
	h.Set("Content-Security-Policy", CSP)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	if compressible[ext] && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		data = Gzip(data)
		h.Set("Content-Encoding", "gzip")
		h.Set("Vary", "Accept-Encoding")
	}
	s.mu.Lock()
	s.sent[r.URL.Path] += len(data)
	s.mu.Unlock()
	w.WriteHeader(status)
	w.Write(data)
}

// Sent returns the body bytes sent for each URL path so far, and forgets
// them.
func (s *Server) Sent() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	sent := s.sent
	s.sent = map[string]int{}
	return sent
}

// Gzip compresses data at the default level, as web hosts commonly do.
func Gzip(data []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}
