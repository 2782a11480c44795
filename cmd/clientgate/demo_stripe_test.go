package main

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"clientgate/connectors/payments/stripe/stripetest"
)

// TestDemoPaysWithStripeMock runs `clientgate demo --stripe-mock URL`
// and pays Priya's invoice as a person would: Pay leads to the demo's
// test checkout page, whose Pay button delivers the signed webhook and
// sends the client back; the invoice then shows paid, and a second
// invoice gets a checkout of its own (stripe-mock answers every checkout
// with one session ID, which the demo makes unique).
func TestDemoPaysWithStripeMock(t *testing.T) {
	mock := stripetest.MockURL(t)
	p, addrs := startBinary(t, baseEnv(t), false, "demo", "--addr", "127.0.0.1:0", "--stripe-mock", mock)
	addr := addrs["portal"]
	waitReady(t, "http://"+addr)
	pc := newPortalClient(t, addr)
	if resp, page := pc.signIn("priya@brightside.example"); resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in: %d\n%s", resp.StatusCode, page)
	}
	invoice := invoiceByNumber(t, pc, "BB-0107")
	w := &payWorld{t: t, invoice: invoice}
	resp := w.clickPay(pc)
	checkout, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(checkout.Path, demoCheckoutPath+"/checkout/cs_test_demo_") {
		t.Fatalf("Pay answered %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page := pc.get(checkout.RequestURI())
	if !strings.Contains(page, "Test checkout") || !strings.Contains(page, "852.00 GBP") {
		t.Fatalf("checkout page:\n%s", page)
	}
	req, _ := http.NewRequest(http.MethodPost, pc.base+checkout.Path+"/pay", nil)
	resp, _ = pc.noRedirect().do(req)
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "/clients/invoices/"+invoice+"/payment/done") {
		t.Fatalf("paying the test checkout: %d to %q", resp.StatusCode, loc)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, page = pc.get("/clients/invoices/" + invoice)
		if strings.Contains(page, "Paid online") && strings.Contains(page, `badge-paid`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the invoice never showed paid:\n%s", page)
		}
		time.Sleep(100 * time.Millisecond)
	}
	zoe := newPortalClient(t, addr)
	zoe.signIn("zoe@northwind.example")
	other := (&payWorld{t: t, invoice: invoiceByNumber(t, zoe, "INV-2025-047")}).clickPay(zoe)
	if loc := other.Header.Get("Location"); strings.Contains(loc, checkout.Path) || !strings.Contains(loc, "/checkout/cs_test_demo_") {
		t.Errorf("a second invoice's checkout is %q (the first was %s)", loc, checkout.Path)
	}
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d", code)
	}
	checkNoPanic(t, p.output())
	if strings.Contains(p.output(), demoStripeKey) {
		t.Error("the log holds the demo's Stripe key")
	}
}

// invoiceByNumber finds the ID of the signed-in person's invoice.
func invoiceByNumber(t *testing.T, pc *portalClient, number string) string {
	t.Helper()
	_, page := pc.get("/clients/invoices")
	m := regexp.MustCompile(`href="/clients/invoices/([^"]+)">` + regexp.QuoteMeta(number) + `<`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no invoice %s in the list:\n%s", number, page)
	}
	return m[1]
}
