package fake

import (
	"context"
	"fmt"
	"slices"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// PaymentAttempt returns an attempt; ErrNotFound when unknown.
func (b *Bridge) PaymentAttempt(ctx context.Context, id string) (bridge.PaymentAttempt, error) {
	if err := check(ctx, "payment attempt"); err != nil {
		return bridge.PaymentAttempt{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if a := b.pay.by(attemptID, id); a != nil {
		return *a, nil
	}
	return bridge.PaymentAttempt{}, fmt.Errorf("fake: payment attempt: %w", connectors.ErrNotFound)
}

// InvoicePayment returns the invoice's live attempt, else its latest.
func (b *Bridge) InvoicePayment(ctx context.Context, invoiceID string) (bridge.PaymentAttempt, error) {
	all, err := b.InvoicePayments(ctx, invoiceID)
	if err != nil {
		return bridge.PaymentAttempt{}, err
	}
	for _, a := range all {
		if a.State.Live() {
			return a, nil
		}
	}
	if len(all) == 0 {
		return bridge.PaymentAttempt{}, fmt.Errorf("fake: invoice payment: %w", connectors.ErrNotFound)
	}
	return all[0], nil
}

// InvoicePayments lists an invoice's attempts, newest first.
func (b *Bridge) InvoicePayments(ctx context.Context, invoiceID string) ([]bridge.PaymentAttempt, error) {
	return b.attemptsWhere(ctx, "invoice payments", func(a *bridge.PaymentAttempt) bool { return a.InvoiceID == invoiceID }, true, 0)
}

// UnrecordedPayments lists paid attempts the CRM has not accepted yet,
// oldest first.
func (b *Bridge) UnrecordedPayments(ctx context.Context, limit int) ([]bridge.PaymentAttempt, error) {
	return b.attemptsWhere(ctx, "unrecorded payments", func(a *bridge.PaymentAttempt) bool {
		return (a.State == bridge.PaymentPaid || a.State == bridge.PaymentDisputed || a.State == bridge.PaymentRefunded) &&
			a.CRMRecordedAt.IsZero()
	}, false, clamp(limit))
}

// attemptsWhere lists the attempts keep accepts, newest or oldest first,
// at most limit (0: all).
func (b *Bridge) attemptsWhere(ctx context.Context, op string, keep func(*bridge.PaymentAttempt) bool, newest bool, limit int) ([]bridge.PaymentAttempt, error) {
	if err := check(ctx, op); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []bridge.PaymentAttempt
	for _, a := range b.pay.attempts {
		if keep(a) {
			out = append(out, *a)
		}
	}
	if newest {
		slices.Reverse(out)
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// PaymentChanges lists an attempt's changes, oldest first.
func (b *Bridge) PaymentChanges(ctx context.Context, id string) ([]bridge.PaymentChange, error) {
	if err := check(ctx, "payment changes"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.pay.changes[id]), nil
}

// MarkPaymentRecorded notes that the CRM accepted the payment.
func (b *Bridge) MarkPaymentRecorded(ctx context.Context, id, reference string, at time.Time) error {
	if err := check(ctx, "mark payment recorded"); err != nil {
		return err
	}
	if reference == "" {
		return fmt.Errorf("fake: mark payment recorded: %w: no reference", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	a := b.pay.by(attemptID, id)
	if a == nil {
		return fmt.Errorf("fake: mark payment recorded: %w", connectors.ErrNotFound)
	}
	if at.IsZero() {
		at = b.now()
	}
	a.CRMReference, a.CRMRecordedAt = reference, at.UTC()
	return nil
}

// PaymentDiscrepancies lists discrepancies, newest first.
func (b *Bridge) PaymentDiscrepancies(ctx context.Context, limit int) ([]bridge.PaymentDiscrepancy, error) {
	if err := check(ctx, "payment discrepancies"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	out := slices.Clone(b.pay.discrepancies)
	slices.Reverse(out)
	return out[:min(len(out), clamp(limit))], nil
}

// clamp bounds a list's limit to 1..1000; 0 or less means 100.
func clamp(limit int) int {
	if limit <= 0 {
		return 100
	}
	return min(limit, 1000)
}
