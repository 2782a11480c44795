package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeEnv names axe-core's axe.min.js (from the npm registry; .ci/run
// installs it) for the accessibility checks of the browser test.
const axeEnv = "CLIENTGATE_AXE_JS"

// pagesTimeout bounds TestBrowserEveryPage: about 15 pages, each at two
// widths in two colour schemes with axe-core.
const pagesTimeout = 6 * time.Minute

// layout is one way of looking at the pages.
type layout struct {
	name          string
	width, height int64
	mobile, dark  bool
}

// layouts are a phone and a desktop, each in light and dark mode.
var layouts = []layout{
	{"phone", 390, 844, true, false}, {"phone-dark", 390, 844, true, true},
	{"desktop", 1280, 800, false, false}, {"desktop-dark", 1280, 800, false, true},
}

// TestBrowserEveryPage signs in to the demo and looks at every page on a
// 390×844 phone and a 1280×800 desktop, each in light and dark mode: no
// element may overflow the viewport or scroll sideways, every invoice's
// amount must be on screen, tap targets must be at least 44 px high, and
// axe-core must find no WCAG 2.2 A/AA violation. A screenshot of each
// page in each layout is saved in the test's artifact directory (kept
// with go test -artifacts).
func TestBrowserEveryPage(t *testing.T) {
	requireChromium(t)
	axe := axeSource(t)
	dir := t.TempDir()
	args := []string{"demo", "--addr", "127.0.0.1:0", "--data", dir}
	mock := optionalStripeMock(t)
	if mock != "" {
		args = append(args, "--stripe-mock", mock)
	}
	_, addrs := startBinary(t, baseEnv(t), false, args...)
	origin := "http://" + addrs["portal"]
	b := newBrowserFor(t, pagesTimeout)
	defer b.screenshotOnFailure()
	b.signIn(origin + "/clients/")
	// The unsubscribe page (signed-out) first: sign-out needs a page with
	// the button.
	paths := append([]pagePath{{"unsubscribe", unsubscribePath(t, dir, browserPerson.email)}}, b.portalPaths(origin, mock != "")...)
	b.checkLayouts(origin, paths, axe)
	b.signOut(origin + "/clients/")
	b.do("sign in as staff", chromedp.Click(chromedp.Search(`//button[contains(., "`+demoStaff.Email+`")]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[normalize-space()="Staff inbox"]`)))
	b.checkLayouts(origin, b.staffPaths(origin), axe)
	b.signOut(origin + "/clients/")
	err := chromedp.Do(b.ctx, chromedp.Click(chromedp.Search(`//button[contains(., "newcomer@example.test")]`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[normalize-space()="No portal access"]`)))
	if err != nil {
		t.Fatalf("sign in as someone without a contact: %v", err)
	}
	b.console.forget("the server responded with a status of 403")
	refusal := b.location()
	if !strings.Contains(refusal, "/auth/problem?p=") {
		t.Errorf("the refusal is at %s, not at its own address", refusal)
	}
	for _, l := range layouts {
		b.use(l)
		b.checkPage(l, refusal, "refusal", axe)
	}
	if got := text(b, chromedp.CSS("footer .contact")); !strings.Contains(got, "hello@demo-studio.example") {
		t.Errorf("the refusal page's footer lacks the business's email: %q", got)
	}
}

// TestAxeFindsViolations checks that the accessibility check can fail: a
// page without a language and an image without a text alternative.
func TestAxeFindsViolations(t *testing.T) {
	requireChromium(t)
	axe := axeSource(t)
	if axe == "" {
		t.Skip("no axe-core")
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<!doctype html><title>bad</title><main><h1>Bad</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`+
			`<p style="color:#777;background:#888">low contrast</p></main>`)
	}))
	defer srv.Close()
	b := newBrowser(t)
	b.do("open the bad page", chromedp.Navigate(srv.URL), chromedp.WaitVisible(chromedp.CSS("h1")))
	got := strings.Join(b.axe(axe), "\n")
	for _, want := range []string{"html-has-lang", "image-alt", "color-contrast"} {
		if !strings.Contains(got, want) {
			t.Errorf("axe-core did not report %s:\n%s", want, got)
		}
	}
}

