package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/jobs"
	"clientgate/connectors/payments/payflow"
	"clientgate/connectors/payments/staffnote"
)

// afterWebhook follows up a verified delivery: a payment or refund the
// ledger holds and the CRM does not gets its write-back job (also for a
// replayed delivery, which is how a job lost between applying the event
// and enqueueing is enqueued after all); a discrepancy or a dispute is
// told to staff. An error answers 500, so the provider delivers again.
func (p *paymentsWiring) afterWebhook(ctx context.Context, res payflow.WebhookResult) error {
	switch res.Outcome {
	case bridge.EventDiscrepancy:
		return p.discrepancy(ctx, res)
	case bridge.EventApplied:
		if res.Attempt.State == bridge.PaymentDisputed {
			if err := p.notice(ctx, res.Attempt, staffnote.KindDispute, "dispute-"+res.Attempt.ID,
				"The client's bank disputes the payment: "+res.Attempt.Reason+" Respond in the provider's dashboard."); err != nil {
				return err
			}
		}
		return p.reconcile(ctx, res.Attempt)
	case bridge.EventDuplicate:
		a, ok, err := p.eventAttempt(ctx, res.Event.AttemptID, res.Event.InvoiceID)
		if !ok || err != nil {
			return err
		}
		return p.reconcile(ctx, a)
	}
	return nil
}

// eventAttempt finds the attempt a replayed event is about, by the IDs
// its metadata carries; ok is false when it names none the ledger knows.
func (p *paymentsWiring) eventAttempt(ctx context.Context, attemptID, invoiceID string) (bridge.PaymentAttempt, bool, error) {
	var a bridge.PaymentAttempt
	var err error
	switch {
	case attemptID != "":
		a, err = p.ledger.PaymentAttempt(ctx, attemptID)
	case invoiceID != "":
		a, err = p.ledger.InvoicePayment(ctx, invoiceID)
	default:
		return a, false, nil
	}
	if errors.Is(err, connectors.ErrNotFound) {
		return a, false, nil
	}
	return a, err == nil, err
}

// reconcile enqueues what attempt a still needs: the payment's
// write-back, or the refunds' once the payment is in the CRM.
func (p *paymentsWiring) reconcile(ctx context.Context, a bridge.PaymentAttempt) error {
	switch {
	case !payflow.Taken(a.State):
		return nil
	case a.CRMRecordedAt.IsZero() && a.CRMFailure == "":
		_, err := p.queue.Enqueue(ctx, recordPaymentArgs{AttemptID: a.ID}, jobs.EnqueueOptions{Unique: true})
		p.refreshGauge(ctx)
		return err
	}
	return p.enqueueRefund(ctx, a)
}

// enqueueRefund enqueues the refund write-back of a recorded payment
// whose refunds the CRM does not hold yet.
func (p *paymentsWiring) enqueueRefund(ctx context.Context, a bridge.PaymentAttempt) error {
	if a.CRMRecordedAt.IsZero() || a.Refunded.Minor <= a.CRMRefunded.Minor {
		return nil
	}
	_, err := p.queue.Enqueue(ctx, recordRefundArgs{AttemptID: a.ID, Refunded: a.Refunded.Minor}, jobs.EnqueueOptions{Unique: true})
	return err
}

// discrepancy tells staff about an event that was not applied.
func (p *paymentsWiring) discrepancy(ctx context.Context, res payflow.WebhookResult) error {
	d := res.Discrepancy
	if d == nil {
		return nil
	}
	n := staffnote.Notice{ID: "discrepancy-" + d.Provider + "-" + d.EventID, Kind: staffnote.KindDiscrepancy,
		At: time.Now().UTC(), Provider: d.Provider, AttemptID: d.AttemptID, InvoiceID: d.InvoiceID,
		InvoiceNumber: res.Event.InvoiceNumber, ContactID: res.Event.ContactID, Amount: d.Got, ProviderPayment: d.IntentID,
		Detail: fmt.Sprintf("%s event %s was not applied (%s): %s; expected %s, got %s.",
			d.EventType, d.EventID, d.Kind, d.Detail, d.Expected, d.Got)}
	return p.send(ctx, n)
}

// ledgerSweepEvery is how often the ledger is swept for payments the CRM does
// not hold and that have no write-back job (one given up after a long
// outage, or lost to a crash).
const ledgerSweepEvery = 5 * time.Minute

// run sweeps at once and then every ledgerSweepEvery until ctx ends.
func (p *paymentsWiring) run(ctx context.Context) {
	if p == nil {
		return
	}
	go func() {
		t := time.NewTicker(ledgerSweepEvery)
		defer t.Stop()
		for {
			p.sweep(ctx)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// sweepBatch bounds one sweep.
const sweepBatch = 1000

// sweep enqueues the write-back of every payment the CRM does not hold
// (unique jobs: one waiting or running is not doubled) and refreshes the
// write-back gauge.
func (p *paymentsWiring) sweep(ctx context.Context) {
	defer p.refreshGauge(ctx)
	if !p.crm.Capabilities().RecordPayments {
		return
	}
	left, err := p.ledger.UnrecordedPayments(ctx, sweepBatch)
	if err != nil {
		p.log.ErrorContext(ctx, "payments: sweep", "error", err)
		return
	}
	for _, a := range left {
		if a.CRMFailure != "" {
			continue
		}
		if _, err := p.queue.Enqueue(ctx, recordPaymentArgs{AttemptID: a.ID}, jobs.EnqueueOptions{Unique: true}); err != nil {
			p.log.ErrorContext(ctx, "payments: sweep", "attempt", a.ID, "error", err)
			return
		}
	}
}

// refreshGauge sets clientgate_payment_writebacks from the ledger:
// pending are paid attempts the CRM does not hold yet, failed those it
// refused for good. A CRM that cannot record payments has none pending
// (staff were told to record them by hand).
func (p *paymentsWiring) refreshGauge(ctx context.Context) {
	if !p.crm.Capabilities().RecordPayments {
		p.metrics.SetWritebacks(0, 0)
		return
	}
	left, err := p.ledger.UnrecordedPayments(context.WithoutCancel(ctx), sweepBatch)
	if err != nil {
		p.log.ErrorContext(ctx, "payments: write-back gauge", "error", err)
		return
	}
	pending, failed := 0, 0
	for _, a := range left {
		if a.CRMFailure != "" {
			failed++
		} else {
			pending++
		}
	}
	p.metrics.SetWritebacks(pending, failed)
}
