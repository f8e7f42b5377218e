package serve

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/cms"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/output"
)

// Config configures the server.
type Config struct {
	Build    build.Config  // Dev is set by the server
	Dir      string        // the site folder on disk, watched for changes
	Addr     string        // listen address; 127.0.0.1:1313 when empty
	Log      io.Writer     // one line per build; io.Discard when nil
	Debounce time.Duration // after a rebuild, changes within this time are gathered into the next; 100 ms when zero
	Poll     time.Duration // > 0: poll for changes at this interval instead of fsnotify
}

// Server builds, serves and rebuilds a site.
type Server struct {
	cfg       Config
	builder   *build.Builder
	h         handler
	mu        sync.Mutex // serialises rebuilds (one goroutine runs them anyway)
	searchDue bool       // the pages changed since the search index was written
}

// New returns a server for cfg.
func New(cfg Config) *Server {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:1313"
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = 100 * time.Millisecond
	}
	cfg.Build.Dev, cfg.Build.DeferSearch = true, true
	if abs, err := filepath.Abs(cfg.Dir); err == nil {
		cfg.Dir = abs
	}
	s := &Server{cfg: cfg, builder: build.NewBuilder(cfg.Build)}
	s.h.hub = newHub()
	return s
}

// Handler returns the HTTP handler: the current site, the reload script
// and the event stream.
func (s *Server) Handler() http.Handler { return &s.h }

// rebuild takes in changed paths (nil: build all), publishes the new
// snapshot and tells the pages. On failure the last good snapshot stays.
// A failure for which hold, if not nil, reports true (such as one that
// names a file being replaced, see unsettled) is not shown: rebuild
// returns errUnsettled, to be tried again.
func (s *Server) rebuild(ctx context.Context, changed []string, hold func(error) bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.h.current.Load()
	var res *build.Result
	var err error
	var mem *output.Memory
	if old == nil || old.files == nil {
		mem = output.NewMemory()
		res, err = s.builder.Build(ctx, mem)
	} else {
		mem = output.NewMemoryOver(old.files)
		res, err = s.builder.Rebuild(ctx, changed, mem)
	}
	what := describe(changed)
	if err != nil && ctx.Err() != nil {
		return err // stopping: nothing to show
	}
	if err != nil && hold != nil && hold(err) {
		return errUnsettled
	}
	if err != nil {
		snap := &snapshot{err: err.Error()}
		if old != nil {
			snap.files = old.files
		}
		s.h.current.Store(snap)
		s.h.hub.send(event{"error-report", err.Error()})
		i18n.Fprintf(s.cfg.Log, "%s: build failed, still serving the last good site:\n%s\n", what, err)
		return err
	}
	put, removed := s.publish(mem, "")
	s.notify(put, removed, old)
	res.Notices.Print(s.cfg.Log)
	i18n.Fprintf(s.cfg.Log, "%s: %d of %d pages rendered, %d files written, %d removed in %d ms\n",
		what, res.Rendered, res.Pages, res.Files, len(res.Removed), res.Duration.Milliseconds())
	s.searchDue = true
	return nil
}

// publish serves what mem holds, with the error text errText, and
// returns what mem changed. It is the one place a build's output reaches
// the handler.
func (s *Server) publish(mem *output.Memory, errText string) (put, removed []string) {
	put, removed = mem.Changes()
	s.h.current.Store(&snapshot{files: mem.Files(), err: errText})
	return put, removed
}

// search brings the search index up to date, after the pages: readers of
// the edited page need not wait for it.
func (s *Server) search(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.searchDue = false
	old := s.h.current.Load()
	if old == nil || old.files == nil {
		return
	}
	mem := output.NewMemoryOver(old.files)
	res, err := s.builder.Search(ctx, mem)
	if err != nil {
		i18n.Fprintf(s.cfg.Log, "search index: %v\n", err)
		return
	}
	if put, removed := mem.Changes(); len(put)+len(removed) > 0 {
		s.publish(mem, old.err)
	}
	i18n.Fprintf(s.cfg.Log, "search index: %d files written in %d ms\n", res.Files, res.Duration.Milliseconds())
}

