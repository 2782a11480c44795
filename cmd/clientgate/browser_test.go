package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserPerson is the demo person the browser test signs in as, with an
// unpaid invoice and a quote waiting for an answer in demodata/demo.json.
var browserPerson = struct {
	email, name, invoice, invoiceLine, quote, quoteTitle string
}{
	email: "priya@brightside.example", name: "Priya Nair",
	invoice: "BB-0107", invoiceLine: "Menu design",
	quote: "Q-2025-011", quoteTitle: "Spring campaign",
}

// pickerHeading is the heading of the development provider's sign-in page.
const pickerHeading = chromedp.Search(`//h1[normalize-space()="Development sign-in"]`)

// TestBrowserClientFlow drives chromium through the demo: sign in, the
// dashboard, an invoice, accepting a quote and signing out, failing on any
// error a page logs.
func TestBrowserClientFlow(t *testing.T) {
	requireChromium(t)
	_, addrs := startBinary(t, baseEnv(t), false, "demo", "--addr", "127.0.0.1:0")
	portal := "http://" + addrs["portal"] + "/clients/"
	b := newBrowser(t)
	defer b.screenshotOnFailure()

	b.signIn(portal)
	b.openInvoice()
	b.acceptQuote()
	b.signOut(portal)
	b.checkConsole("end of the flow")
}

// signIn opens the portal signed out, picks the demo person on the
// provider's page and checks the dashboard.
func (b *browser) signIn(portal string) {
	p := browserPerson
	b.do("open the portal signed out", chromedp.Navigate(portal), chromedp.WaitVisible(pickerHeading))
	b.checkOffPortal(portal, "the sign-in picker")
	b.do("choose "+p.email,
		chromedp.Click(chromedp.Search(`//button[contains(., "`+p.email+`")]`)),
		chromedp.WaitVisible(chromedp.CSS(".who-name")))
	if got := text(b, chromedp.CSS(".who-name")); got != p.name {
		b.t.Errorf("dashboard names %q, want %q", got, p.name)
	}
	if got := text(b, chromedp.CSS("main h1")); got != "Welcome back" {
		b.t.Errorf("dashboard heading %q, want %q", got, "Welcome back")
	}
	b.do("find the open items on the dashboard",
		chromedp.WaitVisible(invoiceLink(p.invoice)),
		chromedp.WaitVisible(quoteLink(p.quote)))
	b.keepScreenshot("dashboard.png")
}

// openInvoice follows the dashboard's link to the unpaid invoice.
func (b *browser) openInvoice() {
	p := browserPerson
	b.do("open invoice "+p.invoice,
		chromedp.Click(invoiceLink(p.invoice)),
		chromedp.WaitVisible(headingStarting("Invoice "+p.invoice)))
	if got := text(b, chromedp.CSS("main h1")); got != "Invoice "+p.invoice+" Unpaid" {
		b.t.Errorf("invoice heading %q, want %q", got, "Invoice "+p.invoice+" Unpaid")
	}
	if got := text(b, chromedp.CSS("table.lines tbody")); !strings.Contains(got, p.invoiceLine) {
		b.t.Errorf("invoice items %q lack %q", got, p.invoiceLine)
	}
	b.keepScreenshot("invoice.png")
}

// acceptQuote opens the quote from the quotes list, accepts it through
// the confirmation page and checks the dashboard no longer asks for it.
func (b *browser) acceptQuote() {
	p := browserPerson
	b.do("open the quotes list",
		chromedp.Click(chromedp.Search(`//nav//a[normalize-space()="Quotes"]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[normalize-space()="Quotes"]`)))
	b.do("open quote "+p.quote,
		chromedp.Click(quoteLink(p.quote)),
		chromedp.WaitVisible(headingStarting("Quote "+p.quote)))
	if got := text(b, chromedp.CSS("main h1")); got != "Quote "+p.quote+" Awaiting your answer" {
		b.t.Errorf("quote heading %q before accepting", got)
	}
	if got := text(b, chromedp.CSS("#h-summary")); got != p.quoteTitle {
		b.t.Errorf("quote title %q, want %q", got, p.quoteTitle)
	}
	b.do("ask to accept",
		chromedp.Click(chromedp.Search(`//a[normalize-space()="Accept quote"]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[normalize-space()="Accept quote `+p.quote+`?"]`)))
	b.do("confirm",
		chromedp.Click(chromedp.Search(`//button[normalize-space()="Yes, accept this quote"]`)),
		chromedp.WaitVisible(chromedp.CSS("main h1 .badge-accepted")))
	if got := text(b, chromedp.CSS("main h1")); got != "Quote "+p.quote+" Accepted" {
		b.t.Errorf("quote heading %q after accepting", got)
	}
	if n := eval[int](b, `document.querySelectorAll('main a[href$="/accept"], main a[href$="/decline"]').length`); n != 0 {
		b.t.Errorf("the accepted quote still offers %d accept/decline link(s)", n)
	}
	b.do("see the dashboard without the quote",
		chromedp.Click(chromedp.Search(`//nav//a[normalize-space()="Overview"]`)),
		chromedp.WaitVisible(chromedp.Search(`//p[normalize-space()="No quotes are waiting for you."]`)))
}

