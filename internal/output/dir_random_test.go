package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDirRandomBuildsEqualFresh runs many consecutive builds through Dir
// over the output it keeps, with names that collide, grow and shrink,
// files that become folders and folders that become files, names written
// twice in one build, aborted builds, killed builds and tampered kept
// outputs. After each commit the output must be byte for byte what a Dir
// given the same Puts in an empty folder makes, and every Put must fail
// or succeed as it does there.
func TestDirRandomBuildsEqualFresh(t *testing.T) {
	seeds := uint64(12)
	if testing.Short() {
		seeds = 3
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 12))
			dir := t.TempDir()
			target := filepath.Join(dir, "kept", "public")
			var committed map[string]string
			for b := range 40 {
				puts := randomPuts(r)
				fresh := filepath.Join(dir, fmt.Sprintf("fresh-%d", b), "public")
				wantErrs, freshOK := applyPuts(t, fresh, puts)
				gotErrs, ok := applyPuts(t, target, puts)
				for i, p := range puts {
					if (wantErrs[i] == nil) != (gotErrs[i] == nil) {
						t.Fatalf("build %d: Put(%q) #%d: %v over the kept output, %v into an empty folder", b, p.name, i, gotErrs[i], wantErrs[i])
					}
				}
				if ok != freshOK {
					t.Fatalf("build %d: Commit over the kept output ok=%v, into an empty folder ok=%v", b, ok, freshOK)
				}
				commit := ok && r.IntN(5) > 0
				finish(t, target, commit)
				finish(t, fresh, commit)
				if commit {
					committed = fullTree(t, fresh)
					os.RemoveAll(filepath.Dir(fresh))
				}
				if committed == nil {
					continue // nothing committed yet
				}
				if got := fullTree(t, target); !maps.Equal(got, committed) {
					t.Fatalf("build %d (commit=%v), puts %v: the output differs from a build into an empty folder:%s", b, commit, puts, treeDiff(got, committed))
				}
				disturb(t, r, target)
			}
		})
	}
}

type put struct {
	name string
	data []byte
}

func (p put) String() string { return fmt.Sprintf("%s=%d:%.6q", p.name, len(p.data), p.data) }

var randomParts = []string{"a", "b", "c"}

// randomName returns one of a few names one to three deep, so that names
// collide and a name is a file in one build and a folder in another.
func randomName(r *rand.Rand) string {
	parts := make([]string, 1+r.IntN(3))
	for i := range parts {
		parts[i] = randomParts[r.IntN(len(randomParts))]
	}
	return strings.Join(parts, "/")
}

// randomPuts returns the Puts of one build: sizes that grow and shrink,
// same sizes with other bytes, and names repeated within the build.
// Most builds are valid sites; one in five also makes a name both a file
// and a folder, which must fail as it does in an empty folder.
func randomPuts(r *rand.Rand) []put {
	var puts []put
	clashes := r.IntN(5) == 0
	for range r.IntN(14) {
		name := randomName(r)
		if len(puts) > 0 && r.IntN(4) == 0 {
			name = puts[r.IntN(len(puts))].name
		}
		if !clashes && slices.ContainsFunc(puts, func(p put) bool {
			return strings.HasPrefix(p.name, name+"/") || strings.HasPrefix(name, p.name+"/")
		}) {
			continue
		}
		sizes := []int{0, 1, 2, 3, 5, 8, 40, 5000}
		data := bytes.Repeat([]byte{"xyz"[r.IntN(3)]}, sizes[r.IntN(len(sizes))])
		if len(data) > 0 && r.IntN(2) == 0 {
			data[r.IntN(len(data))] = 'q'
		}
		puts = append(puts, put{name, data})
	}
	return puts
}

// openDirs keeps the Dir of each target between applyPuts and finish.
var openDirs = map[string]*Dir{}

// applyPuts starts a Dir for target and makes the Puts, returning each
// one's error and whether the build may commit (no Put failed).
func applyPuts(t *testing.T, target string, puts []put) ([]error, bool) {
	t.Helper()
	d, err := NewDir(target)
	if err != nil {
		t.Fatalf("NewDir(%s): %v", target, err)
	}
	openDirs[target] = d
	errs := make([]error, len(puts))
	ok := true
	for i, p := range puts {
		errs[i] = d.Put(p.name, p.data)
		ok = ok && errs[i] == nil
	}
	return errs, ok
}

// finish commits or aborts the Dir applyPuts started for target.
func finish(t *testing.T, target string, commit bool) {
	t.Helper()
	d := openDirs[target]
	delete(openDirs, target)
	if !commit {
		d.Abort()
		return
	}
	if err := d.Commit(); err != nil {
		t.Fatalf("Commit %s: %v", target, err)
	}
}

// disturb sometimes changes what the next build starts from: it renames
// the kept output as a killed build's folder, or plants a file, a folder,
// a link or a hard link in it.
func disturb(t *testing.T, r *rand.Rand, target string) {
	prev := prevPath(target)
	if _, err := os.Lstat(prev); err != nil {
		return
	}
	at := filepath.Join(prev, filepath.FromSlash(randomName(r)))
	switch r.IntN(10) {
	case 0:
		os.Rename(prev, filepath.Join(filepath.Dir(target), ".public.loa-new-4194303-1"))
	case 1:
		os.WriteFile(at, []byte("planted"), 0o644)
	case 2:
		os.Mkdir(at, 0o755)
	case 3:
		os.Symlink(filepath.Join(target, "..", "outside"), at)
	case 4:
		outside := filepath.Join(filepath.Dir(target), "outside")
		os.WriteFile(outside, []byte("outside"), 0o644)
		os.Link(outside, at)
	}
}

// fullTree lists everything under dir: folders as "dir", files as their
// bytes, anything else by its type.
func fullTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case e.IsDir():
			out[filepath.ToSlash(rel)+"/"] = "dir"
		case e.Type().IsRegular():
			b, err := os.ReadFile(p)
			out[filepath.ToSlash(rel)] = string(b)
			return err
		default:
			out[filepath.ToSlash(rel)] = e.Type().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// treeDiff describes how got differs from want, for failure messages.
func treeDiff(got, want map[string]string) string {
	var names []string
	for k := range got {
		names = append(names, k)
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	for _, k := range names {
		g, gok := got[k]
		w, wok := want[k]
		if gok != wok || g != w {
			fmt.Fprintf(&b, "\n  %s: got %s, want %s", path.Clean(k), describe(g, gok), describe(w, wok))
		}
	}
	return b.String()
}

// describe shows an entry of fullTree briefly.
func describe(v string, ok bool) string {
	if !ok {
		return "nothing"
	}
	return fmt.Sprintf("%d bytes %.12q", len(v), v)
}
