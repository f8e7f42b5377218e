package serve

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// event is one Server-Sent Event.
type event struct{ name, data string }

// hub fans events out to the open pages. Safe for concurrent use.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	last    *event // the error event while the site is broken, replayed to new pages
}

func newHub() *hub { return &hub{clients: map[chan event]bool{}} }

// send delivers ev to every client; a client too slow to take it misses it.
func (h *hub) send(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch ev.name {
	case "error-report":
		h.last = &ev
	default:
		h.last = nil
	}
	for c := range h.clients {
		select {
		case c <- ev:
		default:
		}
	}
}

// serve streams events to one page until it goes away.
func (h *hub) serve(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 16)
	h.mu.Lock()
	h.clients[c] = true
	last := h.last
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": loa\n\n")
	if last != nil {
		writeEvent(w, *last)
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			writeEvent(w, ev)
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, ev event) {
	fmt.Fprintf(w, "event: %s\n", ev.name)
	for _, line := range strings.Split(ev.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	fmt.Fprint(w, "\n")
}
