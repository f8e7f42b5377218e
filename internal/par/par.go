// Package par runs loops on a fixed set of worker goroutines.
package par

import (
	"context"
	"sync"
	"sync/atomic"
)

// ForEach calls fn(i) for every i in [0, n) on workers goroutines and
// returns the first error; after an error, or when ctx is done, no new call
// starts. The workers live for the whole loop, so the deep stacks that
// template execution and Markdown parsing need are grown once per worker,
// not once per item.
func ForEach(ctx context.Context, n, workers int, fn func(i int) error) error {
	var (
		next  atomic.Int64
		once  sync.Once
		first error
		stop  atomic.Bool
		wg    sync.WaitGroup
	)
	fail := func(err error) {
		once.Do(func() { first = err })
		stop.Store(true)
	}
	for range min(workers, n) {
		wg.Go(func() {
			for !stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := ctx.Err(); err != nil {
					fail(err)
					return
				}
				if err := fn(i); err != nil {
					fail(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
