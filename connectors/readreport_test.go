package connectors

import (
	"context"
	"testing"
	"time"
)

func TestReadReport(t *testing.T) {
	var none *ReadReport
	none.Hit()
	if none.Outcome() != "none" {
		t.Fatal("nil report outcome")
	}
	if ReportFrom(context.Background()) != nil {
		t.Fatal("report from a bare context")
	}
	ctx, r := WithReadReport(context.Background())
	if ReportFrom(ctx) != r {
		t.Fatal("ReportFrom did not return the report")
	}
	r.Hit()
	if r.Outcome() != "hit" {
		t.Fatalf("outcome = %q, want hit", r.Outcome())
	}
	r.Stale(3 * time.Second)
	r.Stale(time.Second)
	if age, ok := r.StaleAge(); !ok || age != 3*time.Second {
		t.Fatalf("StaleAge = %v, %v", age, ok)
	}
	if r.Outcome() != "mixed" {
		t.Fatalf("outcome = %q, want mixed", r.Outcome())
	}
}

func TestStatusValidity(t *testing.T) {
	if !InvoiceOverdue.Valid() || InvoiceStatus("late").Valid() || !InvoiceOverdue.Open() || InvoicePaid.Open() {
		t.Error("invoice status checks")
	}
	if !QuoteSent.Valid() || QuoteStatus("maybe").Valid() {
		t.Error("quote status checks")
	}
	if !TransactionRefund.Valid() || !TransactionRefunded.Valid() || TransactionStatus("x").Valid() {
		t.Error("transaction checks")
	}
}
