// Command loa builds the static portal of a site folder holding content/,
// and optionally layouts/ and static/ (the default theme is built in).
//
//	loa build   [-source DIR] [-out DIR] [-baseurl URL] [-drafts] [-strict]
//	loa serve   [-source DIR] [-addr 127.0.0.1:1313] [-drafts]
//	loa check   [-source DIR] [-drafts]
//	loa new     [-source DIR] [-topic T | -unit U] KIND "Tiêu đề"
//	loa version
//	loa help
//
// Exit codes: 0 success, 1 content errors, 2 usage errors, 130 or 143 when
// stopped by SIGINT (Ctrl+C) or SIGTERM. The first such signal stops the
// work within a second and leaves the previous output as it was; a second
// one exits at once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/loa-vn/loa/internal/diag"
)

func main() {
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

const usage = `Loa builds a fast static portal from Markdown content.

Usage:
  loa build   [-source DIR] [-out DIR] [-baseurl URL] [-drafts] [-strict]   build the site into -out (default public)
  loa serve   [-source DIR] [-addr 127.0.0.1:1313] [-drafts]                build, serve and rebuild on change
  loa check   [-source DIR] [-drafts]                                       check all content, write nothing
  loa new     [-source DIR] [-topic T | -unit U] KIND "Tiêu đề"             create a content file (KIND: article, qa, news, document, page)
  loa version                                                               print the version
  loa help                                                                  print this help

Run "loa COMMAND -h" for the flags of a command.
Exit codes: 0 success, 1 content errors (all listed on stderr), 2 usage errors,
130 or 143 stopped by Ctrl+C or SIGTERM (the previous output is left as it was).

The site's address comes from -baseurl, else $URL (set by Netlify), else
baseurl in content/_index.md. Without an absolute one, loa build writes no
feeds or sitemap and warns; with -strict it fails instead (exit 1).
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
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
			return usageError(stderr, "loa "+strings.TrimLeft(cmd, "-"), "unexpected argument %q", rest[0])
		}
		if cmd == "version" {
			fmt.Fprintln(stdout, "loa", version())
		} else {
			fmt.Fprint(stdout, usage)
		}
		return exitOK
	}
	return usageError(stderr, "loa", "unknown command %q; run loa help to see the commands", cmd)
}

// usageError prints a usage error of cmd as one line on stderr and
// returns the exit code for it.
func usageError(stderr io.Writer, cmd, format string, args ...any) int {
	fmt.Fprintf(stderr, cmd+": "+format+"\n", args...)
	return exitUsage
}

// parseFlags parses args with fs and reports the exit code to return when
// parsing fails or -h was asked. -h prints the flags on stdout; a bad flag
// is one line on stderr, and so is an argument when takesArgs is false.
func parseFlags(fs *flag.FlagSet, args []string, takesArgs bool, stdout, stderr io.Writer) (ok bool, code int) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return false, exitOK
	case err != nil:
		return false, usageError(stderr, fs.Name(), "%v; run %s -h to see the flags", err, fs.Name())
	case !takesArgs && fs.NArg() > 0:
		return false, usageError(stderr, fs.Name(), "unexpected argument %q; run %s -h to see the flags", fs.Arg(0), fs.Name())
	}
	return true, exitOK
}

// report prints a build error: diagnostics one per line, anything else as
// one line. It returns the exit code.
func report(stderr io.Writer, err error) int {
	var list diag.List
	if errors.As(err, &list) {
		list.Print(stderr)
		fmt.Fprintf(stderr, "loa: %d %s; nothing was written\n", len(list), plural(len(list), "error", "errors"))
		return exitContent
	}
	fmt.Fprintln(stderr, "loa:", err)
	return exitContent
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
