package photos

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"
)

// AddToCorpus gives n items of the site under root photos as a phone
// takes them: w×h JPEGs at quality 90 under static/anh/, one in four
// turned by EXIF (orientations 6, 8 and 3 in turn), all with GPS
// coordinates; news items first, then articles, in path order. Each item
// gets image: and alt: as the last lines of its front matter. Photos are
// drawn in parallel; the same seed gives the same bytes.
func AddToCorpus(ctx context.Context, root *os.Root, n, w, h int, seed uint64) error {
	items, err := corpusItems(root.FS())
	if err != nil {
		return err
	}
	if n > len(items) {
		return fmt.Errorf("%d photos for %d items; generate more articles", n, len(items))
	}
	if err := root.MkdirAll("static/anh", 0o755); err != nil {
		return err
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			name := fmt.Sprintf("anh/anh-%04d.jpg", i+1)
			o := []int{1, 6, 1, 1, 1, 8, 1, 1, 1, 3, 1, 1}[i%12]
			data, err := PhoneJPEG(Scene(seed+uint64(i), w, h), 90, o, true)
			if err != nil {
				return err
			}
			if err := root.WriteFile("static/"+name, data, 0o644); err != nil {
				return err
			}
			src, err := root.ReadFile(items[i])
			if err != nil {
				return err
			}
			out, ok := AddImage(src, name, fmt.Sprintf("Ảnh số %d: quang cảnh một buổi họp", i+1))
			if !ok {
				return fmt.Errorf("%s: no front matter to add the image to", items[i])
			}
			return root.WriteFile(items[i], out, 0o644)
		})
	}
	return g.Wait()
}

// corpusItems lists the news items, then the articles, of a content tree.
func corpusItems(fsys fs.FS) ([]string, error) {
	var news, articles []string
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || path.Base(p) == "_index.md" {
			return err
		}
		switch strings.Split(p, "/")[1] {
		case "tin-don-vi":
			news = append(news, p)
		case "chu-de":
			articles = append(articles, p)
		}
		return nil
	})
	slices.Sort(news)
	slices.Sort(articles)
	return append(news, articles...), err
}

// AddImage returns src, a Markdown file with YAML front matter, with
// image: name and alt: alt added as the last lines of its front matter;
// false when src has no front matter or has an image already.
func AddImage(src []byte, name, alt string) ([]byte, bool) {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, false
	}
	head, body, ok := bytes.Cut(src[4:], []byte("\n---\n"))
	if !ok || bytes.HasPrefix(head, []byte("image:")) || bytes.Contains(head, []byte("\nimage:")) {
		return nil, false
	}
	return fmt.Appendf(nil, "---\n%s\nimage: %s\nalt: %q\n---\n%s", head, name, alt, body), true
}
