// Package par is Loa's one way to fan work out over goroutines, built on
// golang.org/x/sync/errgroup: ForEach for loops whose items are
// independent, Ordered for loops whose results are taken in order.
package par

import (
	"context"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// ForEach calls fn(i) for every i in [0, n) on workers goroutines and
// returns the first error; after an error, or when ctx is done, no new call
// starts. The workers run in an errgroup.WithContext limited to workers and
// live for the whole loop, so the deep stacks that template execution and
// Markdown parsing need are grown once per worker, not once per item.
func ForEach(ctx context.Context, n, workers int, fn func(i int) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(workers, 1))
	var next atomic.Int64
	for range min(workers, n) {
		g.Go(func() error {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := fn(i); err != nil {
					return err
				}
			}
		})
	}
	return g.Wait()
}

// Ordered calls work(i) for every i in [0, n) on workers goroutines (with
// ForEach), and then(i, v) with each result v in order of i on the calling
// goroutine while later items are being worked on. An item starts only
// when fewer than ahead results are waiting for then, so a long loop holds
// few results in memory.
func Ordered[T any](n, workers, ahead int, work func(i int) T, then func(i int, v T)) {
	ahead = max(ahead, 1)
	var (
		mu   sync.Mutex
		cond = sync.NewCond(&mu)
		took int // results taken for then
	)
	// Item i starts only once item i-ahead is taken, so slot i%ahead is
	// free for it.
	slots := make([]chan T, min(ahead, n))
	for i := range slots {
		slots[i] = make(chan T, 1)
	}
	go ForEach(context.Background(), n, workers, func(i int) error {
		mu.Lock()
		for i >= took+ahead {
			cond.Wait()
		}
		mu.Unlock()
		slots[i%ahead] <- work(i)
		return nil
	})
	for i := range n {
		v := <-slots[i%ahead]
		mu.Lock()
		took++
		mu.Unlock()
		cond.Broadcast()
		then(i, v)
	}
}
