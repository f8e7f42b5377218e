package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/loa-vn/loa/internal/i18n"
)

// hiddenFlags work but are left out of -h: they are for performance work
// and documented in the README's Development section.
var hiddenFlags = map[string]bool{"cpuprofile": true, "memprofile": true}

// valueNames name the value of each flag that takes one, in -h.
var valueNames = map[string]string{
	"source": "DIR", "out": "DIR", "cache": "DIR", "baseurl": "URL", "addr": "HOST:PORT",
	"poll": "2s", "topic": "T", "unit": "U",
}

// parseArgs parses args with fs and returns the arguments that are not
// flags. Flags may come before, between or after the arguments; "--" ends
// the flags. When parsing fails, -h was asked or there are more than
// maxArgs arguments, ok is false and code is the exit code to return:
// -h prints the command's help on stdout, a mistake one line on stderr.
func parseArgs(fs *flag.FlagSet, args []string, maxArgs int, synopsis string, stdout, stderr io.Writer) (rest []string, ok bool, code int) {
	fs.SetOutput(io.Discard)
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stdout, fs, synopsis)
			return nil, false, exitOK
		}
		if err != nil {
			return nil, false, usageError(stderr, fs.Name(), flagError(fs, err))
		}
		left := fs.Args()
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			rest = append(rest, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		rest, args = append(rest, left[0]), left[1:]
	}
	if len(rest) > maxArgs {
		return nil, false, usageError(stderr, fs.Name(), i18n.Sprintf("unexpected argument %q; run %s -h to see the flags", rest[maxArgs], fs.Name()))
	}
	return rest, true, exitOK
}

// The errors of package flag, to say them in the user's language.
var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	missingValue  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	invalidValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*): `)
)

// flagError says what is wrong with a flag, with a "did you mean" for a
// mistyped name, in place of package flag's message and flag list.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if g := undefinedFlag.FindStringSubmatch(msg); g != nil {
		var names []string
		fs.VisitAll(func(f *flag.Flag) {
			if !hiddenFlags[f.Name] {
				names = append(names, f.Name)
			}
		})
		if near := closest(g[1], names); near != "" {
			return i18n.Sprintf("unknown flag -%s; did you mean -%s?", g[1], near)
		}
		return i18n.Sprintf("unknown flag -%s; run %s -h to see the flags", g[1], fs.Name())
	}
	if g := missingValue.FindStringSubmatch(msg); g != nil {
		return i18n.Sprintf("-%s needs a value; run %s -h to see the flags", g[1], fs.Name())
	}
	if g := invalidValue.FindStringSubmatch(msg); g != nil {
		return i18n.Sprintf("invalid value %q for -%s; run %s -h to see the flags", g[1], g[2], fs.Name())
	}
	return i18n.Sprintf("%s; run %s -h to see the flags", msg, fs.Name())
}

// closest returns the name among names nearest to s, ignoring case,
// hyphens and underscores ("baseUrl", "base-url" → "baseurl"), if it is
// within two edits; else "".
func closest(s string, names []string) string {
	fold := func(s string) string {
		return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(s))
	}
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(fold(s), fold(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// printHelp prints the synopsis of a command and its flags, except the
// hidden ones.
func printHelp(w io.Writer, fs *flag.FlagSet, synopsis string) {
	i18n.Fprintf(w, "usage: %s\n\nflags (before or after the arguments):\n", synopsis)
	fs.VisitAll(func(f *flag.Flag) {
		if hiddenFlags[f.Name] {
			return
		}
		line := "  -" + f.Name
		if v := valueNames[f.Name]; v != "" {
			line += " " + v
		}
		fmt.Fprintf(w, "%s\n      %s", line, f.Usage)
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "0s" {
			i18n.Fprintf(w, " (default %s)", d)
		}
		fmt.Fprintln(w)
	})
}