// pagePath is one page to look at.
type pagePath struct{ name, path string }

// portalPaths lists the portal's pages for the signed-in demo person,
// finding the items' addresses from the lists; with payments, also the
// pages the payment provider sends clients back to.
func (b *browser) portalPaths(origin string, payments bool) []pagePath {
	p := browserPerson
	b.do("open the invoices", chromedp.Navigate(origin+"/clients/invoices"), chromedp.WaitVisible(invoiceLink(p.invoice)))
	invoice := eval[string](b, `[...document.querySelectorAll('main a')].find(a => a.textContent.trim() === "`+p.invoice+`").pathname`)
	b.do("open the quotes", chromedp.Navigate(origin+"/clients/quotes"), chromedp.WaitVisible(quoteLink(p.quote)))
	quote := eval[string](b, `[...document.querySelectorAll('main a')].find(a => a.textContent.trim().startsWith("`+p.quote+`")).pathname`)
	b.do("open the tickets", chromedp.Navigate(origin+"/clients/tickets"), chromedp.WaitVisible(chromedp.Search(`//main//a[normalize-space()="Paper for the new menus"]`)))
	ticket := eval[string](b, `[...document.querySelectorAll('main a')].find(a => a.textContent.trim() === "Paper for the new menus").pathname`)
	b.do("open the appointments", chromedp.Navigate(origin+"/clients/tasks"), chromedp.WaitVisible(chromedp.CSS(`main a[href^="/clients/tasks/"].strong`)))
	task := eval[string](b, `document.querySelector('main a[href^="/clients/tasks/"].strong').pathname`)
	paths := []pagePath{
		{"tickets", "/clients/tickets"}, {"ticket-new", "/clients/tickets/new"}, {"ticket", ticket}, {"task", task},
		{"dashboard", "/clients/"}, {"invoices", "/clients/invoices"}, {"invoice", invoice},
		{"invoice-print", invoice + "/print"}, {"quotes", "/clients/quotes"}, {"quote", quote},
		{"quote-print", quote + "/print"},
		{"quote-confirm", quote + "/accept"}, {"payments", "/clients/transactions"},
		{"tasks", "/clients/tasks"}, {"calendar-revoke", "/clients/tasks/calendar/revoke"},
		{"details", "/clients/details"}, {"details-edit", "/clients/details/edit"}, {"files", "/clients/files"},
		{"forms", "/clients/forms"}, {"form-quote", "/clients/forms/quote"}, {"form-onboarding", "/clients/forms/onboarding"},
		{"not-found", "/clients/no-such-page"},
	}
	if payments {
		paths = append(paths, pagePath{"payment-done", invoice + "/payment/done"},
			pagePath{"payment-canceled", invoice + "/payment/canceled"},
			pagePath{"invoice-pay-unavailable", invoice + "?payment=unavailable"})
	}
	return paths
}

// checkLayouts looks at every page in every layout.
func (b *browser) checkLayouts(origin string, paths []pagePath, axe string) {
	b.t.Helper()
	for _, l := range layouts {
		b.use(l)
		for _, p := range paths {
			b.checkPage(l, origin+p.path, p.name, axe)
		}
	}
}

// use switches the tab to a layout: viewport and colour scheme.
func (b *browser) use(l layout) {
	b.t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
	if l.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	scheme := "light"
	if l.dark {
		scheme = "dark"
	}
	b.do("use the "+l.name+" layout", chromedp.EmulateViewport(l.width, l.height, opts...),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
			return err
		}))
}

