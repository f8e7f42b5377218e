package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
//
// Writing and deleting thousands of files is what costs most on a slow
// disk, so the new folder starts, when it can, as the output before last:
// Commit keeps the replaced output beside the target as .BASE.loa-prev,
// and the next Dir takes it over (or the half-written folder of a killed
// build). Put then leaves a file alone when its bytes are already there,
// and Commit deletes what the build did not produce. A build that changes
// little writes little, and no build deletes a whole site.
type Dir struct {
	target  string // the output folder, e.g. "public"
	staging string // the new folder being written
	root    *os.Root

	// found lists what the folder held when taken over (nil for a fresh
	// folder): slash name → size of a regular file, or -1 for a folder.
	// Filled in the background; ready is closed when it is complete.
	found    map[string]int64
	shared   map[string]bool // regular files found with more than one link
	ready    chan struct{}
	scanErr  error
	mu       sync.Mutex
	dirs     map[string]bool // folders known to exist
	cleared  map[string]bool // files found where folders are now needed, deleted
	written  map[string]bool // names Put this build, in a folder taken over
	kept     atomic.Int64    // files left as they were
	replaced atomic.Int64    // files rewritten
	aborted  atomic.Bool     // set by Abort: the scan stops where it is
}

// prevPath names the kept previous output: public → .public.loa-prev.
func prevPath(target string) string {
	parent, base := filepath.Split(target)
	return filepath.Join(parent, "."+base+".loa-prev")
}

var stagingCount atomic.Int64

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
	earlier := claimEarlier(target)
	d := &Dir{target: target, dirs: map[string]bool{}, cleared: map[string]bool{}, written: map[string]bool{Marker: true}, ready: make(chan struct{})}
	for {
		d.staging = filepath.Join(parent, "."+base+".loa-new-"+strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(stagingCount.Add(1), 10))
		var err error
		if earlier != "" {
			err = os.Rename(earlier, d.staging)
		} else {
			err = os.Mkdir(d.staging, 0o755)
		}
		if err == nil {
			break
		}
		if _, statErr := os.Lstat(d.staging); statErr != nil { // not a name clash: give up on reuse, or fail
			if earlier == "" {
				return nil, fmt.Errorf("create a folder beside %s: %w", target, err)
			}
			earlier = ""
		}
	}
	root, err := os.OpenRoot(d.staging)
	if err != nil {
		os.RemoveAll(d.staging)
		return nil, err
	}
	d.root = root
	if earlier == "" {
		close(d.ready)
	} else {
		d.found, d.shared = map[string]int64{}, map[string]bool{}
		go d.scan()
	}
	return d, nil
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

// scan lists the folder taken over, deleting anything that is neither a
// regular file nor a folder (a link planted there must not be written
// through or published).
func (d *Dir) scan() {
	defer close(d.ready)
	d.scanErr = fs.WalkDir(d.root.FS(), ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.aborted.Load() {
			return fs.SkipAll // a stopped build need not wait for the scan
		}
		if name == "." {
			return nil
		}
		switch {
		case e.IsDir():
			d.found[name] = -1
		case e.Type().IsRegular():
			info, err := e.Info()
			if err != nil {
				return err
			}
			d.found[name] = info.Size()
			if !singleLink(info) {
				d.shared[name] = true
			}
		default:
			return d.root.Remove(name)
		}
		return nil
	})
}

// claimEarlier returns a folder the new output can start from: the kept
// previous output, else the half-written folder of a killed build (one of
// .BASE.loa-new-PID-* whose process is gone). It deletes the other such
// folders, and a .BASE.loa-old-PID left by an older Loa.
func claimEarlier(target string) string {
	parent, base := filepath.Split(target)
	if parent == "" {
		parent = "."
	}
	var found []string
	if info, err := os.Lstat(prevPath(target)); err == nil && info.IsDir() {
		found = append(found, prevPath(target))
	}
	dead, _ := filepath.Glob(filepath.Join(parent, "."+base+".loa-new-*"))
	for _, m := range dead {
		rest := strings.TrimPrefix(filepath.Base(m), "."+base+".loa-new-")
		pidText, _, _ := strings.Cut(rest, "-")
		if pid, err := strconv.Atoi(pidText); err == nil && pid != os.Getpid() && !processAlive(pid) {
			found = append(found, m)
		}
	}
	old, _ := filepath.Glob(filepath.Join(parent, base+".loa-old-*"))
	for _, m := range old {
		pid, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(m), base+".loa-old-"))
		if err == nil && pid != os.Getpid() && !processAlive(pid) {
			os.RemoveAll(m)
		}
	}
	if len(found) == 0 {
		return ""
	}
	for _, m := range found[1:] {
		removeAll(m)
	}
	return found[0]
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

