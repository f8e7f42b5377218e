// Package gitdate finds when each file of a site was last committed to
// Git, for pages' dateModified when their front matter has no updated key.
//
// Load runs one git process for the whole site ("git log --name-only"
// over the content/ folder) and reads its output once, so that a site of
// ten thousand files costs one process, not one per file. Callers load
// the dates once per run of Loa and share them: a rebuild of loa serve
// runs no git.
//
// What Load answers:
//   - A committed file: the author date of the last commit that changed
//     it (a rename counts as a change of the new path).
//   - A file with uncommitted edits: still the date of its last commit.
//   - A file never committed, or a site outside a Git work tree, or git
//     not on PATH, or any git failure: no date (Dates.Of gives the zero
//     time), and the caller uses the page's own date. Nothing is printed.
//   - A shallow clone (git clone --depth N, as Netlify and many CI
//     services make): the commits at the depth boundary ("grafted") show
//     every file as added, which says nothing about when it changed. Load
//     takes no date from them, so a file whose last change is older than
//     the clone's history has no date. Fetch the whole history (git fetch
//     --unshallow) for every file to have its date.
package gitdate

import (
	"bytes"
	"context"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Dates maps slash paths from the site root ("content/hoi-dap/a.md") to
// the time of their last commit. The nil Dates knows no file. A Dates is
// read-only once loaded and safe for concurrent use.
type Dates map[string]time.Time

// Of returns the time of path's last commit, or the zero time.
func (d Dates) Of(path string) time.Time { return d[path] }

// headerMark starts each commit's line in the log, so that it cannot be
// taken for a file name.
const headerMark = "\x01"

// Load returns the last commit dates of the files under dir/content, dir
// being the site root. It returns nil when there are none to be had (see
// the package doc); it never fails.
func Load(ctx context.Context, dir string) Dates {
	cmd := exec.CommandContext(ctx, "git",
		"-c", "core.quotepath=false", "log", "-z", "--no-color",
		"--decorate-refs-exclude=*", "--format="+headerMark+"%at %D",
		"--name-only", "--relative", "--", "content")
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	return parse(out)
}

// parse reads the output of Load's git log: for each commit, newest
// first, a header "\x01<unix time> <decorations>" and then the paths it
// changed, each ended by NUL (the first after a newline). The first
// commit seen for a path is its last; headers decorated "grafted" are the
// boundary of a shallow clone, and their paths get no date.
func parse(out []byte) Dates {
	d := Dates{}
	seen := map[string]bool{}
	var when time.Time
	grafted := false
	for _, tok := range bytes.Split(out, []byte{0}) {
		s := strings.TrimPrefix(string(tok), "\n")
		if h, ok := strings.CutPrefix(s, headerMark); ok {
			when, grafted = header(h)
			continue
		}
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		if !grafted && !when.IsZero() {
			d[s] = when
		}
	}
	if len(d) == 0 {
		return nil
	}
	return d
}

// header reads a commit's "<unix time> <decorations>" line: its time
// (zero if unreadable) and whether it is a shallow clone's boundary.
func header(h string) (time.Time, bool) {
	secs, decor, _ := strings.Cut(h, " ")
	grafted := false
	for _, ref := range strings.Split(decor, ", ") {
		if strings.TrimSpace(ref) == "grafted" {
			grafted = true
		}
	}
	n, err := strconv.ParseInt(secs, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, grafted
	}
	return time.Unix(n, 0).UTC(), grafted
}

// Start runs Load in the background and returns the lookup of its dates,
// which waits for Load on its first call: git then runs while the site is
// read. The lookup is safe for concurrent use.
func Start(ctx context.Context, dir string) func(path string) time.Time {
	done := make(chan Dates, 1)
	go func() { done <- Load(ctx, dir) }()
	dates := sync.OnceValue(func() Dates { return <-done })
	return func(path string) time.Time { return dates().Of(path) }
}
