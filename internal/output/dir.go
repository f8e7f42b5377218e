package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/loa-vn/loa/internal/i18n"
	"github.com/loa-vn/loa/internal/par"
)

// Marker is the file Loa leaves in every output folder it makes. Loa
// replaces only folders that hold it, so a mistyped -out never wipes
// someone's work.
const Marker = ".loa-output"

// Dir is a Sink that writes a new folder beside the target and swaps it in
// on Commit. Until Commit the target is untouched; after Abort, or a crash,
// it is exactly as it was. All writes go through an os.Root, so no name
// can reach outside the new folder. A target that is a symbolic link is
// followed: the folder it points to is replaced and the link kept.
//
// Writing and deleting thousands of files is what costs most on a slow
// disk, so the new folder starts, when it can, as the output before last:
// Commit keeps the replaced output beside the target as .BASE.loa-prev,
// and the next Dir takes it over (or the half-written folder of a killed
// build). The first Put of a name then leaves the file alone when its
// bytes are already there, and Commit deletes what the build did not
// produce. A build that changes little writes little, and no build deletes
// a whole site. Whatever the Puts, the result is what the same Puts make
// in an empty folder: an entry of the old output is reused only until
// this build has written or made something at its name, and a Put or a
// folder fails where it would fail there. A kept output that Loa cannot
// write into (another user's, read-only, unreadable) is left alone with a
// warning (see Warnings), and the build starts from an empty folder.
//
// Put is safe for concurrent use; Puts of the same name should not run at
// the same time (which one wins is then undefined, as with any file).
type Dir struct {
	target  string // the output folder, e.g. "public", links resolved
	staging string // the new folder being written
	root    *os.Root

	// found lists what the folder held when taken over (nil for a fresh
	// folder): slash name → size of a regular file, or -1 for a folder.
	// Filled in the background; ready is closed when it is complete.
	found    map[string]int64
	shared   map[string]bool // regular files found with more than one link
	ready    chan struct{}
	scanErr  error
	warnings []string // kept outputs not reused, and why
	mu       sync.Mutex
	made     map[string]kind // names this build wrote (files) or needs (folders)
	kept     atomic.Int64    // files left as they were
	replaced atomic.Int64    // files rewritten
	aborted  atomic.Bool     // set by Abort: the scan stops where it is
}

// kind tells whether this build made a name a file or a folder.
type kind uint8

const (
	none kind = iota
	file
	folder
)

// prevPath names the kept previous output: public → .public.loa-prev.
func prevPath(target string) string {
	parent, base := filepath.Split(target)
	return filepath.Join(parent, "."+base+".loa-prev")
}

var stagingCount atomic.Int64

// NewDir prepares to replace the folder target. It fails when target
// exists, is not empty and was not made by Loa, and when a file system is
// mounted inside it or inside the folders Loa keeps beside it.
func NewDir(target string) (*Dir, error) {
	target, err := resolveLink(filepath.Clean(target))
	if err != nil {
		return nil, err
	}
	if err := checkTarget(target); err != nil {
		return nil, err
	}
	parent, _ := filepath.Split(target)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, i18n.Errorf("create %s: %w", parent, err)
	}
	if err := refuseMounts(target); err != nil {
		return nil, err
	}
	d := &Dir{target: target, made: map[string]kind{}, ready: make(chan struct{})}
	earlier := claimEarlier(target)
	if err := d.open(earlier); err != nil {
		return nil, err
	}
	if d.found == nil {
		close(d.ready)
	} else {
		go d.scan(earlier)
	}
	return d, nil
}

// resolveLink returns the folder a symbolic link target points to, so
// that the folder is replaced and the link kept; other paths unchanged.
func resolveLink(target string) (string, error) {
	info, err := os.Lstat(target)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return target, nil
	}
	real, err := filepath.EvalSymlinks(target)
	if err != nil {
		return "", i18n.Errorf("%s is a link to a folder that does not exist (%v); create the folder or choose another -out", target, err)
	}
	return real, nil
}

