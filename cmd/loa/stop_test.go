package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/loa-vn/loa/internal/bench/synth"
)

// stopBound is how long a stopped build may take to exit in these tests:
// the promise is a second, with room for a loaded CI machine.
const stopBound = 3 * time.Second

// startLoa starts the test binary as loa (see TestMain) with args.
func startLoa(t *testing.T, mode string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "LOA_TEST_AS_LOA="+mode)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	return cmd, &stderr
}

// exitCode waits for cmd and returns its exit status and how long after
// since it exited.
func exitCode(t *testing.T, cmd *exec.Cmd, since time.Time) (int, time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		took := time.Since(since)
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), took
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, took
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("still running %v after the signal", time.Since(since))
		return 0, 0
	}
}

// TestSignalStopsBuild stops `loa build` with SIGTERM or SIGINT at
// moments spread over a long build (loading, converting, rendering,
// indexing) and checks that it exits soon with the signal's status and
// one clear line, and leaves the previous output byte for byte as it was.
func TestSignalStopsBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site several times")
	}
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if _, err := synth.WriteDir(context.Background(), root, synth.Config{N: 800, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	// The builds to stop start from the kept output, as this one does.
	page := filepath.Join(dir, "content/moi.md")
	os.WriteFile(page, []byte("---\ntitle: Mới\n---\nMới.\n"), 0o644)
	start := time.Now()
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("second build: exit %d: %s", code, stderr)
	}
	full := time.Since(start)
	t.Logf("a build takes %v", full.Round(time.Millisecond))
	before := treeHash(t, out)
	os.WriteFile(page, []byte("---\ntitle: Mới hơn\n---\nMới hơn.\n"), 0o644)

	var delays []time.Duration
	for _, d := range []time.Duration{200 * time.Millisecond, time.Second, 2 * time.Second} {
		if d < full/2 {
			delays = append(delays, d)
		}
	}
	// Fractions of one measured build: under load a later build may run
	// faster than the measured one, so the last delay stays well inside it.
	delays = append(delays, full/8, full/4, full/2)
	stoppedBuilds := 0
	for i, delay := range delays {
		sig, code := syscall.SIGTERM, 143
		if i%2 == 1 {
			sig, code = syscall.SIGINT, 130
		}
		cmd, stderr := startLoa(t, "1", "build", "-source", dir, "-out", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		sent := time.Now()
		if cmd.Process.Signal(sig) != nil {
			exitCode(t, cmd, sent) // finished before the signal
			t.Logf("at %v: the build had finished", delay)
			before = treeHash(t, out)
			continue
		}
		got, took := exitCode(t, cmd, sent)
		t.Logf("%s at %v: exit %d %v after the signal", stopSignal{sig}, delay.Round(time.Millisecond), got, took.Round(time.Millisecond))
		if got == 0 {
			before = treeHash(t, out)
			continue // it finished as the signal came
		}
		stoppedBuilds++
		name := map[syscall.Signal]string{syscall.SIGTERM: "SIGTERM", syscall.SIGINT: "SIGINT (Ctrl+C)"}[sig]
		if want := "loa build: stopped by " + name + "; " + out + " was left as it was\n"; got != code || stderr.String() != want {
			t.Errorf("%v at %v: exit %d, stderr %q; want exit %d and %q", sig, delay, got, stderr, code, want)
		}
		if took > stopBound {
			t.Errorf("%v at %v: exited %v after the signal; want at most %v", sig, delay, took, stopBound)
		}
		if treeHash(t, out) != before {
			t.Fatalf("%v at %v: the previous output changed", sig, delay)
		}
	}
	if stoppedBuilds < (len(delays)+1)/2 {
		t.Fatalf("only %d of %d builds were stopped before they finished; the test proved little", stoppedBuilds, len(delays))
	}
	if code, _, stderr := runLoa(t, "build", "-source", dir, "-out", out); code != 0 {
		t.Fatalf("build after the stops: exit %d: %s", code, stderr)
	}
	if html, _ := os.ReadFile(filepath.Join(out, "moi/index.html")); !bytes.Contains(html, []byte("Mới hơn")) {
		t.Errorf("the build after the stops did not publish the edited page")
	}
}

// TestSecondSignalExits checks that a second Ctrl+C ends the command at
// once even when its work does not stop at the first.
func TestSecondSignalExits(t *testing.T) {
	cmd, stderr := startLoa(t, "stuck")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || lines.Text() != "working" {
		t.Fatalf("the command did not start: %q", lines.Text())
	}
	cmd.Process.Signal(syscall.SIGINT)
	if !lines.Scan() || lines.Text() != "stopping slowly" {
		t.Fatalf("the first signal did not end the context: %q", lines.Text())
	}
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	code, took := exitCode(t, cmd, sent)
	t.Logf("exit %d %v after the second signal", code, took)
	if want := "loa: SIGINT (Ctrl+C) again: stopped at once\n"; code != 130 || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want exit 130 and %q", code, stderr, want)
	}
	if took > stopBound {
		t.Errorf("exited %v after the second signal; want at most %v", took, stopBound)
	}
}
