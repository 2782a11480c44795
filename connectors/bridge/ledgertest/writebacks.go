package ledgertest

import (
	"context"
	"errors"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// WriteBackLedger is a ledger that also keeps the write-backs.
type WriteBackLedger interface {
	bridge.PaymentLedger
	bridge.PaymentWriteBacks
}

// RunWriteBacks checks bridge.PaymentWriteBacks: refunds are claimed in
// ranges that never overlap (a claimed range comes back unchanged until
// it is marked recorded, also to concurrent callers), and a payment the
// CRM refused keeps being listed as unrecorded, with its reason.
func RunWriteBacks(t *testing.T, open func(t *testing.T) WriteBackLedger) {
	t.Run("Refunds", func(t *testing.T) { t.Parallel(); checkRefundClaims(t, open(t)) })
	t.Run("ConcurrentClaims", func(t *testing.T) { t.Parallel(); checkConcurrentClaims(t, open(t)) })
	t.Run("RecordFailed", func(t *testing.T) { t.Parallel(); checkRecordFailed(t, open(t)) })
}

// paidAttempt is an attempt paid in full.
func paidAttempt(t *testing.T, l bridge.PaymentLedger, minor int64) bridge.PaymentAttempt {
	t.Helper()
	a := withCheckout(t, l, newAttempt(minor))
	return apply(t, l, event(a, bridge.PaymentPaid, eur(minor)), bridge.EventApplied).Attempt
}

// claim claims the attempt's next refund and checks the range.
func claim(t *testing.T, l WriteBackLedger, id string, from, to int64) {
	t.Helper()
	gotFrom, gotTo, err := l.ClaimRefund(context.Background(), id)
	if err != nil || gotFrom != from || gotTo != to {
		t.Fatalf("ClaimRefund = %d..%d, %v; want %d..%d", gotFrom, gotTo, err, from, to)
	}
}

func checkRefundClaims(t *testing.T, l WriteBackLedger) {
	ctx := context.Background()
	a := paidAttempt(t, l, 10000)
	claim(t, l, a.ID, 0, 0)
	apply(t, l, event(a, bridge.PaymentRefunded, eur(2500)), bridge.EventApplied)
	claim(t, l, a.ID, 0, 2500)
	// Not marked recorded: the same range again, even after another
	// refund arrived meanwhile.
	apply(t, l, event(a, bridge.PaymentRefunded, eur(10000)), bridge.EventApplied)
	claim(t, l, a.ID, 0, 2500)
	if err := l.MarkRefundRecorded(ctx, a.ID, 2500); err != nil {
		t.Fatal(err)
	}
	claim(t, l, a.ID, 2500, 10000)
	if err := l.MarkRefundRecorded(ctx, a.ID, 10000); err != nil {
		t.Fatal(err)
	}
	if err := l.MarkRefundRecorded(ctx, a.ID, 2500); err != nil {
		t.Fatal(err)
	}
	claim(t, l, a.ID, 10000, 10000)
	if got := state(t, l, a.ID).CRMRefunded; got != eur(10000) {
		t.Errorf("CRMRefunded = %v, want 100.00 EUR", got)
	}
	if _, _, err := l.ClaimRefund(ctx, "no-such-attempt"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("ClaimRefund of an unknown attempt: %v", err)
	}
	if err := l.MarkRefundRecorded(ctx, "no-such-attempt", 1); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("MarkRefundRecorded of an unknown attempt: %v", err)
	}
}

func checkConcurrentClaims(t *testing.T, l WriteBackLedger) {
	a := paidAttempt(t, l, 10000)
	apply(t, l, event(a, bridge.PaymentRefunded, eur(4000)), bridge.EventApplied)
	var wg sync.WaitGroup
	ranges := make(chan [2]int64, 8)
	for range 8 {
		wg.Go(func() {
			from, to, err := l.ClaimRefund(context.Background(), a.ID)
			if err != nil {
				t.Error(err)
			}
			ranges <- [2]int64{from, to}
		})
	}
	wg.Wait()
	close(ranges)
	for r := range ranges {
		if r != [2]int64{0, 4000} {
			t.Errorf("a concurrent claim got %d..%d, want 0..4000", r[0], r[1])
		}
	}
}

func checkRecordFailed(t *testing.T, l WriteBackLedger) {
	ctx := context.Background()
	a := paidAttempt(t, l, 5000)
	if err := l.MarkPaymentRecordFailed(ctx, a.ID, "the CRM says the invoice is void"); err != nil {
		t.Fatal(err)
	}
	left, err := l.UnrecordedPayments(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range left {
		if u.ID == a.ID {
			found = u.CRMFailure == "the CRM says the invoice is void"
		}
	}
	if !found {
		t.Errorf("the refused payment is not listed with its reason: %+v", left)
	}
	if err := l.MarkPaymentRecordFailed(ctx, "no-such-attempt", "x"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("MarkPaymentRecordFailed of an unknown attempt: %v", err)
	}
}
