// Command loa builds the static portal of a site folder holding content/,
// and optionally layouts/ and static/ (the default theme is built in).
//
//	loa build   [-source DIR] [-out DIR] [-baseurl URL] [-drafts] [-strict]
//	loa serve   [-source DIR] [-addr 127.0.0.1:1313] [-drafts]
//	loa check   [-source DIR] [-drafts]
//	loa new     [-source DIR] [-topic T | -unit U] KIND "Tiêu đề"
//	loa new     site DIR
//	loa version
//	loa help
//
// Flags may come before or after the arguments; "--" ends them. Messages
// are in Vietnamese, or in English when the locale (LC_ALL, LC_MESSAGES or
// LANG, the first one set) starts with "en" or is C or POSIX.
//
// Exit codes: 0 success, 1 content errors, 2 usage errors, 130 or 143 when
// stopped by SIGINT (Ctrl+C) or SIGTERM. The first such signal stops the
// work within a second and leaves the previous output as it was; a second
// one exits at once.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/diag"
	"github.com/loa-vn/loa/internal/i18n"
)

func main() {
	i18n.SetLanguage(i18n.FromEnv(os.Getenv))
	ctx, stop := notifyStop(context.Background(), os.Stderr)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// now is the clock; tests replace it.
var now = time.Now

// usage is the text of loa help.
const usage = `Loa builds a fast static portal from Markdown content.

Usage:
  loa build   [-source DIR] [-out DIR] [-baseurl URL] [-drafts] [-strict]   build the site into -out (default public)
  loa serve   [-source DIR] [-addr 127.0.0.1:1313] [-drafts]                build, serve and rebuild on change
  loa check   [-source DIR] [-drafts]                                       check all content, write nothing
  loa new     [-source DIR] [-topic T | -unit U] KIND "Tiêu đề"             create a content file (KIND: article, qa, news, document, page)
  loa new     site DIR                                                      create a new site to start from in the empty folder DIR
  loa version                                                               print the version
  loa help                                                                  print this help

Flags may come before or after KIND and the title. Run "loa COMMAND -h" for the flags of a command.
Exit codes: 0 success, 1 content errors (all listed on stderr), 2 usage errors,
130 or 143 stopped by Ctrl+C or SIGTERM (the previous output is left as it was).

The site's address comes from -baseurl, else $URL (set by Netlify), else
baseurl in content/_index.md. Without an absolute one, loa build writes no
feeds or sitemap and warns; with -strict it fails instead (exit 1).
Messages are in English as LANG (or LC_ALL, LC_MESSAGES) names English or the C locale;
unset it or set LANG=vi_VN.UTF-8 for Vietnamese.
`

// commands are the commands of loa, for "did you mean".
var commands = []string{"build", "serve", "check", "new", "version", "help"}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		i18n.Fprintf(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "version", "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			return usageError(stderr, "loa "+strings.TrimLeft(cmd, "-"), i18n.Sprintf("unexpected argument %q", rest[0]))
		}
		if cmd == "version" {
			fmt.Fprintln(stdout, "loa", version())
		} else {
			i18n.Fprintf(stdout, usage)
		}
		return exitOK
	}
	if near := closest(cmd, commands); near != "" && !strings.HasPrefix(cmd, "-") {
		return usageError(stderr, "loa", i18n.Sprintf("unknown command %q; did you mean loa %s?", cmd, near))
	}
	return usageError(stderr, "loa", i18n.Sprintf("unknown command %q; run loa help to see the commands", cmd))
}

// usageError prints a usage error msg of cmd as one line on stderr and
// returns the exit code for it.
func usageError(stderr io.Writer, cmd, msg string) int {
	fmt.Fprintf(stderr, "%s: %s\n", cmd, msg)
	return exitUsage
}

// report prints a build error: diagnostics one per line, anything else as
// one line. It returns the exit code.
func report(stderr io.Writer, err error) int {
	var list diag.List
	if errors.As(err, &list) {
		list.Print(stderr)
		if len(list) == 1 {
			i18n.Fprintf(stderr, "loa: 1 error; nothing was written\n")
		} else {
			i18n.Fprintf(stderr, "loa: %d errors; nothing was written\n", len(list))
		}
		return exitContent
	}
	fmt.Fprintln(stderr, "loa:", err)
	return exitContent
}
