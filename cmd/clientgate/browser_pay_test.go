package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"clientgate/connectors/payments/stripe/stripetest"
)

// TestBrowserPaysInvoice pays the demo's unpaid invoice in chromium
// against stripe-mock: the Pay button is a form POST carrying the CSRF
// token, which leads to the checkout (the navigation is intercepted: no
// page is loaded from it); a signed webhook is delivered, and the portal
// then shows the invoice paid, without a Pay button.
func TestBrowserPaysInvoice(t *testing.T) {
	requireChromium(t)
	mock := stripetest.MockURL(t)
	_, addrs := startBinary(t, baseEnv(t), false, "demo", "--addr", "127.0.0.1:0", "--stripe-mock", mock)
	origin := "http://" + addrs["portal"]
	b := newBrowser(t)
	defer b.screenshotOnFailure()
	b.signIn(origin + "/clients/")
	b.openInvoice()
	invoice := b.location()
	if n := eval[int](b, `[...document.querySelectorAll('form.pay-form')].filter(f => f.method === "post" && f.querySelector('input[name="csrf_token"]').value.length > 10).length`); n != 1 {
		t.Fatalf("%d Pay forms posting with a CSRF token, want 1", n)
	}
	if n := eval[int](b, `document.querySelectorAll('a[href$="/pay"]').length`); n != 0 {
		t.Errorf("%d links (GET) to pay", n)
	}
	checkouts := b.interceptCheckout()
	b.do("click Pay", chromedp.Click(chromedp.Search(`//button[normalize-space()="Pay £852.00 online"]`)))
	var checkout string
	select {
	case checkout = <-checkouts:
	case <-time.After(stepTimeout):
		t.Fatal("Pay did not lead to the checkout")
	}
	if !strings.Contains(checkout, demoCheckoutPath+"/checkout/cs_test_") {
		t.Fatalf("Pay led to %s", checkout)
	}
	b.do("see the stand-in checkout", chromedp.WaitVisible(chromedp.Search(`//h1[normalize-space()="Checkout (intercepted)"]`)))
	deliverDemoPayment(t, origin, path.Base(checkout), 85200, "gbp")
	b.do("come back to the portal", chromedp.Navigate(invoice+"/payment/done"),
		chromedp.WaitVisible(chromedp.Search(`//h1[starts-with(normalize-space(), "Thank you for paying invoice BB-0107")]`)),
		chromedp.WaitVisible(chromedp.Search(`//span[starts-with(normalize-space(), "Paid online")]`)))
	b.do("open the invoice again", chromedp.Navigate(invoice),
		chromedp.WaitVisible(chromedp.Search(`//span[starts-with(normalize-space(), "Paid online")]`)))
	if n := eval[int](b, `document.querySelectorAll('form.pay-form').length`); n != 0 {
		t.Errorf("the paid invoice still offers %d Pay form(s)", n)
	}
	b.keepScreenshot("invoice-paid.png")
	b.checkConsole("after paying")
}

// interceptCheckout pauses every navigation to the demo's checkout page,
// answers it with a stand-in page instead of loading it, and sends its
// address on the returned channel.
func (b *browser) interceptCheckout() <-chan string {
	b.t.Helper()
	urls := make(chan string, 4)
	var target *chromedp.Target
	b.do("intercept the checkout", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		target = t
		_, err := cdp.Call(ctx, t, fetch.Enable, fetch.EnableParams{
			Patterns: []*fetch.RequestPattern{{URLPattern: "*" + demoCheckoutPath + "/checkout/*"}}})
		return err
	}))
	page := []byte(`<!doctype html><html lang="en"><title>Checkout</title><main><h1>Checkout (intercepted)</h1></main></html>`)
	go func() {
		for ev, err := range cdp.Events(b.ctx, target, fetch.RequestPaused) {
			if err != nil {
				return
			}
			urls <- ev.Request.URL
			cdp.Call(b.ctx, target, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: ev.RequestID, ResponseCode: 200,
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html; charset=utf-8"}}, Body: page})
		}
	}()
	return urls
}

// deliverDemoPayment posts the signed checkout.session.completed webhook
// of a paid checkout to the demo portal at origin.
func deliverDemoPayment(t *testing.T, origin, session string, minor int64, currency string) {
	t.Helper()
	payload := demoEvent(demoSession{ID: session, Intent: "pi_" + session[len(session)-8:], Amount: minor, Currency: currency},
		"evt_"+session)
	req, _ := http.NewRequest(http.MethodPost, origin+"/hooks/stripe", bytes.NewReader(payload))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Stripe-Signature", signDemo(payload))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("webhook: %s", resp.Status)
	}
}

// optionalStripeMock returns stripe-mock's URL, or "" when it does not run
// and CI is not set (with CI set a missing stripe-mock fails the test).
func optionalStripeMock(t *testing.T) string {
	t.Helper()
	if os.Getenv(stripetest.EnvMock) == "" && os.Getenv("CI") == "" {
		t.Logf("stripe-mock not configured (%s): the payment pages are not checked", stripetest.EnvMock)
		return ""
	}
	return stripetest.MockURL(t)
}
