package serve

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/loa-vn/loa/internal/content"
)

// watched are the folders of a site that are watched.
var watched = []string{"content", "layouts", "static"}

// watcher reports changed paths (slash paths from the site root) on its
// channel. It uses fsnotify, adding folders recursively and as they are
// created, and falls back to polling when fsnotify cannot be used.
type watcher struct {
	root    string
	changes chan string
	errs    chan error
	fsw     *fsnotify.Watcher
	poll    time.Duration // > 0: polling
}

func newWatcher(root string, poll time.Duration) *watcher {
	w := &watcher{root: root, changes: make(chan string, 1024), errs: make(chan error, 1), poll: poll}
	if poll <= 0 {
		fsw, err := fsnotify.NewWatcher()
		if err == nil {
			w.fsw = fsw
			if err = w.addTree(root, true); err != nil {
				fsw.Close()
				w.fsw = nil
			}
		}
		if w.fsw == nil {
			w.poll = time.Second // fsnotify unavailable (e.g. inotify limits): poll
		}
	}
	return w
}

// relative turns an absolute path into a slash path from the site root, and
// reports whether it is under a watched folder and not ignored.
func (w *watcher) relative(p string) (string, bool) {
	rel, err := filepath.Rel(w.root, p)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	known := false
	for _, d := range watched {
		known = known || top == d
	}
	if !known {
		return "", false
	}
	for _, seg := range strings.Split(rel, "/") {
		if content.Ignored(seg) {
			return "", false
		}
	}
	if tempName(path.Base(rel)) {
		return "", false // sed -i: the rename onto the edited file is what counts
	}
	return rel, true
}

// addTree watches dir and the watched folders under it. At the site root
// it watches the root itself too, to see watched folders appear.
func (w *watcher) addTree(dir string, isRoot bool) error {
	if isRoot {
		if err := w.fsw.Add(dir); err != nil {
			return err
		}
		for _, d := range watched {
			if err := w.addTree(filepath.Join(dir, d), false); err != nil {
				return err
			}
		}
		return nil
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && content.Ignored(d.Name()) {
			return filepath.SkipDir
		}
		return w.fsw.Add(p)
	})
}

// run forwards changes until ctx ends.
func (w *watcher) run(ctx context.Context) {
	if w.fsw == nil {
		w.runPoll(ctx)
		return
	}
	defer w.fsw.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-w.fsw.Errors:
			select {
			case w.errs <- err:
			default:
			}
		case ev := <-w.fsw.Events:
			if ev.Op == fsnotify.Chmod {
				continue
			}
			rel, ok := w.relative(ev.Name)
			if !ok {
				continue
			}
			if ev.Op.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name, false) // a new folder: watch it and what it holds
				}
			}
			w.changes <- rel
		}
	}
}

// stamp is what polling compares.
type stamp struct {
	size int64
	mod  time.Time
}

func (w *watcher) scan() map[string]stamp {
	out := map[string]stamp{}
	for _, d := range watched {
		filepath.WalkDir(filepath.Join(w.root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if e.IsDir() && p != filepath.Join(w.root, d) && content.Ignored(e.Name()) {
				return filepath.SkipDir
			}
			if rel, ok := w.relative(p); ok && !e.IsDir() {
				if info, err := e.Info(); err == nil {
					out[rel] = stamp{info.Size(), info.ModTime()}
				}
			}
			return nil
		})
	}
	return out
}

func (w *watcher) runPoll(ctx context.Context) {
	last := w.scan()
	t := time.NewTicker(w.poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			now := w.scan()
			for p, s := range now {
				if last[p] != s {
					w.changes <- p
				}
			}
			for p := range last {
				if _, ok := now[p]; !ok {
					w.changes <- p
				}
			}
			last = now
		}
	}
}
