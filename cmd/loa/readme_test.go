package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// shBlock matches a fenced ```sh block; "```sh error" marks a block whose
// commands show an error and must fail.
var shBlock = regexp.MustCompile("(?ms)^```sh( error)?\n(.*?)^```")

// TestReadmeExamples runs every command line of the ```sh blocks of
// README.md (and HUONG-DAN.md when there is one) against a fresh copy of
// the sample site, with a loa built from this tree. The rules, by the
// start of a line:
//   - "loa …" and "go run ./cmd/loa …" run the built loa; "loa serve"
//     gets a free port (-addr) unless it has one, must answer GET / with
//     200, and is stopped with Ctrl+C;
//   - "cd DIR" moves into DIR for the next lines of the block;
//   - "go test ./..." is skipped: it is this very test run;
//   - "#" lines are comments; any other line fails the test, so that a
//     new kind of example gets a rule here.
//
// A command fails the test when it exits non-zero, or, in a block marked
// "```sh error", when it exits zero.
func TestReadmeExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds loa and the sample site several times")
	}
	loa := filepath.Join(t.TempDir(), "loa")
	if out, err := exec.Command("go", "build", "-o", loa, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// The blocks share one cache of resized photos (the site folder's
	// .loa-cache is a link to it), so that only the first one resizes.
	cache := t.TempDir()
	ran := 0
	for _, doc := range []string{"README.md", "HUONG-DAN.md"} {
		data, err := os.ReadFile(filepath.Join("..", "..", doc))
		if errors.Is(err, os.ErrNotExist) && doc != "README.md" {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range shBlock.FindAllStringSubmatch(string(data), -1) {
			t.Run(fmt.Sprintf("%s#%d", doc, i+1), func(t *testing.T) {
				ran += runBlock(t, loa, cache, m[2], m[1] != "")
			})
		}
	}
	if ran < 3 {
		t.Errorf("ran only %d example commands; are the blocks still ```sh?", ran)
	}
}

// runBlock runs the lines of one block in a new copy of the sample site
// and returns how many commands it ran.
func runBlock(t *testing.T, loa, cache, block string, showsError bool) int {
	dir := t.TempDir()
	if err := os.Symlink(cache, filepath.Join(dir, ".loa-cache")); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"content", "layouts", "static"} {
		if out, err := exec.Command("cp", "-R", filepath.Join("..", "..", d), dir).CombinedOutput(); err != nil {
			t.Fatalf("copy the sample site: %v\n%s", err, out)
		}
	}
	ran := 0
	for line := range strings.Lines(block) {
		line = strings.TrimSpace(line)
		args := splitWords(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "go test ./...":
			continue
		case len(args) == 2 && args[0] == "cd":
			dir = filepath.Join(dir, args[1])
			continue
		case len(args) > 3 && strings.Join(args[:3], " ") == "go run ./cmd/loa":
			args = args[3:]
		case len(args) > 1 && args[0] == "loa":
			args = args[1:]
		default:
			t.Fatalf("%q: no rule to run this line; add one to TestReadmeExamples", line)
		}
		ran++
		code, out := runExample(t, loa, dir, args)
		if (code != 0) != showsError {
			t.Errorf("%s: exit %d (block shows an error: %v)\n%s", line, code, showsError, out)
		}
	}
	return ran
}

// runExample runs loa with args in dir and returns its exit code and
// output. loa serve is started, asked for /, and stopped.
func runExample(t *testing.T, loa, dir string, args []string) (int, string) {
	cmd := exec.Command(loa, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=vi_VN.UTF-8")
	if args[0] != "serve" {
		out, err := cmd.CombinedOutput()
		return exitStatus(t, err), string(out)
	}
	if !strings.Contains(strings.Join(args, " "), "-addr") {
		cmd.Args = append(cmd.Args, "-addr", freeAddr(t))
	}
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if _, rest, ok := strings.Cut(sc.Text(), "http://"); ok {
				addr <- strings.Fields(rest)[0]
				break
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	select {
	case a := <-addr:
		resp, err := http.Get("http://" + a)
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("GET http://%s: %v %v", a, err, resp)
		} else {
			resp.Body.Close()
		}
	case <-time.After(3 * time.Minute):
		t.Error("loa serve did not start within 3 minutes")
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if code := exitStatus(t, err); code != 130 && code != 0 {
		return code, stderr.String()
	}
	return 0, stderr.String()
}

func exitStatus(t *testing.T, err error) int {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// freeAddr returns a local address with a port that was free just now.
func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// splitWords splits a command line into words as sh does for plain words
// and "double" or 'single' quoted ones (no escapes or variables).
func splitWords(line string) []string {
	var words []string
	var w strings.Builder
	in, quote := false, rune(0)
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}
