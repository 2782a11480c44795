package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/staffnote"
)

// TestPaymentRefundsDisputesDiscrepancies: after a payment, a partial
// refund is written back to the CRM as a refund (once, however often the
// event comes), the invoice page says so; an event of another amount is
// kept for staff and not applied; a dispute is shown and told to staff.
func TestPaymentRefundsDisputesDiscrepancies(t *testing.T) {
	w := startPayWorld(t, config.TypeSQLStore, nil)
	a := w.payOnce(t)
	w.waitRecorded(t, a)
	short := a.Amount
	short.Minor -= 100
	if code, body := w.deliver(a, payments.EventPaymentSucceeded, "evt_short", short, paymentstest.SignedWell); code != http.StatusOK ||
		!strings.Contains(body, `"outcome":"discrepancy"`) {
		t.Errorf("a payment of another amount: %d %s", code, body)
	}
	part := connectors.Money{Minor: 50000, Currency: a.Amount.Currency}
	for range 2 {
		if code, body := w.deliver(a, payments.EventRefunded, "evt_refund", part, paymentstest.SignedWell); code != http.StatusOK {
			t.Fatalf("refund webhook: %d %s", code, body)
		}
	}
	ref := payflow.RefundReference(a, part.Minor)
	eventually(t, 30*time.Second, "the refund's write-back", func() bool { return w.attempt().CRMRefunded == part })
	txns, _ := w.store.ListTransactions(context.Background(), connectors.Scope{ContactID: w.contact}, connectors.PageRequest{})
	refunds := 0
	for _, tx := range txns.Items {
		if tx.Reference == ref && tx.Kind == connectors.TransactionRefund && tx.Amount.Minor == -part.Minor {
			refunds++
		}
	}
	if refunds != 1 || len(txns.Items) != 2 {
		t.Errorf("CRM transactions = %+v; want the payment and the refund once", txns.Items)
	}
	w.checkPaidPage(t, "Paid online, partly refunded", "€500.00 of it has been refunded to you")
	if code, _ := w.deliver(w.attempt(), payments.EventDisputeCreated, "evt_dispute", a.Amount, paymentstest.SignedWell); code != http.StatusOK {
		t.Fatalf("dispute webhook: %d", code)
	}
	w.checkPaidPage(t, "Payment disputed", "Your bank has disputed the payment")
	eventually(t, 20*time.Second, "the staff notices", func() bool {
		return len(w.staff.of(staffnote.KindDiscrepancy)) == 1 && len(w.staff.of(staffnote.KindDispute)) == 1
	})
	if d := w.staff.of(staffnote.KindDiscrepancy)[0]; !strings.Contains(d.Detail, "amount_mismatch") || d.Amount != short {
		t.Errorf("discrepancy notice = %+v", d)
	}
	if got := w.attempt(); got.Refunded != part {
		t.Errorf("attempt after the discrepancy: %+v", got)
	}
}
