package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/loa-vn/loa/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loa serve", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, false)
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; keep 127.0.0.1 unless others must reach it")
	poll := fs.Duration("poll", 0, "poll for changes at this interval instead of file-system events (for network drives)")
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	cfg, err := sf.config()
	if err != nil {
		fmt.Fprintln(stderr, "loa serve:", err)
		return exitUsage
	}
	cfg.BaseURL, cfg.Now, cfg.Clock = "/", time.Time{}, now
	srv := serve.New(serve.Config{Build: cfg, Dir: sf.source, Addr: *addr, Log: stdout, Poll: *poll})
	err = srv.Run(ctx, func(a string) {
		fmt.Fprintf(stdout, "serving on http://%s/ (Ctrl+C to stop)\n", a)
	})
	if err != nil {
		return report(stderr, err)
	}
	return exitOK
}