// writeMarker marks the new folder as Loa's, once the scan is done.
func (d *Dir) writeMarker() error {
	if d.found != nil {
		if err := d.root.RemoveAll(Marker); err != nil {
			return err
		}
	}
	return d.root.WriteFile(Marker, []byte("Made by Loa. This folder is replaced at each build.\n"), 0o644)
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
		return i18n.Errorf("%s is a file, not a folder; choose another -out", target)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(target, Marker)); err != nil {
		return i18n.Errorf("%s is not empty and was not made by Loa (it has no %s file); move its files away or choose another -out", target, Marker)
	}
	return nil
}

// Put writes data to name inside the new folder. The first Put of a name
// in a folder taken over leaves the file alone when it holds exactly these
// bytes already, and otherwise writes over it.
func (d *Dir) Put(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || name == Marker {
		return fmt.Errorf("write %s: not a file name inside the output folder", name)
	}
	<-d.ready
	if d.scanErr != nil {
		return fmt.Errorf("write %s: %w", name, d.scanErr)
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return i18n.Errorf("write %s: %w", name, err)
	}
	if d.found != nil && d.claim(name) {
		if size, ok := d.found[name]; ok {
			return d.reuse(name, data, size)
		}
	}
	if err := d.root.WriteFile(name, data, 0o644); err != nil {
		return i18n.Errorf("write %s: %w", name, err)
	}
	return nil
}

// claim records that this build writes the file name, and reports whether
// it is the first to: only then may it reuse what the old output held.
func (d *Dir) claim(name string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.made[name] != none {
		return false
	}
	d.made[name] = file
	return true
}

// reuse writes data to name, which the folder taken over held (size -1 for
// a folder) and this build has not touched yet.
func (d *Dir) reuse(name string, data []byte, size int64) error {
	if size == int64(len(data)) && d.holds(name, data) {
		d.kept.Add(1)
		return nil
	}
	d.replaced.Add(1)
	if size >= 0 && !d.shared[name] {
		// Overwrite in place: cheaper than a new file on most file systems.
		if err := d.overwrite(name, data); err != nil {
			return i18n.Errorf("write %s: %w", name, err)
		}
		return nil
	}
	// A folder of the old output, or a file linked elsewhere: never write
	// into it.
	if err := d.root.RemoveAll(name); err != nil {
		return i18n.Errorf("write %s: %w", name, err)
	}
	if err := d.root.WriteFile(name, data, 0o644); err != nil {
		return i18n.Errorf("write %s: %w", name, err)
	}
	return nil
}

// overwrite replaces the content of the existing file name. It writes over
// the old bytes and then cuts the file to the new length, rather than
// opening with O_TRUNC: ext4 flushes a file truncated to zero when it is
// closed (auto_da_alloc), which made rewriting a site several times slower.
func (d *Dir) overwrite(name string, data []byte) error {
	f, err := d.root.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Truncate(int64(len(data)))
	}
	return errors.Join(err, f.Close())
}

// holds reports whether the file name has the bytes data.
func (d *Dir) holds(name string, data []byte) bool {
	f, err := d.root.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := readBufs.Get().(*[]byte)
	defer readBufs.Put(buf)
	if cap(*buf) < len(data)+1 {
		*buf = make([]byte, len(data)+1)
	}
	b := (*buf)[:len(data)+1]
	n, err := io.ReadFull(f, b)
	return err == io.ErrUnexpectedEOF && n == len(data) && bytes.Equal(b[:n], data)
}

var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// mkdir makes the folder dir and its parents.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	made := d.made[dir] == folder
	d.mu.Unlock()
	if made {
		return nil
	}
	if d.found != nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.mkdirOver(dir)
	}
	if err := d.root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.mu.Lock()
	for p := dir; p != "."; p = path.Dir(p) {
		d.made[p] = folder
	}
	d.mu.Unlock()
	return nil
}

