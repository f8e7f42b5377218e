// Command sample gives the sample portal its photos: for each news item
// and for the first article of each topic it draws a synthetic photo of
// a meeting (package photos), saves it as a phone does (JPEG with EXIF:
// some turned by their orientation, all with GPS coordinates, which Loa
// must strip) under static/anh/, and adds image: and alt: as the last
// lines of the item's front matter when it has none.
//
//	go run ./internal/bench/photos/sample [-site .]
//
// It is idempotent: the same photos come out byte for byte, and front
// matter that has an image already is left alone. The photos are made
// by the Loa project and dedicated to the public domain (CC0 1.0).
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/loa-vn/loa/internal/bench/photos"
)

func main() {
	site := flag.String("site", ".", "site folder holding content/ and static/")
	flag.Parse()
	if err := run(*site); err != nil {
		fmt.Fprintln(os.Stderr, "sample:", err)
		os.Exit(1)
	}
}

func run(site string) error {
	items, err := pick(os.DirFS(site))
	if err != nil {
		return err
	}
	for i, item := range items {
		h := fnv.New64a()
		h.Write([]byte(item))
		name := "anh/" + strings.TrimSuffix(strings.TrimPrefix(item, "content/"), ".md") + ".jpg"
		o := 1
		if i%3 == 1 {
			o = 6 // held upright: stored turned, as phones do
		}
		data, err := photos.PhoneJPEG(photos.Scene(h.Sum64(), 1600, 1200), 72, o, true)
		if err != nil {
			return err
		}
		dst := filepath.Join(site, "static", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		if err := addImage(filepath.Join(site, filepath.FromSlash(item)), name); err != nil {
			return err
		}
	}
	fmt.Printf("%d photos under %s/static/anh/\n", len(items), site)
	return nil
}

// pick returns the news items, the first article of each topic and the
// featured articles.
func pick(fsys fs.FS) ([]string, error) {
	var items, lead []string
	topics := map[string]bool{}
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || path.Base(p) == "_index.md" {
			return err
		}
		switch parts := strings.Split(p, "/"); {
		case len(parts) == 4 && parts[1] == "tin-don-vi":
			items = append(items, p)
		case len(parts) == 4 && parts[1] == "chu-de" && featured(fsys, p):
			lead = append(lead, p) // the home page leads with it, large
		case len(parts) == 4 && parts[1] == "chu-de" && !topics[parts[2]]:
			topics[parts[2]] = true
			items = append(items, p)
		}
		return nil
	})
	// Featured articles come last, so that the photos of the others keep
	// the orientation their place gives them.
	slices.Sort(items)
	slices.Sort(lead)
	return append(items, lead...), err
}

// featured reports whether the content file p says featured: true.
func featured(fsys fs.FS, p string) bool {
	src, err := fs.ReadFile(fsys, p)
	return err == nil && strings.Contains(string(src), "\nfeatured: true\n")
}

// addImage adds image: and alt: as the last lines of the front matter of
// file, unless it has an image already.
func addImage(file, name string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	title := ""
	for line := range strings.Lines(string(src)) {
		if v, ok := strings.CutPrefix(line, "title:"); ok && title == "" {
			title = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	kind := "bài"
	if strings.Contains(file, "tin-don-vi") {
		kind = "tin"
	}
	out, ok := photos.AddImage(src, name, fmt.Sprintf("Ảnh minh họa cho %s “%s”: quang cảnh một buổi họp", kind, title))
	if !ok {
		return nil // an image already
	}
	return os.WriteFile(file, out, 0o644)
}
