package payflow_test

import (
	"context"
	"errors"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/sqlstore"
)

// TestRefundsWrittenBack: a payment refunded in two parts is written to
// the SQL store as the payment and two refunds, once each however often
// the write-back runs, and the invoice is reopened.
func TestRefundsWrittenBack(t *testing.T) {
	ctx := context.Background()
	s, zoe, inv, f, a := paidWorld(t)
	part := connectors.Money{Minor: 50000, Currency: "EUR"}
	if _, err := deliver(t, f, a, payments.EventRefunded, "evt_refund_1", part, paymentstest.SignedWell); err != nil {
		t.Fatal(err)
	}
	if err := f.RecordRefund(ctx, a.ID); !errors.Is(err, payflow.ErrNotRecordedYet) || payflow.Permanent(err) {
		t.Errorf("refund before the payment's write-back: %v, want ErrNotRecordedYet (not permanent)", err)
	}
	if err := f.Record(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := f.RecordRefund(ctx, a.ID); err != nil {
			t.Fatalf("RecordRefund: %v", err)
		}
	}
	if _, err := deliver(t, f, a, payments.EventRefunded, "evt_refund_all", a.Amount, paymentstest.SignedWell); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := f.RecordRefund(ctx, a.ID); err != nil {
			t.Fatalf("RecordRefund: %v", err)
		}
	}
	txns, _ := s.ListTransactions(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{})
	got := map[string]int64{}
	for _, tx := range txns.Items {
		got[tx.Reference] = tx.Amount.Minor
	}
	want := map[string]int64{
		payflow.Reference(a):                       a.Amount.Minor,
		payflow.RefundReference(a, 50000):          -50000,
		payflow.RefundReference(a, a.Amount.Minor): -(a.Amount.Minor - 50000),
	}
	if len(got) != len(want) {
		t.Errorf("transactions = %v, want %v", got, want)
	}
	for ref, minor := range want {
		if got[ref] != minor {
			t.Errorf("transaction %s = %d, want %d (all: %v)", ref, got[ref], minor, got)
		}
	}
	after, _ := s.GetInvoice(ctx, connectors.Scope{ContactID: zoe.ID}, inv.ID)
	if after.AmountDue != inv.AmountDue || !after.Status.Open() {
		t.Errorf("invoice after the full refund: %s with %v due, want open with %v", after.Status, after.AmountDue, inv.AmountDue)
	}
	if st, _ := f.Status(ctx, after); !st.CanPay || st.Attempt.State != bridge.PaymentRefunded {
		t.Errorf("status after the refund = %+v; want refunded and payable again", st)
	}
}

// TestPermanentRefusalNoted: a payment the CRM refuses for good is noted
// in the ledger with the reason, for staff.
func TestPermanentRefusalNoted(t *testing.T) {
	ctx := context.Background()
	s, zoe, inv, f, a := paidWorld(t)
	// Staff settle the invoice by hand before the write-back runs: the
	// CRM refuses a payment on a paid invoice.
	if _, _, err := s.RecordPayment(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.Payment{Reference: "bank-1",
		InvoiceID: inv.ID, Kind: connectors.TransactionPayment, Amount: inv.AmountDue, Date: a.CreatedAt}); err != nil {
		t.Fatal(err)
	}
	err := f.Record(ctx, a.ID)
	if !payflow.Permanent(err) {
		t.Fatalf("Record on a settled invoice: %v, want a permanent error", err)
	}
	left, _ := s.UnrecordedPayments(ctx, 10)
	if len(left) != 1 || left[0].CRMFailure == "" {
		t.Errorf("unrecorded = %+v; want the attempt with the CRM's reason", left)
	}
	if err := f.RecordRefund(ctx, a.ID); !payflow.Permanent(err) {
		t.Errorf("refund of a refused payment: %v, want permanent", err)
	}
}

// paidWorld is the SQL store world with Zoë's invoice paid online (not
// yet recorded in the CRM).
func paidWorld(t *testing.T) (*sqlstore.Store, connectors.Contact, connectors.Invoice, *payflow.Flow, bridge.PaymentAttempt) {
	t.Helper()
	s, zoe, inv := sqlWorld(t)
	f := newFlow(t, s, s)
	if _, err := f.Checkout(context.Background(), input(inv, zoe.ID)); err != nil {
		t.Fatal(err)
	}
	a, _ := s.InvoicePayment(context.Background(), inv.ID)
	if _, err := deliver(t, f, a, payments.EventPaymentSucceeded, "evt_paid", a.Amount, paymentstest.SignedWell); err != nil {
		t.Fatal(err)
	}
	return s, zoe, inv, f, a
}
