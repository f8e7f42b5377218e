package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/sync/errgroup"
)

// Marker is the file Loa leaves in every output folder it makes. Loa
// replaces only folders that hold it, so a mistyped -out never wipes
// someone's work.
const Marker = ".loa-output"

// Dir is a Sink that writes a new folder beside the target and swaps it in
// on Commit. Until Commit the target is untouched; after Abort, or a crash,
// it is exactly as it was. All writes go through an os.Root, so no name
// can reach outside the new folder.
type Dir struct {
	target  string // the output folder, e.g. "public"
	staging string // the new folder being written
	root    *os.Root
	mu      sync.Mutex
	dirs    map[string]bool
}

// NewDir prepares to replace the folder target. It fails when target
// exists, is not empty and was not made by Loa.
func NewDir(target string) (*Dir, error) {
	target = filepath.Clean(target)
	if err := checkTarget(target); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(target)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	removeStale(parent, base)
	staging, err := os.MkdirTemp(parent, "."+base+".loa-new-"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("create a folder beside %s: %w", target, err)
	}
	root, err := os.OpenRoot(staging)
	if err != nil {
		os.RemoveAll(staging)
		return nil, err
	}
	d := &Dir{target: target, staging: staging, root: root, dirs: map[string]bool{}}
	if err := root.WriteFile(Marker, []byte("Made by Loa. This folder is replaced at each build.\n"), 0o644); err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
}

// removeStale deletes the half-written folders of builds that were killed:
// siblings named .BASE.loa-new-PID-* whose process is gone.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, "."+base+".loa-new-*"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), "."+base+".loa-new-")
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.RemoveAll(m)
	}
}

// processAlive reports whether a process with this id runs.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}

// checkTarget refuses to replace a folder that Loa did not make.
func checkTarget(target string) error {
	info, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is a file, not a folder; choose another -out", target)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(target, Marker)); err != nil {
		return fmt.Errorf("%s is not empty and was not made by Loa (it has no %s file); move its files away or choose another -out", target, Marker)
	}
	return nil
}

// Put writes data to name inside the new folder.
func (d *Dir) Put(name string, data []byte) error {
	if dir := path.Dir(name); dir != "." {
		d.mu.Lock()
		made := d.dirs[dir]
		d.mu.Unlock()
		if !made {
			if err := d.root.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
			d.mu.Lock()
			d.dirs[dir] = true
			d.mu.Unlock()
		}
	}
	if err := d.root.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// Commit swaps the new folder in place of the target and removes the old
// one. Files the build no longer produced are gone with it.
func (d *Dir) Commit() error {
	d.root.Close()
	old := ""
	if _, err := os.Stat(d.target); err == nil {
		old = d.target + ".loa-old-" + strconv.Itoa(os.Getpid())
		os.RemoveAll(old)
		if err := os.Rename(d.target, old); err != nil {
			d.Abort()
			return fmt.Errorf("move the previous %s aside: %w", d.target, err)
		}
	}
	if err := os.Rename(d.staging, d.target); err != nil {
		if old != "" {
			os.Rename(old, d.target)
		}
		d.Abort()
		return fmt.Errorf("put the new %s in place: %w", d.target, err)
	}
	if old != "" {
		return removeAll(old)
	}
	return nil
}

// removeAll removes dir like os.RemoveAll, with its top-level entries
// removed in parallel: deleting a large previous site is I/O-bound.
func removeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, e := range entries {
		g.Go(func() error { return os.RemoveAll(filepath.Join(dir, e.Name())) })
	}
	return errors.Join(g.Wait(), os.RemoveAll(dir))
}

// Abort removes the new folder and leaves the target as it was.
func (d *Dir) Abort() {
	d.root.Close()
	os.RemoveAll(d.staging)
}
