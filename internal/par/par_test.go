package par

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestForEach(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {7, 1}, {1000, 3}, {5, 16}} {
		var seen = make([]atomic.Int32, tc.n)
		if err := ForEach(context.Background(), tc.n, tc.workers, func(i int) error {
			seen[i].Add(1)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: item %d ran %d times", tc.n, tc.workers, i, c)
			}
		}
	}
}

func TestForEachStopsAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	var ran atomic.Int32
	err := ForEach(context.Background(), 10000, 2, func(i int) error {
		ran.Add(1)
		if i == 10 {
			return boom
		}
		return nil
	})
	if err != boom {
		t.Fatalf("err = %v, want boom", err)
	}
	if n := ran.Load(); n > 100 {
		t.Errorf("%d items ran after the error at item 10", n)
	}
}

func TestForEachHonoursCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var ran atomic.Int32
	err := ForEach(ctx, 100, 2, func(int) error { ran.Add(1); return nil })
	if !errors.Is(err, context.Canceled) || ran.Load() != 0 {
		t.Errorf("err = %v, ran = %d; want context.Canceled and no call", err, ran.Load())
	}
}

func TestOrdered(t *testing.T) {
	for _, tc := range []struct{ n, workers, ahead int }{{0, 2, 4}, {1, 2, 4}, {100, 3, 1}, {1000, 4, 8}, {10, 16, 2}} {
		var started, taken atomic.Int32
		var most int32 // the most items started and not yet given to then
		next := 0
		Ordered(tc.n, tc.workers, tc.ahead, func(i int) int {
			s := started.Add(1)
			for {
				m := atomic.LoadInt32(&most)
				if w := s - taken.Load(); w <= m || atomic.CompareAndSwapInt32(&most, m, w) {
					break
				}
			}
			return i * i
		}, func(i, v int) {
			taken.Add(1)
			if i != next || v != i*i {
				t.Fatalf("n=%d: then(%d, %d) after %d items; want then(%d, %d)", tc.n, i, v, next, next, next*next)
			}
			next++
		})
		if next != tc.n {
			t.Errorf("n=%d: then called %d times", tc.n, next)
		}
		// Counted from before then: the item then is given counts too.
		if m := atomic.LoadInt32(&most); m > int32(tc.ahead)+1 {
			t.Errorf("n=%d ahead=%d: %d results were waiting at once", tc.n, tc.ahead, m)
		}
	}
}
