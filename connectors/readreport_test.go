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

func TestReadReportVersion(t *testing.T) {
	version := func(record func(r *ReadReport)) (uint64, bool) {
		_, r := WithReadReport(context.Background())
		record(r)
		return r.Version()
	}
	ab, ok := version(func(r *ReadReport) { r.HitVersion(1); r.HitVersion(2) })
	if !ok {
		t.Fatal("hits from versioned entries have no version")
	}
	if ba, _ := version(func(r *ReadReport) { r.HitVersion(2); r.HitVersion(1) }); ba != ab {
		t.Error("the version depends on the order of the reads")
	}
	if ac, _ := version(func(r *ReadReport) { r.HitVersion(1); r.HitVersion(3) }); ac == ab {
		t.Error("different entries gave the same version")
	}
	if a, _ := version(func(r *ReadReport) { r.HitVersion(1) }); a == ab {
		t.Error("one entry fewer gave the same version")
	}
	tests := []struct {
		name   string
		record func(r *ReadReport)
	}{
		{"no read", func(r *ReadReport) {}},
		{"a miss", func(r *ReadReport) { r.HitVersion(1); r.Miss() }},
		{"stale data", func(r *ReadReport) { r.HitVersion(1); r.Stale(time.Second) }},
		{"a backend call", func(r *ReadReport) { r.HitVersion(1); r.Upstream() }},
		{"an entry without a version", func(r *ReadReport) { r.HitVersion(1); r.Hit() }},
	}
	for _, tt := range tests {
		if _, ok := version(tt.record); ok {
			t.Errorf("%s: Version is ok", tt.name)
		}
	}
	var none *ReadReport
	if _, ok := none.Version(); ok {
		t.Error("a nil report has a version")
	}
}
