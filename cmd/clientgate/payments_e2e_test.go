package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/staffnote"
)

// TestPaymentsEndToEnd pays an invoice through the whole portal (serve
// in this process, stripe-mock, the real ledger and job queue): click
// Pay → 303 to the checkout → signed webhook → ledger → the write-back
// job records the transaction in the CRM → the invoice shows paid.
// Double clicks, a second tab, the back button and replayed webhooks
// never make a second checkout or a second payment; forged and stale
// webhooks change nothing.
func TestPaymentsEndToEnd(t *testing.T) {
	t.Run("sqlstore", func(t *testing.T) {
		w := startPayWorld(t, config.TypeSQLStore, nil)
		a := w.payOnce(t)
		w.waitRecorded(t, a)
		txns, err := w.store.ListTransactions(context.Background(), connectors.Scope{ContactID: w.contact}, connectors.PageRequest{})
		if err != nil || len(txns.Items) != 1 || txns.Items[0].Reference != payflow.Reference(a) || txns.Items[0].Amount != a.Amount {
			t.Errorf("CRM transactions = %+v, %v; want the payment once", txns.Items, err)
		}
		inv, _ := w.store.GetInvoice(context.Background(), connectors.Scope{ContactID: w.contact}, w.invoice)
		if inv.Status != connectors.InvoicePaid || inv.AmountDue.Minor != 0 {
			t.Errorf("the CRM's invoice is %s with %v due, want paid", inv.Status, inv.AmountDue)
		}
		w.checkPaidPage(t, "Paid online", "We received your payment of €2,856.00")
		w.checkNoSecondPayment(t)
		if got := w.staff.of(staffnote.KindSettle); len(got) != 0 {
			t.Errorf("staff were asked to settle an invoice the CRM settled: %+v", got)
		}
		w.checkMetrics(t)
	})
	t.Run("jetpackcrm", func(t *testing.T) {
		w := startPayWorld(t, config.TypeJetpackCRM, nil)
		a := w.payOnce(t)
		w.waitRecorded(t, a)
		if got := w.jetpack.Calls()["create_transaction"]; got != 1 {
			t.Errorf("create_transaction called %d times, want once", got)
		}
		// Jetpack CRM cannot mark invoices paid: the portal says so from
		// the ledger, and staff are told to settle the invoice.
		w.checkPaidPage(t, "Paid online, being confirmed", "you do not need to pay again")
		eventually(t, 20*time.Second, "the staff notice", func() bool { return len(w.staff.of(staffnote.KindSettle)) == 1 })
		n := w.staff.of(staffnote.KindSettle)[0]
		if n.InvoiceNumber != "INV-7" || n.Amount.String() != "119.00 EUR" || n.Reference != payflow.Reference(a) {
			t.Errorf("staff notice = %+v", n)
		}
		w.checkNoSecondPayment(t)
		if got := w.jetpack.Calls()["create_transaction"]; got != 1 {
			t.Errorf("create_transaction called %d times after replays, want once", got)
		}
	})
}

// payOnce pays Zoë's invoice: Pay twice (a double click) and from a
// second signed-in tab, all to one checkout; forged and stale webhooks
// refused; the real one applied once however often it is replayed.
func (w *payWorld) payOnce(t *testing.T) bridge.PaymentAttempt {
	t.Helper()
	pc := newPortalClient(t, w.addr)
	if resp, page := pc.signIn(payEmail); resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in: %d\n%s", resp.StatusCode, page)
	}
	first := w.clickPay(pc)
	checkout := first.Header.Get("Location")
	if first.StatusCode != http.StatusSeeOther || !strings.Contains(checkout, demoCheckoutPath+"/checkout/cs_test_") {
		t.Fatalf("Pay answered %d to %q, want 303 to the checkout", first.StatusCode, checkout)
	}
	other := newPortalClient(t, w.addr)
	other.signIn(payEmail)
	for name, pc := range map[string]*portalClient{"double click": pc, "second tab": other} {
		if again := w.clickPay(pc).Header.Get("Location"); again != checkout {
			t.Errorf("%s: Pay led to %q, want the same checkout %q", name, again, checkout)
		}
	}
	a := w.attempt()
	if a.State != bridge.PaymentCreated || !strings.HasSuffix(checkout, a.SessionID) {
		t.Fatalf("ledger attempt = %+v", a)
	}
	for _, s := range []paymentstest.Signing{paymentstest.SignedForged, paymentstest.SignedStale, paymentstest.Unsigned, paymentstest.SignedTampered} {
		if code, body := w.deliver(a, payments.EventCheckoutCompleted, "evt_bad", a.Amount, s); code != http.StatusBadRequest {
			t.Errorf("webhook signed %d: %d %s, want 400", s, code, body)
		}
	}
	if got := w.attempt(); got.State != bridge.PaymentCreated {
		t.Fatalf("a refused webhook changed the attempt to %s", got.State)
	}
	if code, body := w.deliver(a, payments.EventCheckoutCompleted, "evt_paid", a.Amount, paymentstest.SignedWell); code != http.StatusOK ||
		!strings.Contains(body, `"outcome":"applied"`) {
		t.Fatalf("webhook: %d %s", code, body)
	}
	for range 3 {
		if code, body := w.deliver(a, payments.EventCheckoutCompleted, "evt_paid", a.Amount, paymentstest.SignedWell); code != http.StatusOK ||
			!strings.Contains(body, `"outcome":"duplicate"`) {
			t.Errorf("replayed webhook: %d %s", code, body)
		}
	}
	return w.attempt()
}

