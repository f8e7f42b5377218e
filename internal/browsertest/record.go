package browsertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Response is one finished request of a page, from the network events.
type Response struct {
	URL    string
	Status int64
	Body   int64 // bytes of the body as sent, before decompression
	Wire   int64 // bytes received, headers included
	head   int64 // bytes of the headers
}

// Recorder collects the responses, script errors, failed requests and
// console errors (CSP violations among them) of a tab. Safe for concurrent
// use.
type Recorder struct {
	mu       sync.Mutex
	urls     map[network.RequestID]*Response
	done     []Response
	problems []string
}

// Record starts recording the events of the tab ctx.
func Record(t testing.TB, ctx context.Context) *Recorder {
	t.Helper()
	r := &Recorder{urls: map[network.RequestID]*Response{}}
	if err := chromedp.Listen(ctx, r.event); err != nil {
		t.Fatalf("listen to the tab: %v", err)
	}
	return r
}

// event runs on chromedp's reading goroutine: it must be quick.
func (r *Recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventResponseReceived:
		r.urls[ev.RequestID] = &Response{URL: ev.Response.URL, Status: ev.Response.Status, head: int64(ev.Response.EncodedDataLength)}
	case *network.EventLoadingFinished:
		if resp := r.urls[ev.RequestID]; resp != nil {
			resp.Wire = int64(ev.EncodedDataLength)
			resp.Body = int64(ev.EncodedBodyLength)
			if resp.Body == 0 {
				resp.Body = resp.Wire - resp.head
			}
			r.done = append(r.done, *resp)
			delete(r.urls, ev.RequestID)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			r.problems = append(r.problems, fmt.Sprintf("request failed: %s %s", ev.ErrorText, ev.BlockedReason))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		r.problems = append(r.problems, fmt.Sprintf("script error at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			r.problems = append(r.problems, fmt.Sprintf("console error (%s) %s: %s", ev.Entry.Source, ev.Entry.URL, ev.Entry.Text))
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			r.problems = append(r.problems, "console.error called")
		}
	}
}

// Take returns the responses finished since the last Take, in order.
func (r *Recorder) Take() []Response {
	r.mu.Lock()
	defer r.mu.Unlock()
	done := r.done
	r.done = nil
	return done
}

// Check fails the test for every script error, failed request or console
// error seen so far, except those containing one of the strings allow
// (such as the 404 status that a not-found page is served with). Missing
// favicons are not errors.
func (r *Recorder) Check(t testing.TB, allow ...string) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	allow = append(allow, "favicon.ico")
	for _, p := range r.problems {
		if !slices.ContainsFunc(allow, func(a string) bool { return strings.Contains(p, a) }) {
			t.Error(p)
		}
	}
	r.problems = nil
}

// Total sums the body bytes of responses whose URL contains part.
func Total(rs []Response, part string) (files int, bytes int64) {
	for _, x := range rs {
		if strings.Contains(x.URL, part) {
			files++
			bytes += x.Body
		}
	}
	return files, bytes
}

// URLs returns the URLs of rs, sorted.
func URLs(rs []Response) []string {
	var out []string
	for _, x := range rs {
		out = append(out, x.URL)
	}
	slices.Sort(out)
	return out
}
