package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/loa-vn/loa/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loa serve", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, false)
	addr := fs.String("addr", "127.0.0.1:1313", "address to listen on; keep 127.0.0.1 unless others must reach it")
	if ok, code := parseFlags(fs, args, stderr); !ok {
		return code
	}
	cfg, err := sf.config()
	if err != nil {
		fmt.Fprintln(stderr, "loa serve:", err)
		return exitUsage
	}
	cfg.BaseURL = ""
	srv := serve.New(serve.Config{Build: cfg, Addr: *addr, Log: stdout})
	err = srv.Run(ctx, func(a string) {
		fmt.Fprintf(stdout, "serving on http://%s/ (Ctrl+C to stop)\n", a)
	})
	if err != nil {
		return report(stderr, err)
	}
	return exitOK
}
