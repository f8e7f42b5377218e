package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"

	"github.com/loa-vn/loa/internal/gitdate"
	"github.com/loa-vn/loa/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loa serve", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, false)
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; keep 127.0.0.1 unless others must reach it")
	poll := fs.Duration("poll", 0, "poll for changes at this interval instead of file-system events (for network drives)")
	if ok, code := parseFlags(fs, args, false, stdout, stderr); !ok {
		return code
	}
	if err := checkAddr(*addr); err != nil {
		return usageError(stderr, "loa serve", "%v", err)
	}
	if *poll < 0 {
		return usageError(stderr, "loa serve", "-poll %v is negative; give an interval such as 2s, or leave it out to use file-system events", *poll)
	}
	cfg, err := sf.config()
	if err != nil {
		return usageError(stderr, "loa serve", "%v", err)
	}
	cfg.BaseURL, cfg.Now, cfg.Clock = "/", time.Time{}, now
	// The commit dates are read once: a rebuild runs no git.
	cfg.Committed = gitdate.Start(ctx, sf.source)
	srv := serve.New(serve.Config{Build: cfg, Dir: sf.source, Addr: *addr, Log: stdout, Poll: *poll})
	err = srv.Run(ctx, func(a string) {
		fmt.Fprintf(stdout, "serving on http://%s/ (Ctrl+C to stop)\n", a)
	})
	if err != nil {
		fmt.Fprintln(stderr, "loa serve:", err)
		return exitContent
	}
	return exitOK
}

// checkAddr refuses a listen address that is not host:port with a port
// number (host may be empty, a name or an IP address).
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q is not host:port; write e.g. 127.0.0.1:1313", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("-addr %q: the port is not a number from 0 to 65535; write e.g. 127.0.0.1:1313", addr)
	}
	return nil
}
