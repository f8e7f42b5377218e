package synth

import (
	"context"
	"fmt"
	"os"
	"path"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// WriteDir generates the corpus into root, creating content/ and its
// folders. Files are written on all cores while generation goes on; a
// content/ folder already in root is written over, not emptied first.
func WriteDir(ctx context.Context, root *os.Root, cfg Config) (Stats, error) {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	// Each folder is opened once as its own Root, so that writing a file
	// resolves one name, not the whole path (half the time at N=10000).
	dirs := map[string]*os.Root{} // on this goroutine only
	defer func() {
		for _, d := range dirs {
			d.Close()
		}
	}()
	st, err := Generate(cfg, func(name string, data []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		dir, file := path.Split(name)
		d := dirs[dir]
		if d == nil {
			var err error
			if err = root.MkdirAll(dir, 0o755); err == nil {
				d, err = root.OpenRoot(dir)
			}
			if err != nil {
				return fmt.Errorf("create %s: %w", dir, err)
			}
			dirs[dir] = d
		}
		g.Go(func() error {
			if err := d.WriteFile(file, data, 0o644); err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
			return nil
		})
		return nil
	})
	if werr := g.Wait(); werr != nil {
		return st, werr // the cause; err is then only the cancellation
	}
	return st, err
}