// notify tells the open pages what changed, given the names put and
// removed: the URLs of changed pages, or only stylesheets.
func (s *Server) notify(put, removed []string, old *snapshot) {
	var pages, css []string
	for _, name := range put {
		switch {
		case strings.HasSuffix(name, ".css"):
			css = append(css, "/"+name)
		case strings.HasSuffix(name, ".html"):
			pages = append(pages, pageURL(name))
		case !strings.HasSuffix(name, ".json") && !strings.HasSuffix(name, ".xml"):
			pages = append(pages, "*") // a script or image: reload to be safe
		}
	}
	for _, name := range removed {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, pageURL(name))
		}
	}
	switch {
	case len(pages) > 0:
		slices.Sort(pages)
		data, _ := json.Marshal(slices.Compact(pages))
		s.h.hub.send(event{"reload", string(data)})
	case len(css) > 0:
		data, _ := json.Marshal(css)
		s.h.hub.send(event{"css", string(data)})
	case old != nil && old.err != "":
		s.h.hub.send(event{"ok", ""})
	}
}

// pageURL turns an output name into the URL a browser shows.
func pageURL(name string) string {
	if name == "index.html" {
		return "/"
	}
	if path.Base(name) == "index.html" {
		return "/" + path.Dir(name) + "/"
	}
	return "/" + name
}

func describe(changed []string) string {
	switch len(changed) {
	case 0:
		return i18n.Sprintf("build")
	case 1:
		return changed[0]
	}
	return i18n.Sprintf("%s and %d more", changed[0], len(changed)-1)
}

// Run builds the site, then serves it and rebuilds on change until ctx
// ends. ready, if not nil, receives the listening address.
func (s *Server) Run(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	s.h.hosts = newHosts(s.cfg.Addr, ln.Addr())
	// The web editor writes to the site folder only when no other machine
	// can reach this server.
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		if editor, err := cms.NewLocal(s.cfg.Dir); err == nil {
			defer editor.Close()
			s.h.editor = editor
		}
	}
	w := newWatcher(s.cfg.Dir, s.cfg.Poll)
	go w.run(ctx)
	s.rebuild(ctx, nil, nil) // a failing first build is shown, and fixed by the next save
	if ctx.Err() != nil {
		ln.Close()
		return nil
	}
	s.search(ctx)
	// Requests live in ctx: when it ends, open event streams end too, and
	// the server shuts down at once rather than waiting for them.
	srv := &http.Server{Handler: &s.h, ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go s.loop(ctx, w)
	select {
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
		return nil
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}

// loop rebuilds on changes with a leading-edge debounce: the first change
// after a quiet spell is rebuilt at once, and the changes that come during
// a rebuild or within Debounce after it are gathered into one more rebuild
// when that time is over. A failed rebuild started at once is not shown
// but tried again on the next change, or after Debounce if none comes:
// the first event of a save can come before the editor has finished
// writing (os.WriteFile truncates the file, then writes it).
func (s *Server) loop(ctx context.Context, w *watcher) {
	pending := map[string]bool{}
	var timer, searchTimer <-chan time.Time
	var quiet time.Time // until then, changes wait for the timer
	leading := false    // the timer was set to fire at once
	eager := false      // a rebuild started at once failed: retry on the next change
	// unsettled are the changes of a rebuild held back since held.
	var unsettled map[string]bool
	var held time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-w.errs:
			i18n.Fprintf(s.cfg.Log, "watch: %v\n", err)
		case p := <-w.changes:
			pending[p], searchTimer = true, nil
			switch {
			case eager:
				timer, eager, leading = time.After(0), false, false
			case timer == nil:
				wait := time.Until(quiet)
				leading = wait <= 0
				timer = time.After(max(wait, 0))
			}
		case <-timer:
			drain(w.changes, pending)
			maps.Copy(pending, unsettled)
			changed := slices.Sorted(maps.Keys(pending))
			pending, timer = map[string]bool{}, nil
			settling := held.IsZero() || time.Since(held) < settleTime
			err := s.rebuild(ctx, changed, func(err error) bool {
				return leading || settling && s.unsettled(err, changed)
			})
			quiet = time.Now().Add(s.cfg.Debounce)
			if errors.Is(err, errUnsettled) {
				// Try again shortly: the file is being written or replaced.
				unsettled, timer = setOf(changed), time.After(s.cfg.Debounce)
				if held.IsZero() && !leading {
					held = time.Now()
				}
				eager, leading = leading, false
				continue
			}
			unsettled, held, eager = nil, time.Time{}, false
			if s.searchDue {
				searchTimer = time.After(3 * s.cfg.Debounce) // once the editor pauses
			}
		case <-searchTimer:
			searchTimer = nil
			s.search(ctx)
		}
	}
}

// drain adds the changes already waiting on c to pending.
func drain(c <-chan string, pending map[string]bool) {
	for {
		select {
		case p := <-c:
			pending[p] = true
		default:
			return
		}
	}
}
