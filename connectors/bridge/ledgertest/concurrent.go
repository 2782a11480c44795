package ledgertest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// workers is how many goroutines race in the concurrent checks.
const workers = 12

func errorsIsInvalid(err error) bool { return errors.Is(err, connectors.ErrInvalid) }

// race runs f in workers goroutines at once and returns their errors.
func race(f func(i int) error) []error {
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make([]error, workers)
	for i := range workers {
		wg.Go(func() {
			<-start
			errs[i] = f(i)
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// checkConcurrentBegin: many clicks at once on Pay get one attempt.
func checkConcurrentBegin(t *testing.T, l bridge.PaymentLedger) {
	n := newAttempt(2500)
	ids := make([]string, workers)
	for i, err := range race(func(i int) error {
		a, _, err := l.BeginPayment(context.Background(), n)
		ids[i] = a.ID
		return err
	}) {
		if err != nil {
			t.Fatalf("concurrent BeginPayment %d: %v", i, err)
		}
	}
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("concurrent BeginPayment made several attempts: %v", ids)
		}
	}
	if all, _ := l.InvoicePayments(context.Background(), n.InvoiceID); len(all) != 1 {
		t.Errorf("%d attempts stored, want 1", len(all))
	}
}

// checkConcurrentEvents: the same event delivered many times at once is
// applied once; so is a burst of different events paying one attempt.
func checkConcurrentEvents(t *testing.T, l bridge.PaymentLedger) {
	a := withCheckout(t, l, newAttempt(3100))
	ev := event(a, bridge.PaymentPaid, eur(3100))
	outcomes := make([]bridge.EventOutcome, workers)
	for i, err := range race(func(i int) error {
		res, err := l.ApplyPaymentEvent(context.Background(), ev)
		outcomes[i] = res.Outcome
		return err
	}) {
		if err != nil {
			t.Fatalf("concurrent ApplyPaymentEvent %d: %v", i, err)
		}
	}
	if applied, dup := count(outcomes, bridge.EventApplied), count(outcomes, bridge.EventDuplicate); applied != 1 || dup != workers-1 {
		t.Errorf("one event delivered %d times: %d applied, %d duplicates; want 1 and %d", workers, applied, dup, workers-1)
	}
	changes, _ := l.PaymentChanges(context.Background(), a.ID)
	if len(changes) != 2 {
		t.Errorf("%d changes, want 2 (created, paid)", len(changes))
	}
}

// checkConcurrentPayAndBegin: while events pay the invoice through
// several attempts, clients keep asking to pay other amounts; at the end
// the invoice has at most one live attempt and exactly one payment.
func checkConcurrentPayAndBegin(t *testing.T, l bridge.PaymentLedger) {
	ctx := context.Background()
	n := newAttempt(6000)
	first := withCheckout(t, l, n)
	errs := race(func(i int) error {
		if i%3 == 0 {
			_, err := l.ApplyPaymentEvent(ctx, event(first, bridge.PaymentPaid, eur(6000)))
			return err
		}
		m := withAmount(n, int64(6000+i))
		m.IdempotencyKey = fmt.Sprintf("%s-%d", n.IdempotencyKey, i)
		a, _, err := l.BeginPayment(ctx, m)
		if bridge.IsAlreadyPaid(err) {
			return nil
		}
		if err != nil {
			return err
		}
		_, err = l.ApplyPaymentEvent(ctx, event(a, bridge.PaymentPaid, m.Amount))
		return err
	})
	for i, err := range errs {
		if err != nil {
			t.Fatalf("worker %d: %v", i, err)
		}
	}
	live, settled := liveCount(t, l, n.InvoiceID)
	if live != 1 || settled != 1 {
		t.Errorf("after the race: %d live and %d settled attempts, want 1 and 1", live, settled)
	}
}

func count(outs []bridge.EventOutcome, want bridge.EventOutcome) int {
	n := 0
	for _, o := range outs {
		if o == want {
			n++
		}
	}
	return n
}
