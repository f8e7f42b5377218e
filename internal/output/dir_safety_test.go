package output

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDirSymlinkOut builds through a link to a folder: the folder gets
// each new output, the link stays, and nothing the folder held before a
// build survives in it or is lost elsewhere.
func TestDirSymlinkOut(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "site-out")
	link := filepath.Join(dir, "public")
	os.Mkdir(real, 0o755)
	if err := os.Symlink("site-out", link); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("keep"), 0o644)
	for i, files := range []map[string]string{
		{"index.html": "one", "a/index.html": "A"},
		{"index.html": "two", "b/index.html": "B"},
		{"index.html": "three", "a/index.html": "A"},
	} {
		build(t, link, files)
		if to, err := os.Readlink(link); err != nil || to != "site-out" {
			t.Fatalf("build %d: %s is no longer the link to site-out (%q, %v)", i+1, link, to, err)
		}
		if got := tree(t, real); !maps.Equal(got, files) {
			t.Fatalf("build %d: %s holds %v, want %v", i+1, real, got, files)
		}
		if got := tree(t, link+"/"); !maps.Equal(got, files) {
			t.Fatalf("build %d: through the link %v, want %v", i+1, got, files)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "keep.txt")); string(b) != "keep" {
		t.Errorf("keep.txt beside the output: %q, %v", b, err)
	}
	if _, err := os.Lstat(filepath.Join(dir, ".site-out.loa-prev")); err != nil {
		t.Errorf("the previous output is not kept beside the real folder: %v", err)
	}
}

// TestDirSymlinkOutRefused checks the links NewDir refuses, and that it
// leaves what they point to as it was.
func TestDirSymlinkOutRefused(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "work"), 0o755)
	os.WriteFile(filepath.Join(dir, "work", "thesis.docx"), []byte("years of work"), 0o644)
	os.Symlink("work", filepath.Join(dir, "to-work"))
	os.Symlink("nowhere", filepath.Join(dir, "dangling"))
	for _, tt := range []struct{ link, want string }{
		{"to-work", "was not made by Loa"},
		{"dangling", "dangling is a link to a folder that does not exist"},
	} {
		t.Run(tt.link, func(t *testing.T) {
			_, err := NewDir(filepath.Join(dir, tt.link))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewDir: %v, want an error with %q", err, tt.want)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "work", "thesis.docx")); string(b) != "years of work" {
		t.Errorf("thesis.docx: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("NewDir left folders behind: %v", entries)
	}
}

// TestDirRefusesMountPoints gives NewDir a mount table listing folders
// inside the output and inside the kept output: it must refuse, name
// them, and delete nothing.
func TestDirRefusesMountPoints(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "public")
	build(t, target, map[string]string{"media/a.jpg": "A"})
	build(t, target, map[string]string{"media/a.jpg": "A", "index.html": "I"})
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ mounted, want string }{
		{"public/media", filepath.Join(target, "media")},
		{".public.loa-prev/media", filepath.Join(prevPath(target), "media")},
		{"public", target},
	} {
		t.Run(tt.mounted, func(t *testing.T) {
			table := filepath.Join(t.TempDir(), "mountinfo")
			os.WriteFile(table, []byte("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"+
				"40 22 0:50 / "+filepath.Join(real, tt.mounted)+" rw - tmpfs tmpfs rw\n"), 0o644)
			defer func(old string) { mountTable = old }(mountTable)
			mountTable = table
			before, prev := fullTree(t, target), fullTree(t, prevPath(target))
			_, err := NewDir(target)
			if err == nil || !strings.Contains(err.Error(), tt.want+": a file system is mounted there") {
				t.Fatalf("NewDir: %v, want an error naming %s", err, tt.want)
			}
			if !maps.Equal(fullTree(t, target), before) || !maps.Equal(fullTree(t, prevPath(target)), prev) {
				t.Error("NewDir changed the output or the kept output")
			}
		})
	}
}

