package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"static/a.txt":      {Data: []byte("a")},
		"static/to-a.txt":   {Data: []byte("a.txt"), Mode: fs.ModeSymlink},
		"static/pipe":       {Mode: fs.ModeNamedPipe},
		"static/to-pipe":    {Data: []byte("pipe"), Mode: fs.ModeSymlink},
		"static/sock":       {Mode: fs.ModeSocket},
		"static/dev":        {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"static/gone":       {Data: []byte("none"), Mode: fs.ModeSymlink},
		"static/sub/b.txt":  {Data: []byte("b")},
		"static/to-sub":     {Data: []byte("sub"), Mode: fs.ModeSymlink},
		"static/irregular":  {Mode: fs.ModeIrregular},
		"static/sub/to-up":  {Data: []byte("../a.txt"), Mode: fs.ModeSymlink},
		"static/sub/.x.swp": {Mode: fs.ModeNamedPipe},
	}
	tests := []struct {
		name, want string // want "" for readable
	}{
		{"static/a.txt", ""},
		{"static/to-a.txt", ""},
		{"static/sub/to-up", ""},
		{"static/sub", ""},
		{"static/pipe", "static/pipe: is a named pipe (FIFO), not a regular file; remove it"},
		{"static/to-pipe", "static/to-pipe: is a link to a named pipe (FIFO), not to a regular file; remove the link"},
		{"static/sock", "static/sock: is a socket, not a regular file; remove it"},
		{"static/dev", "static/dev: is a device, not a regular file; remove it"},
		{"static/irregular", "static/irregular: is a special file, not a regular file; remove it"},
		{"static/gone", "static/gone: is a link to a file that does not exist; fix the link or remove it"},
		{"static/to-sub", "static/to-sub: is a link to a folder; Loa follows links only to files; copy the folder into the site instead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check(fsys, tt.name)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	// The whole tree, as build checks layouts/: ignored names are skipped.
	var want []string
	for _, tt := range tests {
		if tt.want != "" {
			want = append(want, tt.want)
		}
	}
	slices.Sort(want)
	errs := CheckTree(fsys, "static")
	errs.Sort()
	if got := errs.Error(); got != strings.Join(want, "\n") {
		t.Errorf("CheckTree:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestListRefuses(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":       {Data: []byte("---\ntitle: T\n---\n")},
		"content/a.md":            {Data: []byte("a.md")},
		"content/to-index.md":     {Data: []byte("_index.md"), Mode: fs.ModeSymlink},
		"content/pipe.md":         {Mode: fs.ModeNamedPipe},
		"content/Thumbs.db":       {Data: []byte{0, 1}},
		"content/anh/thumbs.db":   {Data: []byte{0, 1}},
		"content/desktop.ini":     {Data: []byte("[.ShellClassInfo]")},
		"content/anh/Desktop.ini": {Data: []byte("[.ShellClassInfo]")},
		"content/.DS_Store":       {Data: []byte{0}},
		"content/ghi-chu.txt":     {Data: []byte("x")},
	}
	names, errs := List(fsys)
	if got, want := strings.Join(names, " "), "content/_index.md content/a.md content/to-index.md"; got != want {
		t.Errorf("names = %s, want %s", got, want)
	}
	want := "content/ghi-chu.txt: is not a Markdown (.md) file; put images and attachments in static/ and link them from a page\n" +
		"content/pipe.md: is a named pipe (FIFO), not a regular file; remove it"
	errs.Sort()
	if got := errs.Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		".DS_Store": true, "Thumbs.db": true, "thumbs.db": true, "ehthumbs.db": true,
		"desktop.ini": true, "Desktop.ini": true, "a.md~": true, ".a.md.swp": true,
		"a.md": false, "thumbs.md": false, "desktop.md": false, "logo.png": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// endless is a file system of one file that says it has size bytes and
// reads without end, as /dev/zero or a file in /proc would.
type endless struct{ size int64 }

func (e endless) Open(name string) (fs.File, error) {
	if name != "f" && name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return endlessFile{e.size}, nil
}

func (e endless) Stat(name string) (fs.FileInfo, error) {
	f, err := e.Open(name)
	if err != nil {
		return nil, err
	}
	return f.Stat()
}

type endlessFile struct{ size int64 }

func (f endlessFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f endlessFile) Read(p []byte) (int, error) { clear(p); return len(p), nil }
func (f endlessFile) Close() error               { return nil }
func (f endlessFile) Name() string               { return "f" }
func (f endlessFile) Size() int64                { return f.size }
func (f endlessFile) Mode() fs.FileMode          { return 0o644 }
func (f endlessFile) ModTime() time.Time         { return time.Time{} }
func (f endlessFile) IsDir() bool                { return false }
func (f endlessFile) Sys() any                   { return nil }

func TestGuardReadsTheCheckedSize(t *testing.T) {
	for _, size := range []int64{0, 10, 1 << 20} {
		data, err := fs.ReadFile(Guard(endless{size}), "f")
		if err != nil || int64(len(data)) != size {
			t.Errorf("size %d: read %d bytes, %v", size, len(data), err)
		}
	}
}

func TestGuardRefusesBeforeOpening(t *testing.T) {
	opened := false
	fsys := openSpy{fstest.MapFS{"static/pipe": {Mode: fs.ModeNamedPipe}}, &opened}
	g := Guard(fsys)
	sub, _ := fs.Sub(g, "static")
	for _, read := range []func() error{
		func() error { _, err := g.Open("static/pipe"); return err },
		func() error { _, err := fs.ReadFile(g, "static/pipe"); return err },
		func() error { _, err := fs.Stat(g, "static/pipe"); return err },
		func() error { _, err := fs.ReadFile(sub, "pipe"); return err },
		func() error { _, err := fs.Stat(sub, "pipe"); return err },
		func() error { f, err := sub.Open("pipe"); _ = f; return err },
	} {
		err := read()
		if err == nil || err.Error() != "static/pipe: is a named pipe (FIFO), not a regular file; remove it" {
			t.Errorf("got %v", err)
		}
	}
	if opened {
		t.Error("the pipe was opened")
	}
}

// openSpy records whether Open was called on anything but a folder.
type openSpy struct {
	fstest.MapFS
	opened *bool
}

func (s openSpy) Open(name string) (fs.File, error) {
	if info, err := s.MapFS.Stat(name); err == nil && !info.IsDir() {
		*s.opened = true
	}
	return s.MapFS.Open(name)
}