// signOut signs out and checks that the portal sends the browser to the
// provider's picker again.
func (b *browser) signOut(portal string) {
	b.do("sign out",
		chromedp.Click(chromedp.Search(`//button[normalize-space()="Sign out"]`)),
		chromedp.WaitVisible(pickerHeading))
	b.do("open the portal again", chromedp.Navigate(portal), chromedp.WaitVisible(pickerHeading))
	b.checkOffPortal(portal, "the portal after signing out")
	b.do("see the person offered again",
		chromedp.WaitVisible(chromedp.Search(`//button[contains(., "`+browserPerson.email+`")]`)))
}

// checkOffPortal fails unless the current page is the development
// provider's, which the demo serves on the portal's own address under
// demoIssuerPath (so that other devices can reach both).
func (b *browser) checkOffPortal(portal, what string) {
	b.t.Helper()
	here, err := url.Parse(b.location())
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	want, _ := url.Parse(portal)
	if here.Host != want.Host || !strings.HasPrefix(here.Path, demoIssuerPath+"/") {
		b.t.Fatalf("%s is at %s, not on the provider at %s%s", what, here, want.Host, demoIssuerPath)
	}
}

// invoiceLink selects the link to an invoice by its number.
func invoiceLink(number string) chromedp.Search {
	return chromedp.Search(`//main//a[normalize-space()="` + number + `"]`)
}

// quoteLink selects the link to a quote by its number (followed by its
// title).
func quoteLink(number string) chromedp.Search {
	return chromedp.Search(`//main//a[starts-with(normalize-space(), "` + number + `")]`)
}

// headingStarting selects the page heading that starts with prefix.
func headingStarting(prefix string) chromedp.Search {
	return chromedp.Search(`//h1[starts-with(normalize-space(), "` + prefix + `")]`)
}

// TestCheckExecutable checks how the browser tests decide chromium is
// installed.
func TestCheckExecutable(t *testing.T) {
	dir := t.TempDir()
	plain := writeFile(t, dir, "plain", "data")
	exe := writeFile(t, dir, "exe", "#!/bin/sh\n")
	if err := os.Chmod(exe, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		ok   bool
	}{{exe, true}, {plain, false}, {dir, false}, {filepath.Join(dir, "absent"), false}} {
		if err := checkExecutable(tc.path); (err == nil) != tc.ok {
			t.Errorf("checkExecutable(%s) = %v, want ok=%v", tc.path, err, tc.ok)
		}
	}
}

// TestBrowserReportsPageErrors checks that the browser tests see each kind
// of error a page can log.
func TestBrowserReportsPageErrors(t *testing.T) {
	requireChromium(t)
	srv := httptest.NewServer(http.HandlerFunc(errorPage))
	defer srv.Close()
	b := newBrowser(t)
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	want := []string{"console.error: boom-console", "uncaught exception: Uncaught Error: boom-throw",
		"Content Security Policy", "missing.png"}
	for ctx.Err() == nil && !holdsAll(b.console.list(), want) {
		time.Sleep(50 * time.Millisecond)
	}
	got := b.console.list()
	if !holdsAll(got, want) {
		t.Errorf("recorded errors lack some of %q:\n%s", want, strings.Join(got, "\n"))
	}
}

// errorPage serves a page that logs an error of every kind.
func errorPage(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/":
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		fmt.Fprint(w, `<!doctype html><title>errors</title><img src="/missing.png" alt="">`+
			`<script>document.title = "inline"</script><script src="/app.js"></script>`)
	case "/app.js":
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `console.error("boom-console"); throw new Error("boom-throw");`)
	default:
		http.NotFound(w, r)
	}
}

// holdsAll reports whether every one of want is in some line of lines.
func holdsAll(lines, want []string) bool {
	all := strings.Join(lines, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			return false
		}
	}
	return true
}