func TestMountsByDevice(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"a/b/c", "a/d", "e"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	device := func(on ...string) func(string) (uint64, error) {
		return func(p string) (uint64, error) {
			for _, o := range on {
				if p == filepath.Join(dir, o) || strings.HasPrefix(p, filepath.Join(dir, o)+string(filepath.Separator)) {
					return 2, nil
				}
			}
			return 1, nil
		}
	}
	for _, tt := range []struct {
		name string
		on   []string // folders on device 2
		want []string
	}{
		{"none", nil, nil},
		{"inside", []string{"a/b"}, []string{"a/b"}},
		{"two", []string{"a/d", "e"}, []string{"a/d", "e"}},
		{"the folder itself", []string{"."}, []string{"."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mountsByDevice(dir, device(tt.on...))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, filepath.Join(dir, w))
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestParseMountinfo(t *testing.T) {
	in := "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n" +
		"41 22 0:51 / /srv/my\\040site/public/media rw - tmpfs tmpfs rw\n" +
		"short line\n"
	got, err := parseMountinfo(strings.NewReader(in))
	if want := []string{"/", "/srv/my site/public/media"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// TestDirSetsAsideUnusableKeptOutput spoils the kept output the way
// another user's build or a chmod would: the build must go on in a new
// folder, warn naming the kept folder, and leave it as it was.
func TestDirSetsAsideUnusableKeptOutput(t *testing.T) {
	for _, tt := range []struct {
		name  string
		spoil func(prev string) error
		kept  string // the kept folder's name
		why   string
	}{
		{"read-only", func(prev string) error { return chmodAll(prev, 0o444, 0o555) }, ".public.loa-prev", "is read-only"},
		{"read-only folder", func(prev string) error { return os.Chmod(filepath.Join(prev, "a"), 0o555) }, ".public.loa-prev", "(a is read-only)"},
		{"unreadable folder", func(prev string) error { return os.Chmod(filepath.Join(prev, "a"), 0o000) }, ".public.loa-prev", "(a cannot be read)"},
		{"read-only top", func(prev string) error { return os.Chmod(prev, 0o555) }, ".public.loa-prev", "(the folder is read-only)"},
		{"killed build, read-only", func(prev string) error {
			dead := filepath.Join(filepath.Dir(prev), ".public.loa-new-4194303-1")
			return errors.Join(os.Rename(prev, dead), chmodAll(dead, 0o444, 0o555))
		}, ".public.loa-new-4194303-1", "is read-only"},
		{"another user's", func(prev string) error {
			if os.Geteuid() != 0 {
				return errSkip
			}
			return filepath.WalkDir(prev, func(p string, _ fs.DirEntry, err error) error {
				return errors.Join(err, os.Lchown(p, 65534, 65534))
			})
		}, ".public.loa-prev", "belongs to another user"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "public")
			first := map[string]string{"a/index.html": "A1", "b/index.html": "B"}
			build(t, target, first)
			build(t, target, map[string]string{"a/index.html": "A2"})
			err := tt.spoil(prevPath(target))
			if err == errSkip {
				t.Skip("needs root to give the kept output to another user")
			}
			if err != nil {
				t.Fatal(err)
			}
			kept := filepath.Join(dir, tt.kept)
			t.Cleanup(func() { chmodAll(kept, 0o644, 0o755) })
			before := fullTree(t, kept)
			want := map[string]string{"a/index.html": "A3", "c/index.html": "C"}
			d, err := NewDir(target)
			if err != nil {
				t.Fatal(err)
			}
			for name, text := range want {
				if err := d.Put(name, []byte(text)); err != nil {
					d.Abort()
					t.Fatal(err)
				}
			}
			if got := fullTree(t, kept); !maps.Equal(got, before) {
				t.Errorf("the kept folder changed:%s", treeDiff(got, before))
			}
			warnings := d.Warnings()
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := tree(t, target); !maps.Equal(got, want) {
				t.Errorf("output %v, want %v", got, want)
			}
			if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "cannot reuse "+kept+" (") ||
				!strings.Contains(warnings[0], tt.why) || !strings.HasSuffix(warnings[0], "; building into a new folder — delete it when you can") {
				t.Errorf("warnings %q, want one naming %s and saying %q", warnings, kept, tt.why)
			}
			if kept, _ := d.Stats(); kept != 0 {
				t.Errorf("%d files were reused from the unusable folder", kept)
			}
		})
	}
}

var errSkip = errors.New("skip")

// chmodAll sets the mode of every file and folder under dir, deepest
// first so that a read-only folder does not stop it.
func chmodAll(dir string, fileMode, dirMode fs.FileMode) error {
	var paths []string
	os.Chmod(dir, 0o755)
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		if p != dir {
			os.Chmod(p, 0o755) // so that the walk can go on
		}
		return err
	})
	for _, p := range slices.Backward(paths) {
		mode := fileMode
		if info, statErr := os.Lstat(p); statErr == nil && info.IsDir() {
			mode = dirMode
		}
		err = errors.Join(err, os.Chmod(p, mode))
	}
	return err
}
