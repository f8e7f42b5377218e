package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary act as the loa command, with main's
// handling of signals, so that a test can stop or kill a real build
// process mid-way. LOA_TEST_AS_LOA=stuck makes it a command that ignores
// the end of its context, to test the second signal.
func TestMain(m *testing.M) {
	switch os.Getenv("LOA_TEST_AS_LOA") {
	case "1":
		ctx, stop := notifyStop(context.Background(), os.Stderr)
		code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	case "stuck":
		ctx, _ := notifyStop(context.Background(), os.Stderr)
		fmt.Println("working")
		<-ctx.Done()
		fmt.Println("stopping slowly")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// treeHash hashes every file name and content under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		fmt.Fprintf(h, "%s %d\n", strings.TrimPrefix(p, dir), len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestKilledBuildKeepsOutput kills `loa build` with SIGKILL at several
// moments and checks that the previous output is exactly as it was, and
// that the next build succeeds and replaces it.
func TestKilledBuildKeepsOutput(t *testing.T) {
	files := map[string]string{
		"content/_index.md":          "---\ntitle: Trang\n---\n",
		"content/chu-de/t/_index.md": "---\ntitle: Chủ đề\n---\n",
	}
	para := strings.Repeat("Giám sát và phản biện xã hội là quyền của Nhân dân. ", 40)
	for i := range 1500 {
		files[fmt.Sprintf("content/chu-de/t/bai-%04d.md", i)] = fmt.Sprintf("---\ntitle: Bài %d\ndate: 2023-05-01\ntags: [\"thẻ %d\"]\n---\n\n## Phần một\n\n%s\n\n## Phần hai\n\n%s\n", i, i%50, para, para)
	}
	dir := writeSite(t, files)
	out := filepath.Join(dir, "public")
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("first build: %s", stderr)
	}
	before := treeHash(t, out)
	os.WriteFile(filepath.Join(dir, "content/chu-de/t/moi.md"), []byte("---\ntitle: Mới\ndate: 2023-06-01\n---\nMới.\n"), 0o644)
	killed := 0
	for _, delay := range []time.Duration{5, 30, 80, 150, 300} {
		cmd := exec.Command(os.Args[0], "build", "-source", dir, "-out", out)
		cmd.Env = append(os.Environ(), "LOA_TEST_AS_LOA=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			if err := cmd.Wait(); err != nil {
				killed++
			}
		}
		if got := treeHash(t, out); got != before {
			t.Fatalf("after a build killed at %v the output changed", delay*time.Millisecond)
		}
	}
	if killed == 0 {
		t.Fatal("no build was killed before it finished; the test proved nothing")
	}
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("build after kills: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "chu-de/t/moi/index.html")); err != nil {
		t.Errorf("the build after the kills did not publish the new page: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.loa-new-*")); len(left) > 0 {
		t.Errorf("half-written folders of killed builds are left: %v", left)
	}
}
