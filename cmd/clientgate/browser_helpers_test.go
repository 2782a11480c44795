package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is the browser the browser test drives: Debian's chromium.
const chromiumPath = "/usr/bin/chromium"

const (
	// flowTimeout bounds a whole browser test, browser start included.
	flowTimeout = 90 * time.Second
	// stepTimeout bounds one step of it.
	stepTimeout = 20 * time.Second
)

// requireChromium skips the test when chromium is not installed, unless
// the CI environment variable is set: there a missing browser fails.
func requireChromium(t *testing.T) {
	t.Helper()
	err := checkExecutable(chromiumPath)
	if err == nil {
		return
	}
	msg := fmt.Sprintf("no usable chromium (%v); install Debian's chromium package", err)
	if _, ci := os.LookupEnv("CI"); ci {
		t.Fatal(msg + "; CI is set, so the browser tests may not be skipped")
	}
	t.Skip(msg)
}

// checkExecutable returns an error unless path is an executable file.
func checkExecutable(path string) error {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return err
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", path)
	case info.Mode()&0o111 == 0:
		return fmt.Errorf("%s is not executable", path)
	}
	return nil
}

// browser is one headless chromium tab, with the errors its pages logged.
type browser struct {
	t       *testing.T
	ctx     context.Context
	console *consoleErrors
}

// newBrowser starts chromium with a fresh profile; everything it does ends
// after flowTimeout, and it is stopped when the test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), flowTimeout)
	t.Cleanup(cancel)
	return startBrowser(t, ctx)
}

// startBrowser starts chromium with a fresh profile, stopped when ctx
// ends or the test ends.
func startBrowser(t *testing.T, ctx context.Context) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	b := &browser{t: t, ctx: bctx, console: &consoleErrors{}}
	// Listen (the former ListenTarget) starts the browser and the tab.
	if err := chromedp.Listen(bctx, b.console.record); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return b
}

// do runs one named step of actions, bounded by stepTimeout, and fails the
// test when an action fails or a page logged an error.
func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v (page %s)", step, err, b.location())
	}
	b.checkConsole(step)
}

// text returns the visible text of the first element sel matches.
func text[S chromedp.Selectable](b *browser, sel S) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(sel))
	if err != nil {
		b.t.Fatalf("text of %v: %v (page %s)", sel, err, b.location())
	}
	return strings.Join(strings.Fields(s), " ")
}

// eval returns the value of a JavaScript expression on the current page.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v (page %s)", expr, err, b.location())
	}
	return v
}

// location returns the current page's address, or why it is unknown.
func (b *browser) location() string {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return fmt.Sprintf("unknown: %v", err)
	}
	return loc
}

// checkConsole fails the test when a page logged an error so far.
func (b *browser) checkConsole(step string) {
	b.t.Helper()
	if errs := b.console.list(); len(errs) > 0 {
		b.t.Fatalf("%s: the browser logged %d error(s) (page %s):\n%s",
			step, len(errs), b.location(), strings.Join(errs, "\n"))
	}
}

// screenshot saves a full-page PNG of the current page as name in the
// test's artifact directory (kept with go test -artifacts, else removed
// like t.TempDir) and returns its path.
func (b *browser) screenshot(name string) (string, error) {
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return "", fmt.Errorf("screenshot %s: %w", name, err)
	}
	path := filepath.Join(b.t.ArtifactDir(), name)
	if err := os.WriteFile(path, png, 0o600); err != nil {
		return "", fmt.Errorf("screenshot %s: %w", name, err)
	}
	return path, nil
}

// keepScreenshot saves a screenshot of a page worth looking at, only when
// go test runs with -artifacts.
func (b *browser) keepScreenshot(name string) {
	b.t.Helper()
	if f := flag.Lookup("test.artifacts"); f == nil || f.Value.String() != "true" {
		return
	}
	path, err := b.screenshot(name)
	if err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
}

// screenshotOnFailure, deferred by a test, saves what the page showed when
// the test failed and names the file in the test's log.
func (b *browser) screenshotOnFailure() {
	if !b.t.Failed() {
		return
	}
	if b.ctx.Err() != nil {
		b.t.Logf("no failure screenshot: the browser has stopped (%v)", b.ctx.Err())
		return
	}
	path, err := b.screenshot("failure.png")
	if err != nil {
		b.t.Logf("no failure screenshot: %v", err)
		return
	}
	b.t.Logf("failure screenshot of %s: %s", b.location(), path)
}

// consoleErrors collects the errors pages log: console.error calls,
// uncaught exceptions and browser log entries of level error (such as
// Content-Security-Policy violations and failed loads).
type consoleErrors struct {
	mu   sync.Mutex
	errs []string
}

// record is the event listener; it runs on the tab's reading goroutine,
// so it only appends.
func (c *consoleErrors) record(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type != runtime.ConsoleAPICalledTypeError {
			return
		}
		msg = "console.error: " + argsText(e.Args)
	case *runtime.EventExceptionThrown:
		msg = "uncaught exception: " + exceptionText(e.ExceptionDetails)
	case *log.EventEntryAdded:
		if e.Entry == nil || e.Entry.Level != log.EntryLevelError {
			return
		}
		msg = fmt.Sprintf("browser log (%s): %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL)
	default:
		return
	}
	c.mu.Lock()
	c.errs = append(c.errs, msg)
	c.mu.Unlock()
}

// forget drops the recorded errors that contain s.
func (c *consoleErrors) forget(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	kept := c.errs[:0]
	for _, e := range c.errs {
		if !strings.Contains(e, s) {
			kept = append(kept, e)
		}
	}
	c.errs = kept
}

// list returns the errors recorded so far.
func (c *consoleErrors) list() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errs...)
}

// argsText joins the arguments of a console call as the console shows them.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		var str string
		switch {
		case a == nil:
		case a.Type == runtime.RemoteObjectTypeString && json.Unmarshal(a.Value, &str) == nil:
			parts = append(parts, str)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// exceptionText describes an uncaught exception and where it was thrown.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		first, _, _ := strings.Cut(d.Exception.Description, "\n")
		s += " " + first
	}
	return fmt.Sprintf("%s at %s:%d:%d", s, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}
