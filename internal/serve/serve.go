package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/output"
)

// Config configures the server.
type Config struct {
	Build build.Config
	Addr  string    // listen address; 127.0.0.1:1313 when empty
	Log   io.Writer // one line per build; io.Discard when nil
}

// Server builds and serves a site.
type Server struct {
	cfg Config
	h   handler
}

// New returns a server for cfg.
func New(cfg Config) *Server {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:1313"
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	return &Server{cfg: cfg}
}

// Handler returns the HTTP handler of the current snapshot.
func (s *Server) Handler() http.Handler { return &s.h }

// Rebuild builds the site into memory and, if it succeeds, publishes it.
// On failure the last good snapshot stays in place.
func (s *Server) Rebuild(ctx context.Context) error {
	mem := output.NewMemory()
	res, err := build.Build(ctx, s.cfg.Build, mem)
	if err != nil {
		return err
	}
	s.h.current.Store(&snapshot{files: mem.Files()})
	fmt.Fprintf(s.cfg.Log, "built %d pages in %d ms\n", res.Pages, res.Duration.Milliseconds())
	return nil
}

// Run builds the site, then serves it until ctx ends. ready, if not nil,
// receives the listening address.
func (s *Server) Run(ctx context.Context, ready func(addr string)) error {
	if err := s.Rebuild(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: &s.h, ReadHeaderTimeout: 10 * time.Second}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
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