// mkdirOver makes the folder dir and its parents in a folder taken over,
// with d.mu held. A folder of the old output is used as it is; a file of
// the old output is replaced; a file this build wrote is an error, as it
// would be in an empty folder.
func (d *Dir) mkdirOver(dir string) error {
	switch d.made[dir] {
	case folder:
		return nil
	case file:
		return &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
	}
	if parent := path.Dir(dir); parent != "." {
		if err := d.mkdirOver(parent); err != nil {
			return err
		}
	}
	size, ok := d.found[dir]
	if ok && size >= 0 {
		if err := d.root.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if !ok || size >= 0 {
		if err := d.root.Mkdir(dir, 0o755); err != nil {
			return err
		}
	}
	d.made[dir] = folder
	return nil
}

// Commit swaps the new folder in place of the target and keeps the
// previous output beside it for the next build to start from. Files the
// build did not produce are deleted first.
func (d *Dir) Commit() error {
	<-d.ready
	if d.scanErr != nil {
		d.Abort()
		return d.scanErr
	}
	if err := d.prune(); err != nil {
		d.Abort()
		return i18n.Errorf("delete the files no longer built: %w", err)
	}
	if err := d.writeMarker(); err != nil {
		d.Abort()
		return i18n.Errorf("mark %s as made by Loa: %w", d.staging, err)
	}
	d.root.Close()
	if err := d.swap(); err != nil {
		d.Abort()
		return err
	}
	return nil
}

// swap puts the new folder in place of the target, and keeps the previous
// output as .BASE.loa-prev, or deletes it when a kept folder that Loa
// could not delete is in the way. It fails only with the target as it was.
func (d *Dir) swap() error {
	if _, err := os.Lstat(d.target); err != nil {
		if err := os.Rename(d.staging, d.target); err != nil {
			return i18n.Errorf("put the new %s in place: %w", d.target, err)
		}
		return nil
	}
	prev := prevPath(d.target)
	removeAll(prev) // one not reused
	aside := prev
	if _, err := os.Lstat(prev); err == nil {
		aside = d.stagingName()
	}
	if err := exchange(d.staging, d.target); err == nil {
		// The staging name now holds the previous output.
		if aside != prev || os.Rename(d.staging, prev) != nil {
			removeAll(d.staging)
		}
		return nil
	}
	// No atomic exchange here: move the old output aside, then put the
	// new one in place.
	if err := os.Rename(d.target, aside); err != nil {
		return i18n.Errorf("move the previous %s aside: %w", d.target, err)
	}
	if err := os.Rename(d.staging, d.target); err != nil {
		os.Rename(aside, d.target)
		return i18n.Errorf("put the new %s in place: %w", d.target, err)
	}
	if aside != prev {
		removeAll(aside)
	}
	return nil
}

// prune deletes from a folder taken over what this build did not make.
func (d *Dir) prune() error {
	if d.found == nil {
		return nil
	}
	var stale []string
	for name := range d.found {
		if d.made[name] != none {
			continue
		}
		if parent := path.Dir(name); parent != "." && d.made[parent] != folder {
			continue // goes with its folder
		}
		stale = append(stale, name)
	}
	return par.ForEach(context.Background(), len(stale), 2*runtime.GOMAXPROCS(0), func(i int) error {
		if err := d.root.RemoveAll(stale[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

// Stats tells how many files Put left as they were and how many it
// rewrote, in a folder taken over from an earlier build.
func (d *Dir) Stats() (kept, replaced int) {
	return int(d.kept.Load()), int(d.replaced.Load())
}

// removeAll removes dir like os.RemoveAll, with its top-level entries
// removed in parallel: deleting a large site is I/O-bound.
func removeAll(dir string) error {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil || !info.IsDir() {
		return os.Remove(dir) // a link is removed, never followed
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	err = par.ForEach(context.Background(), len(entries), 2*runtime.GOMAXPROCS(0), func(i int) error {
		return os.RemoveAll(filepath.Join(dir, entries[i].Name()))
	})
	return errors.Join(err, os.RemoveAll(dir))
}

// Abort leaves the target as it was. The new folder is kept as the
// previous output, for the next build to start from.
func (d *Dir) Abort() {
	d.aborted.Store(true)
	<-d.ready
	d.root.Close()
	if _, err := os.Lstat(prevPath(d.target)); err == nil || os.Rename(d.staging, prevPath(d.target)) != nil {
		removeAll(d.staging)
	}
}
