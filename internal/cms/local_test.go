package cms

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckPath(t *testing.T) {
	tests := []struct {
		path string
		want place
		ok   bool
	}{
		{"content/hoi-dap/a.md", entryFile, true},
		{"content/chu-de/vi-tri/bai-moi.md", entryFile, true},
		{"content/a.md", entryFile, true},
		{"content/hoi-dap", entryFolder, true},
		{"content", entryFolder, true},
		{"static/anh/a.jpg", mediaFile, true},
		{"static/tep/van-ban.pdf", mediaFile, true},
		{"static/anh", mediaFolder, true},
		{"content/../layouts/x.md", entryFile, false},
		{"../x/content/a.md", entryFile, false},
		{"content/hoi-dap/../../go.mod", entryFile, false},
		{"/etc/passwd", entryFile, false},
		{"/content/a.md", entryFile, false},
		{`content\hoi-dap\a.md`, entryFile, false},
		{`content\..\..\x.md`, entryFile, false},
		{"C:/content/a.md", entryFile, false},
		{"content/a.md\x00.jpg", entryFile, false},
		{"content/a\nb.md", entryFile, false},
		{"content//a.md", entryFile, false},
		{"./content/a.md", entryFile, false},
		{"content/.git/config.md", entryFile, false},
		{"content/a.txt", entryFile, false},
		{"content", entryFile, false},
		{"layouts/base.html", entryFile, false},
		{"static/css/site.css", mediaFile, false},
		{"static/anh", mediaFile, false},
		{"static/anh/../css/site.css", mediaFile, false},
		{"content/a.md", mediaFile, false},
		{"static/anh/a.jpg", entryFile, false},
		{"layouts", entryFolder, false},
		{"", entryFolder, false},
		{"static/anh\xff/a.jpg", mediaFile, false},
	}
	for _, tt := range tests {
		err := checkPath(tt.path, tt.want)
		if (err == nil) != tt.ok {
			t.Errorf("checkPath(%q, %d) = %v, want ok %v", tt.path, tt.want, err, tt.ok)
		}
	}
}

// site makes a site folder with a file and links out of content/.
func site(t *testing.T) (string, *Local) {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"content/hoi-dap/a.md":      "---\ntitle: A?\n---\n",
		"content/hoi-dap/_index.md": "---\ntitle: Hỏi - đáp\n---\n",
		"layouts/base.html":         "x",
		"secret.txt":                "secret",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("../../layouts/base.html", filepath.Join(dir, "content/hoi-dap/link.md"))
	os.Symlink("../layouts", filepath.Join(dir, "content/linked"))
	os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(dir, "content/abs.md"))
	l, err := NewLocal(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return dir, l
}

func post(t *testing.T, l *Local, origin, body string) (int, string) {
	t.Helper()
	r := httptest.NewRequest("POST", "http://127.0.0.1:1313"+LocalPath, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if origin != "" {
		r.Header.Set("Origin", origin)
	}
	w := httptest.NewRecorder()
	l.ServeHTTP(w, r)
	return w.Code, w.Body.String()
}

const self = "http://127.0.0.1:1313"

func TestLocalRefusesLinks(t *testing.T) {
	dir, l := site(t)
	for _, p := range []string{"content/hoi-dap/link.md", "content/linked/x.md", "content/abs.md"} {
		body, _ := json.Marshal(map[string]any{"action": "persistEntry", "params": map[string]any{
			"entry": map[string]string{"path": p, "raw": "pwned"}, "assets": []any{}}})
		code, out := post(t, l, self, string(body))
		if code != http.StatusUnprocessableEntity || !strings.Contains(out, "symbolic link") {
			t.Errorf("write %s: %d %s, want 422 naming the link", p, code, out)
		}
		code, out = post(t, l, self, `{"action":"getEntry","params":{"path":"`+p+`"}}`)
		if code != http.StatusUnprocessableEntity {
			t.Errorf("read %s: %d %s, want 422", p, code, out)
		}
	}
	for _, name := range []string{"layouts/base.html", "secret.txt"} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) == "pwned" {
			t.Errorf("%s was written through a link", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts/x.md")); !errors.Is(err, os.ErrNotExist) {
		t.Error("layouts/x.md was written through a linked folder")
	}
}

func TestLocalOrigin(t *testing.T) {
	_, l := site(t)
	for _, o := range []string{"", "http://evil.example", "null", "http://127.0.0.1:9999"} {
		if code, _ := post(t, l, o, `{"action":"info"}`); code != http.StatusForbidden {
			t.Errorf("Origin %q: %d, want 403", o, code)
		}
	}
	r := httptest.NewRequest("POST", self+LocalPath, strings.NewReader(`{"action":"info"}`))
	r.Header.Set("Origin", self)
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	w := httptest.NewRecorder()
	l.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden {
		t.Errorf("Sec-Fetch-Site cross-site: %d, want 403", w.Code)
	}
	r = httptest.NewRequest("GET", self+LocalPath, nil)
	r.Header.Set("Origin", self)
	w = httptest.NewRecorder()
	l.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d, want 405", w.Code)
	}
}

func TestLocalRoundTrip(t *testing.T) {
	dir, l := site(t)
	code, out := post(t, l, self, `{"action":"entriesByFolder","params":{"folder":"content/hoi-dap","extension":"md","depth":1}}`)
	if code != 200 || !strings.Contains(out, `"path":"content/hoi-dap/a.md"`) || strings.Contains(out, "_index.md") || strings.Contains(out, "link.md") {
		t.Errorf("entriesByFolder: %d %s", code, out)
	}
	raw := "---\ntitle: \"Mới?\"\ndate: 2026-12-01T08:00:00+07:00\n---\nTrả lời.\n"
	img := base64.StdEncoding.EncodeToString([]byte("\x89PNG"))
	body, _ := json.Marshal(map[string]any{"action": "persistEntry", "params": map[string]any{
		"dataFiles": []map[string]string{{"path": "content/hoi-dap/moi.md", "raw": raw}},
		"assets":    []map[string]string{{"path": "static/anh/moi.png", "content": img, "encoding": "base64"}}}})
	if code, out := post(t, l, self, string(body)); code != 200 {
		t.Fatalf("persistEntry: %d %s", code, out)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "content/hoi-dap/moi.md")); string(data) != raw {
		t.Errorf("written %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "static/anh/moi.png")); string(data) != "\x89PNG" {
		t.Errorf("asset %q", data)
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "content/hoi-dap"))
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	// One refused path writes nothing at all.
	body, _ = json.Marshal(map[string]any{"action": "persistEntry", "params": map[string]any{
		"dataFiles": []map[string]string{{"path": "content/hoi-dap/b.md", "raw": "x"}},
		"assets":    []map[string]string{{"path": "layouts/base.html", "content": img, "encoding": "base64"}}}})
	if code, _ := post(t, l, self, string(body)); code != http.StatusUnprocessableEntity {
		t.Errorf("persist with a bad asset: %d, want 422", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/hoi-dap/b.md")); err == nil {
		t.Error("content/hoi-dap/b.md written although the request was refused")
	}
	if code, out := post(t, l, self, `{"action":"deleteFile","params":{"path":"layouts/base.html"}}`); code != http.StatusUnprocessableEntity {
		t.Errorf("delete layouts/base.html: %d %s", code, out)
	}
	if code, out := post(t, l, self, `{"action":"rm -rf"}`); code != http.StatusUnprocessableEntity {
		t.Errorf("unknown action: %d %s", code, out)
	}
}
