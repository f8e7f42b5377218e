package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"
	"syscall"
	"time"

	"github.com/loa-vn/loa/internal/gitdate"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loa serve", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, false)
	addr := fs.String("addr", "127.0.0.1:1313", i18n.Sprintf("address to listen on; keep 127.0.0.1 unless others must reach it"))
	poll := fs.Duration("poll", 0, i18n.Sprintf("poll for changes at this interval instead of file-system events (for network drives)"))
	if _, ok, code := parseArgs(fs, args, 0, "loa serve [-source DIR] [-addr 127.0.0.1:1313] [-drafts]", stdout, stderr); !ok {
		return code
	}
	if err := checkAddr(*addr); err != nil {
		return usageError(stderr, "loa serve", err.Error())
	}
	if *poll < 0 {
		return usageError(stderr, "loa serve", i18n.Sprintf("-poll %v is negative; give an interval such as 2s, or leave it out to use file-system events", *poll))
	}
	cfg, err := sf.config()
	if err != nil {
		return usageError(stderr, "loa serve", err.Error())
	}
	cfg.BaseURL, cfg.Now, cfg.Clock = "/", time.Time{}, now
	// The commit dates are read once: a rebuild runs no git.
	cfg.Committed = gitdate.Start(ctx, sf.source)
	srv := serve.New(serve.Config{Build: cfg, Dir: sf.source, Addr: *addr, Log: stdout, Poll: *poll})
	err = srv.Run(ctx, func(a string) {
		i18n.Fprintf(stdout, "serving on http://%s/ (Ctrl+C to stop)\n", a)
	})
	if errors.Is(err, syscall.EADDRINUSE) {
		usageError(stderr, "loa serve", i18n.Sprintf("the address %s is already in use, perhaps by another loa serve; stop it, or pass another address, e.g. -addr %s", *addr, nextPort(*addr)))
		return exitContent // not a mistake in the command line: the same command works later
	}
	if err != nil {
		fmt.Fprintln(stderr, "loa serve:", err)
		return exitContent
	}
	return exitOK
}

// nextPort returns addr with the port after its own, to suggest when the
// port is taken: 127.0.0.1:1314 for 127.0.0.1:1313.
func nextPort(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	if n == 0 || n >= 65535 {
		n = 1313
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}

// checkAddr refuses a listen address that is not host:port with a port
// number (host may be empty, a name or an IP address).
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return i18n.Errorf("-addr %q is not host:port; write e.g. 127.0.0.1:1313", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return i18n.Errorf("-addr %q: the port is not a number from 0 to 65535; write e.g. 127.0.0.1:1313", addr)
	}
	return nil
}