// waitRecorded waits for the write-back job to record the payment.
func (w *payWorld) waitRecorded(t *testing.T, a bridge.PaymentAttempt) {
	t.Helper()
	eventually(t, 30*time.Second, "the payment's write-back", func() bool { return !w.attempt().CRMRecordedAt.IsZero() })
	if got := w.attempt(); got.State != bridge.PaymentPaid || got.CRMReference != payflow.Reference(a) {
		t.Errorf("ledger after the write-back: %+v", got)
	}
}

// checkPaidPage checks the invoice page says paid, offers no Pay button
// and links the receipt, and the PDF says paid too.
func (w *payWorld) checkPaidPage(t *testing.T, texts ...string) {
	t.Helper()
	pc := newPortalClient(t, w.addr)
	pc.signIn(payEmail)
	resp, page := pc.get("/clients/invoices/" + w.invoice)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("invoice page: %d", resp.StatusCode)
	}
	for _, want := range texts {
		if !strings.Contains(page, want) {
			t.Errorf("the paid invoice page lacks %q", want)
		}
	}
	if payForm.MatchString(page) {
		t.Error("the paid invoice still offers the Pay button")
	}
	resp, pdf := pc.get("/clients/invoices/" + w.invoice + ".pdf")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF-") {
		t.Errorf("invoice PDF: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// checkNoSecondPayment: after paying, Pay (the back button, a stale tab)
// and the API's checkout are refused without asking the provider.
func (w *payWorld) checkNoSecondPayment(t *testing.T) {
	t.Helper()
	pc := newPortalClient(t, w.addr)
	pc.signIn(payEmail)
	_, page := pc.get("/clients/invoices/" + w.invoice)
	if !strings.Contains(page, `name="csrf_token"`) {
		t.Fatal("no CSRF token on the page")
	}
	token := csrfOf(t, pc)
	req, _ := http.NewRequest(http.MethodPost, pc.base+"/clients/invoices/"+w.invoice+"/pay", strings.NewReader("csrf_token="+token))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, _ := pc.noRedirect().do(req)
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "payment=already") {
		t.Errorf("Pay after paying: %d to %q, want back to the invoice saying it is paid", resp.StatusCode, loc)
	}
	req, _ = http.NewRequest(http.MethodPost, pc.base+"/api/v1/invoices/"+w.invoice+"/checkout", nil)
	req.Header.Set("X-CSRF-Token", token)
	if resp, body := pc.do(req); resp.StatusCode != http.StatusConflict {
		t.Errorf("API checkout after paying: %d %s, want 409", resp.StatusCode, body)
	}
	if all, err := w.store.InvoicePayments(context.Background(), w.invoice); err != nil || len(all) != 1 {
		t.Errorf("attempts for the invoice: %d, %v; want 1", len(all), err)
	}
}

// checkMetrics checks the payment series after one payment.
func (w *payWorld) checkMetrics(t *testing.T) {
	t.Helper()
	waitForMetric(t, "http://"+w.metrics+"/metrics", `clientgate_jobs{kind="payments.record",state="completed"} 1`)
	text := w.scrape()
	for _, want := range []string{
		`clientgate_payments_total{outcome="paid",provider="stripe"} 1`,
		`clientgate_payments_total{outcome="failed",provider="stripe"} 0`,
		`clientgate_payment_webhooks_total{outcome="applied",provider="stripe"} 1`,
		`clientgate_payment_webhooks_total{outcome="duplicate",provider="stripe"} 3`,
		`clientgate_payment_webhooks_total{outcome="bad_signature",provider="stripe"} 4`,
		`clientgate_payment_checkouts_total{outcome="created",provider="stripe"} 1`,
		`clientgate_payment_checkouts_total{outcome="reused",provider="stripe"} 2`,
		`clientgate_payment_checkouts_total{outcome="already_paid",provider="stripe"} 2`,
		`clientgate_payment_writebacks{state="pending"} 0`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if t.Failed() {
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "payment") {
				t.Log(line)
			}
		}
	}
}