// checkPage opens one page in a layout and checks it.
func (b *browser) checkPage(l layout, url, name string, axe string) {
	b.t.Helper()
	what := name + " (" + l.name + ")"
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		b.t.Fatalf("open %s: %v", what, err)
	}
	// A 403 or 404 page is logged by chromium as a failed load: expected
	// here, any other error is not.
	b.console.forget("the server responded with a status of 40")
	if bad := eval[[]string](b, overflowJS); len(bad) > 0 {
		b.t.Errorf("%s: content wider than the %d px viewport:\n%s", what, l.width, strings.Join(bad, "\n"))
	}
	if bad := eval[[]string](b, amountsJS); len(bad) > 0 {
		b.t.Errorf("%s: invoice amounts not on screen: %q", what, bad)
	}
	if bad := eval[[]string](b, tapTargetsJS); len(bad) > 0 {
		b.t.Errorf("%s: tap targets lower than 44 px: %q", what, bad)
	}
	if axe != "" {
		if violations := b.axe(axe); len(violations) > 0 {
			b.t.Errorf("%s: axe-core found WCAG violations:\n%s", what, strings.Join(violations, "\n"))
		}
	}
	if path, err := b.screenshot(name + "-" + l.name + ".png"); err != nil {
		b.t.Error(err)
	} else if l.name == "phone" {
		b.t.Logf("screenshot: %s", path)
	}
	b.checkConsole(what)
}

// axe runs axe-core on the page (injected through the DevTools protocol,
// which the page's CSP does not govern) and returns its WCAG 2.x A/AA
// violations, one line each.
func (b *browser) axe(source string) []string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](source+";true")); err != nil {
		b.t.Fatalf("inject axe-core: %v", err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("run axe-core: %v", err)
	}
	return out
}

// axeSource reads axe-core from $CLIENTGATE_AXE_JS; without it the checks
// are skipped, unless CI is set, where that fails.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv(axeEnv)
	if path == "" {
		msg := axeEnv + " is not set: no accessibility checks (.ci/run installs axe-core from npm and sets it)"
		if _, ci := os.LookupEnv("CI"); ci {
			t.Fatal(msg + "; CI is set, so they may not be skipped")
		}
		t.Log(msg)
		return ""
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read axe-core: %v", err)
	}
	return string(src)
}

// newBrowserFor is newBrowser with a longer bound for the whole test.
func newBrowserFor(t *testing.T, d time.Duration) *browser {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return startBrowser(t, ctx)
}

const axeRunJS = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
	.then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " at " +
		v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " ")).join(" | ")))`

// overflowJS lists the visible elements that reach past the viewport's
// edges or scroll sideways (form fields scroll their own text and are
// only checked against the edges).
var overflowJS = fmt.Sprintf(`(() => {
	const vw = document.documentElement.clientWidth, out = [];
	if (document.documentElement.scrollWidth > vw) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
	for (const el of document.body.querySelectorAll("*")) {
		if (el.closest(%q)) continue;
		const cs = getComputedStyle(el);
		if (cs.display === "none" || cs.visibility === "hidden") continue;
		const r = el.getBoundingClientRect();
		if (r.width === 0 && r.height === 0) continue;
		const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
		if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName)) out.push(name + " scrolls: " + el.scrollWidth + " > " + el.clientWidth);
		if (r.right > vw + 1 || r.left < -1) out.push(name + " spans " + Math.round(r.left) + ".." + Math.round(r.right));
	}
	return out.slice(0, 20);
})()`, ".skip, .visually-hidden, table.stack thead")

// amountsJS lists the invoice amounts in tables that are not on screen.
const amountsJS = `(() => {
	const vw = document.documentElement.clientWidth, out = [];
	const rows = document.querySelectorAll("main table.stack tbody tr");
	for (const td of document.querySelectorAll("main table.stack td.amount")) {
		const r = td.getBoundingClientRect();
		if (r.width === 0 || r.left < 0 || r.right > vw || td.textContent.trim() === "") out.push(td.textContent.trim() + " at " + Math.round(r.left) + ".." + Math.round(r.right));
	}
	if (rows.length > 0 && document.querySelectorAll("main table.stack td.amount").length < rows.length) out.push("a row has no amount");
	return out;
})()`

// tapTargetsJS lists the visible links, buttons and fields lower than
// 44 px.
const tapTargetsJS = `(() => [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select")]
	.filter(el => !el.closest(".skip, .visually-hidden"))
	.map(el => [el, el.getBoundingClientRect()])
	.filter(([el, r]) => r.width > 0 && r.height > 0 && r.height < 43.5)
	.map(([el, r]) => el.tagName.toLowerCase() + " " + JSON.stringify(el.textContent.trim().slice(0, 30)) + " " + Math.round(r.height) + "px"))()`
