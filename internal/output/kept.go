package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/loa-vn/loa/internal/i18n"
)

// This file is about the folders Loa keeps beside the output: the output
// before last (.BASE.loa-prev) and the half-written folders of killed
// builds (.BASE.loa-new-PID-N), which a new build takes over when it can.

// open makes the new folder: earlier renamed when given and usable, else
// an empty folder. found is non-nil when earlier was taken over.
func (d *Dir) open(earlier string) error {
	for {
		d.staging = d.stagingName()
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
				return i18n.Errorf("create a folder beside %s: %w", d.target, err)
			}
			d.warn(earlier, err)
			earlier = ""
		}
	}
	root, err := os.OpenRoot(d.staging)
	if err != nil && earlier != "" && os.Rename(d.staging, earlier) == nil {
		d.warn(earlier, err)
		return d.open("")
	}
	if err != nil {
		os.Remove(d.staging)
		return i18n.Errorf("open %s: %w", d.staging, err)
	}
	d.root = root
	d.found, d.shared = nil, nil
	if earlier != "" {
		d.found, d.shared = map[string]int64{}, map[string]bool{}
	}
	return nil
}

// stagingName returns a new name for a folder beside the target:
// .BASE.loa-new-PID-N.
func (d *Dir) stagingName() string {
	parent, base := filepath.Split(d.target)
	return filepath.Join(parent, "."+base+".loa-new-"+strconv.Itoa(os.Getpid())+"-"+strconv.FormatInt(stagingCount.Add(1), 10))
}

// warn records that the kept folder name is not reused, and why.
func (d *Dir) warn(name string, why error) {
	var errno syscall.Errno
	if errors.As(why, &errno) {
		why = errno
	}
	d.warnings = append(d.warnings, i18n.Sprintf("cannot reuse %s (%v); building into a new folder — delete it when you can", name, why))
}

// Warnings returns what the build should tell about kept outputs it could
// not reuse. Call it once the Puts are done.
func (d *Dir) Warnings() []string {
	<-d.ready
	return slices.Clone(d.warnings)
}

// scan lists the folder taken over, deleting anything that is neither a
// regular file nor a folder (a link planted there must not be written
// through or published). When Loa cannot write into it, scan leaves it
// where it was, with a warning, and starts an empty folder instead.
func (d *Dir) scan(earlier string) {
	defer close(d.ready)
	err := fs.WalkDir(d.root.FS(), ".", d.list)
	if err == nil {
		return
	}
	d.root.Close()
	if os.Rename(d.staging, earlier) != nil {
		earlier = d.staging
	}
	d.warn(earlier, err)
	d.scanErr = d.open("")
}

// list records one entry of the folder taken over, and fails when Loa
// could not write or delete it.
func (d *Dir) list(name string, e fs.DirEntry, err error) error {
	if err != nil {
		return err
	}
	if d.aborted.Load() {
		return fs.SkipAll // a stopped build need not wait for the scan
	}
	if !e.IsDir() && !e.Type().IsRegular() {
		return d.root.Remove(name)
	}
	info, err := e.Info()
	if err != nil {
		return err
	}
	switch why := unusable(info); {
	case why != "" && name == ".":
		return i18n.Errorf("the folder %s", why)
	case why != "":
		return fmt.Errorf("%s %s", name, why)
	}
	switch {
	case name == ".":
	case e.IsDir():
		d.found[name] = -1
	default:
		d.found[name] = info.Size()
		if !singleLink(info) {
			d.shared[name] = true
		}
	}
	return nil
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

// unusableMode says why Loa could not write into or delete an entry with
// this mode, or returns "".
func unusableMode(mode fs.FileMode) string {
	switch {
	case mode.IsDir() && mode.Perm()&0o500 != 0o500:
		return i18n.Sprintf("cannot be read")
	case mode.Perm()&0o200 == 0:
		return i18n.Sprintf("is read-only")
	}
	return ""
}
