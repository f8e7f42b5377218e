package serve

import (
	"testing"
	"time"
)

// TestServeStops checks that the server stops soon when its context ends,
// even with a page's event stream open (startSite opens one).
func TestServeStops(t *testing.T) {
	ts := startSite(t, 0)
	start := time.Now()
	ts.cancel()
	select {
	case err := <-ts.done:
		took := time.Since(start)
		t.Logf("Run returned %v after the end of its context", took)
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		if took > time.Second {
			t.Errorf("Run returned %v after the end of its context; want under a second", took)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10 s of the end of its context")
	}
}
