package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/loa-vn/loa/internal/i18n"
)

// fence matches a fenced block of HUONG-DAN.md: its info string and its
// lines.
var fence = regexp.MustCompile("(?ms)^```([^\n]*)\n(.*?)^```\n")

// guideExample is a file the guide shows, and the lines Loa prints for it
// when it shows an error.
type guideExample struct {
	path     string
	cp1258   bool // shown in UTF-8, made in the legacy encoding Windows-1258
	data     string
	messages []string
}

// guideExamples reads the examples of files of the guide. Its blocks are:
// ```sh (run by TestReadmeExamples), ```md [cp1258] PATH (a file), and
// ```text right after a file: the lines loa check prints for it. Any other
// block is an error, so that every example is run by a test.
func guideExamples(t *testing.T, guide string) []guideExample {
	var out []guideExample
	for _, m := range fence.FindAllStringSubmatch(guide, -1) {
		info := strings.Fields(m[1])
		switch {
		case len(info) > 0 && info[0] == "sh":
		case len(info) == 2 && info[0] == "md":
			out = append(out, guideExample{path: info[1], data: m[2]})
		case len(info) == 3 && info[0] == "md" && info[1] == "cp1258":
			out = append(out, guideExample{path: info[2], data: m[2], cp1258: true})
		case m[1] == "text" && len(out) > 0 && out[len(out)-1].messages == nil:
			out[len(out)-1].messages = strings.Split(strings.TrimSuffix(m[2], "\n"), "\n")
		default:
			t.Errorf("HUONG-DAN.md: no test runs the block ```%s", m[1])
		}
	}
	return out
}

// guideSite is the site the guide's examples are checked in: one topic,
// Q&A, documents and a photo.
var guideSite = map[string]string{
	"content/_index.md":                       "---\ntitle: Trang thử\n" + identity + "---\n",
	"content/chu-de/vi-tri-vai-tro/_index.md": "---\ntitle: Vị trí, vai trò\n---\n",
	"content/hoi-dap/_index.md":               "---\ntitle: Hỏi - đáp\n---\n",
	"content/van-ban/_index.md":               "---\ntitle: Văn bản\n---\n",
}

// TestGuideErrors checks the files HUONG-DAN.md shows: loa check, in
// Vietnamese, passes each file shown alone and fails each file shown with
// an error, printing exactly the lines the guide quotes.
func TestGuideErrors(t *testing.T) {
	guide, err := os.ReadFile("../../HUONG-DAN.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := guideExamples(t, string(guide))
	errs := 0
	for _, ex := range examples {
		if ex.messages != nil {
			errs++
		}
		t.Run(ex.path, func(t *testing.T) {
			dir := writeSite(t, guideSite)
			photo, err := os.ReadFile("../../static/anh/tin-don-vi/mttq/hiep-thuong-chuong-trinh-giam-sat-phan-bien.jpg")
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "static/anh/hoi-nghi.jpg"), photo)
			writeFile(t, filepath.Join(dir, ex.path), encode(t, ex))
			var code int
			var stderr string
			inLanguage(t, i18n.Vietnamese, func() {
				code, _, stderr = runLoa(t, "check", "-source", dir, "-cache", "none")
			})
			if ex.messages == nil {
				if code != 0 {
					t.Errorf("the guide shows this file as right, but loa check fails:\n%s", stderr)
				}
				return
			}
			printed := strings.Split(stderr, "\n")
			for _, want := range ex.messages {
				if !containsLine(printed, want) {
					t.Errorf("loa check does not print the line the guide quotes\nquoted:  %s\nprinted: %s", want, stderr)
				}
			}
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
		})
	}
	if errs < 8 {
		t.Errorf("the guide shows %d errors, want at least 8", errs)
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// encode returns the bytes of the example's file.
func encode(t *testing.T, ex guideExample) []byte {
	if !ex.cp1258 {
		return []byte(ex.data)
	}
	// Windows-1258 writes most tone marks as separate characters.
	b, err := charmap.Windows1258.NewEncoder().Bytes(norm.NFD.Bytes([]byte(ex.data)))
	if err != nil {
		t.Fatalf("%s: cannot be written in Windows-1258: %v", ex.path, err)
	}
	return b
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
