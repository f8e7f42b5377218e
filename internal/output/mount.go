package output

import (
	"bufio"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/loa-vn/loa/internal/i18n"
)

// mountTable lists the mount points of this process (Linux).
var mountTable = "/proc/self/mountinfo"

// refuseMounts fails, naming them, when file systems are mounted at or
// inside the output folder or the folders Loa keeps beside it: replacing
// or deleting those would move or empty the mounted volume.
func refuseMounts(target string) error {
	points, err := mountsIn(loaFolders(target))
	if err != nil {
		return i18n.Errorf("look for mount points in %s: %w", target, err)
	}
	if len(points) == 0 {
		return nil
	}
	return i18n.Errorf("%s: a file system is mounted there, and Loa replaces %s as a whole, which would move or empty it; unmount it or choose another -out (nothing was deleted)",
		strings.Join(points, ", "), target)
}

// loaFolders returns the output folder and the folders Loa keeps or left
// beside it.
func loaFolders(target string) []string {
	parent, base := filepath.Split(target)
	if parent == "" {
		parent = "."
	}
	dirs := []string{target, prevPath(target)}
	news, _ := filepath.Glob(filepath.Join(parent, "."+base+".loa-new-*"))
	olds, _ := filepath.Glob(filepath.Join(parent, base+".loa-old-*"))
	return append(append(dirs, news...), olds...)
}

// mountsIn returns the mount points at or inside the folders dirs that
// exist, from the mount table, or where there is none by comparing
// devices (which misses a folder mounted from the same file system).
func mountsIn(dirs []string) ([]string, error) {
	table, tableErr := readMountTable(mountTable)
	var found []string
	for _, dir := range dirs {
		if _, err := os.Lstat(dir); err != nil {
			continue
		}
		var points []string
		var err error
		if tableErr == nil {
			points, err = mountsUnder(table, dir)
		} else {
			points, err = mountsByDevice(dir, deviceOf)
		}
		if err != nil {
			return nil, err
		}
		found = append(found, points...)
	}
	return found, nil
}

// readMountTable returns the mount points listed in a mountinfo file.
func readMountTable(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseMountinfo(f)
}

// parseMountinfo returns the mount points (fifth field, octal escapes
// undone) of the lines of a /proc/PID/mountinfo file.
func parseMountinfo(r io.Reader) ([]string, error) {
	var points []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 {
			continue
		}
		points = append(points, unescapeOctal(fields[4]))
	}
	return points, sc.Err()
}

// unescapeOctal undoes the \ooo escapes the kernel writes for spaces,
// tabs, newlines and backslashes in paths.
func unescapeOctal(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mountsUnder returns, named under dir, the points at or inside dir.
func mountsUnder(points []string, dir string) ([]string, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return nil, err
	}
	var found []string
	for _, p := range points {
		if rel, err := filepath.Rel(real, p); err == nil && filepath.IsLocal(rel) {
			found = append(found, filepath.Join(dir, rel))
		}
	}
	return found, nil
}

// mountsByDevice returns the folders at or inside dir that are on another
// device than their parent, as told by device (deviceOf but in tests).
func mountsByDevice(dir string, device func(string) (uint64, error)) ([]string, error) {
	top, err := device(dir)
	if err != nil {
		return nil, err
	}
	if above, err := device(filepath.Join(dir, "..")); err == nil && above != top {
		return []string{dir}, nil
	}
	var found []string
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() || p == dir {
			return err
		}
		dev, err := device(p)
		if err == nil && dev != top {
			found = append(found, p)
			return fs.SkipDir
		}
		return err
	})
	return found, err
}
