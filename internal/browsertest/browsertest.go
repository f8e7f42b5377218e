// Package browsertest runs tests in a real headless Chromium through
// chromedp. It finds the browser, starts it with a throwaway profile,
// serves a built site on 127.0.0.1 as a web host would (gzip, the site's
// Content-Security-Policy), and records what a page fetched and what went
// wrong in it.
//
// Without Chromium a test skips, with a message saying how to install it;
// in CI (CI=true) it fails instead, so that browser tests never silently
// stop running. Set CHROME to use another Chromium or Chrome binary.
//
//	func TestPage(t *testing.T) {
//		srv := browsertest.Serve(t, fsys)
//		ctx := browsertest.Tab(t, browsertest.New(t))
//		log := browsertest.Record(t, ctx)
//		chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/tim-kiem/"))
//		…
//		log.Check(t) // no script error or CSP violation
//	}
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium to run: $CHROME, else /usr/bin/chromium, else
// chromium or chromium-browser on $PATH. When there is none it skips the
// test, or fails it when the environment variable CI is "true".
func Path(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROME"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("CHROME=%s: %v", p, err)
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const msg = "Chromium not found: install it (Debian: apt-get install chromium) or set CHROME to its path"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; browser tests must run in CI")
	}
	t.Skip(msg + "; skipping the browser test")
	return ""
}

// New starts a headless Chromium with an empty profile in a temporary
// folder and returns its chromedp context. The browser stops when the test
// ends. Open pages with Tab.
func New(t testing.TB) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Path(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 800),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", Path(t), err)
	}
	return ctx
}

// Tab opens a tab of the browser of ctx in a fresh browser context, with
// an empty cache and no cookies, and closes it when the test ends. Actions
// on the tab time out after a minute.
func Tab(t testing.TB, browser context.Context) context.Context {
	t.Helper()
	return TabWithin(t, browser, time.Minute)
}

// TabWithin is Tab with a deadline of d for the actions on the tab.
func TabWithin(t testing.TB, browser context.Context, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, d)
	t.Cleanup(cancelTimeout)
	return ctx
}
