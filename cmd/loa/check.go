package main

import (
	"context"
	"flag"
	"io"

	"github.com/loa-vn/loa/internal/build"
	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/output"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loa check", flag.ContinueOnError)
	var sf siteFlags
	sf.register(fs, true)
	if _, ok, code := parseArgs(fs, args, 0, "loa check [-source DIR] [-drafts]", stdout, stderr); !ok {
		return code
	}
	cfg, err := sf.config()
	if err != nil {
		return usageError(stderr, "loa check", err.Error())
	}
	res, err := build.Build(ctx, cfg, output.Discard{})
	if code, ok := stopped(ctx, stderr, "loa check", i18n.Sprintf("the check is incomplete")); ok {
		return code
	}
	if err != nil {
		return report(stderr, err)
	}
	res.Notices.Print(stderr)
	i18n.Fprintf(stdout, "ok: %d pages checked, no errors\n", res.Pages)
	return exitOK
}