// Put writes data to name inside the new folder, unless the folder taken
// over holds exactly these bytes there already.
func (d *Dir) Put(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || name == Marker {
		return fmt.Errorf("write %s: not a file name inside the output folder", name)
	}
	<-d.ready
	if d.scanErr != nil {
		return fmt.Errorf("read the previous output in %s: %w", d.staging, d.scanErr)
	}
	if d.found != nil { // a folder taken over: Commit deletes what was not written
		d.mu.Lock()
		d.written[name] = true
		d.mu.Unlock()
		if size, ok := d.found[name]; ok {
			if size == int64(len(data)) && d.holds(name, data) {
				d.kept.Add(1)
				return nil
			}
			d.replaced.Add(1)
			if size >= 0 && !d.shared[name] {
				// Overwrite in place: cheaper than a new file on most
				// file systems.
				if err := d.overwrite(name, data, size); err != nil {
					return fmt.Errorf("write %s: %w", name, err)
				}
				return nil
			}
			// A folder, or a file linked elsewhere: never write into it.
			if err := d.root.RemoveAll(name); err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
		}
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := d.root.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// overwrite replaces the content of the existing file name, of size old.
// It writes over the old bytes and then cuts what is left, rather than
// opening with O_TRUNC: ext4 flushes a file truncated to zero when it is
// closed (auto_da_alloc), which made rewriting a site several times slower.
func (d *Dir) overwrite(name string, data []byte, old int64) error {
	f, err := d.root.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil && old > int64(len(data)) {
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

// mkdir makes the folder dir and its parents, replacing files found in
// their place in a folder taken over.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if made {
		return nil
	}
	if size, ok := d.found[dir]; ok && size < 0 {
		if err := d.mkdir(path.Dir(dir)); err != nil { // they may have been files
			return err
		}
	} else {
		for p := dir; p != "."; p = path.Dir(p) {
			if size, ok := d.found[p]; ok && size >= 0 {
				if err := d.clear(p); err != nil {
					return err
				}
			}
		}
		if err := d.root.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	d.mu.Lock()
	for p := dir; p != "."; p = path.Dir(p) {
		d.dirs[p] = true
	}
	d.mu.Unlock()
	return nil
}

// clear deletes, once, the file found where a folder is now needed.
func (d *Dir) clear(name string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dirs[name] || d.cleared[name] {
		return nil
	}
	d.cleared[name] = true
	if err := d.root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Commit swaps the new folder in place of the target and keeps the
// previous output beside it for the next build to start from. Files the
// build did not produce are deleted first.
func (d *Dir) Commit() error {
	<-d.ready
	if d.scanErr != nil {
		d.Abort()
		return fmt.Errorf("read the previous output in %s: %w", d.staging, d.scanErr)
	}
	if err := d.prune(); err != nil {
		d.Abort()
		return fmt.Errorf("delete the files no longer built: %w", err)
	}
	if err := d.writeMarker(); err != nil {
		d.Abort()
		return fmt.Errorf("mark %s as made by Loa: %w", d.staging, err)
	}
	d.root.Close()
	if _, err := os.Lstat(d.target); err != nil {
		if err := os.Rename(d.staging, d.target); err != nil {
			d.Abort()
			return fmt.Errorf("put the new %s in place: %w", d.target, err)
		}
		return nil
	}
	prev := prevPath(d.target)
	if _, err := os.Lstat(prev); err == nil {
		removeAll(prev) // another build kept one meanwhile
	}
	if err := exchange(d.staging, d.target); err != nil {
		// No atomic exchange here: move the old output aside, then put
		// the new one in place.
		if err := os.Rename(d.target, prev); err != nil {
			d.Abort()
			return fmt.Errorf("move the previous %s aside: %w", d.target, err)
		}
		if err := os.Rename(d.staging, d.target); err != nil {
			os.Rename(prev, d.target)
			d.Abort()
			return fmt.Errorf("put the new %s in place: %w", d.target, err)
		}
		return nil
	}
	// The staging name now holds the previous output.
	if err := os.Rename(d.staging, prev); err != nil {
		return removeAll(d.staging)
	}
	return nil
}

// prune deletes from a folder taken over what this build did not write.
func (d *Dir) prune() error {
	if d.found == nil {
		return nil
	}
	needed := map[string]bool{}
	for name := range d.written {
		for p := path.Dir(name); p != "." && !needed[p]; p = path.Dir(p) {
			needed[p] = true
		}
	}
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for name := range d.found {
		if d.written[name] || needed[name] {
			continue
		}
		if parent := path.Dir(name); parent != "." && !needed[parent] {
			continue // goes with its folder
		}
		g.Go(func() error {
			if err := d.root.RemoveAll(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return nil
		})
	}
	return g.Wait()
}

// Stats tells how many files Put left as they were and how many it
// rewrote, in a folder taken over from an earlier build.
func (d *Dir) Stats() (kept, replaced int) {
	return int(d.kept.Load()), int(d.replaced.Load())
}

// removeAll removes dir like os.RemoveAll, with its top-level entries
// removed in parallel: deleting a large site is I/O-bound.
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
