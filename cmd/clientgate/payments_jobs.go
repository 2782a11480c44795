package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors/bridge"
	"clientgate/connectors/jobs"
	"clientgate/connectors/payments/payflow"
	"clientgate/connectors/payments/staffnote"
)

// recordPaymentArgs is the job that writes an attempt's payment into the
// CRM (payflow.Flow.Record), retried with backoff while the CRM is down.
type recordPaymentArgs struct {
	AttemptID string `json:"attempt_id"`
}

// Kind names the job kind.
func (recordPaymentArgs) Kind() string { return "payments.record" }

// recordRefundArgs is the job that writes an attempt's refunds into the
// CRM (payflow.Flow.RecordRefund), once per refunded total.
type recordRefundArgs struct {
	AttemptID string `json:"attempt_id"`
	Refunded  int64  `json:"refunded"`
}

// Kind names the job kind.
func (recordRefundArgs) Kind() string { return "payments.refund" }

// staffNoticeArgs is the job that delivers a notice to staff.
type staffNoticeArgs struct {
	ID     string           `json:"id" river:"unique"`
	Notice staffnote.Notice `json:"notice"`
}

// Kind names the job kind.
func (staffNoticeArgs) Kind() string { return "payments.staff_notice" }

// Attempts of the payment jobs: with the queue's backoff (15s doubling
// to 1h) a write-back keeps trying for about a week before the job is
// kept as discarded (the periodic sweep enqueues it again).
const (
	writeBackAttempts = 200
	noticeAttempts    = 100
)

// registerJobs registers the payment job kinds.
func (p *paymentsWiring) registerJobs() error {
	return errors.Join(
		jobs.Register(p.queue, p.recordJob, jobs.KindOptions{MaxAttempts: writeBackAttempts}),
		jobs.Register(p.queue, p.refundJob, jobs.KindOptions{MaxAttempts: writeBackAttempts}),
		jobs.Register(p.queue, p.noticeJob, jobs.KindOptions{MaxAttempts: noticeAttempts}),
	)
}

// recordJob writes a payment into the CRM: retried while the CRM is
// unreachable, given up (and staff told) when it refuses for good.
func (p *paymentsWiring) recordJob(ctx context.Context, j *jobs.Job[recordPaymentArgs]) error {
	defer p.refreshGauge(ctx)
	id := j.Args.AttemptID
	err := p.flow.Record(ctx, id)
	switch {
	case err == nil:
		return p.afterRecorded(ctx, id)
	case payflow.Permanent(err):
		p.log.ErrorContext(ctx, "payments: the CRM refused the payment for good", "attempt", id, "error", err)
		if nerr := p.noticeFor(ctx, id, staffnote.KindPaymentRefused, "payment-refused-"+id, err.Error()); nerr != nil {
			return nerr
		}
		return jobs.Cancel(err)
	}
	p.log.WarnContext(ctx, "payments: the CRM did not take the payment; retrying", "attempt", id,
		"try", j.Attempt, "of", j.MaxAttempts, "error", err)
	return err
}

// afterRecorded tells staff what the CRM could not do with a recorded
// payment, and writes back refunds that came before it was recorded.
func (p *paymentsWiring) afterRecorded(ctx context.Context, id string) error {
	a, err := p.ledger.PaymentAttempt(ctx, id)
	if err != nil {
		return err
	}
	caps := p.crm.Capabilities()
	switch {
	case !caps.RecordPayments:
		err = p.notice(ctx, a, staffnote.KindRecordByHand, "record-by-hand-"+a.ID, fmt.Sprintf(
			"Invoice %s was paid online (%s); the CRM cannot record payments: record it as %s and mark the invoice paid.",
			a.InvoiceNumber, a.Amount, payflow.Reference(a)))
	case !caps.SettlesInvoices:
		err = p.notice(ctx, a, staffnote.KindSettle, "settle-"+a.ID, fmt.Sprintf(
			"Invoice %s was paid online (%s) and is recorded in the CRM as transaction %s; the CRM cannot mark invoices paid: mark it paid there.",
			a.InvoiceNumber, a.Amount, a.CRMReference))
	}
	if err != nil {
		return err
	}
	return p.enqueueRefund(ctx, a)
}

// refundJob writes an attempt's refunds into the CRM.
func (p *paymentsWiring) refundJob(ctx context.Context, j *jobs.Job[recordRefundArgs]) error {
	id := j.Args.AttemptID
	err := p.flow.RecordRefund(ctx, id)
	switch {
	case err == nil && !p.crm.Capabilities().RecordPayments:
		return p.noticeFor(ctx, id, staffnote.KindRefundByHand, fmt.Sprintf("refund-by-hand-%s-%d", id, j.Args.Refunded),
			"The payment was refunded online; the CRM cannot record refunds: record it by hand.")
	case err == nil:
		return nil
	case payflow.Permanent(err):
		p.log.ErrorContext(ctx, "payments: the CRM refused the refund for good", "attempt", id, "error", err)
		if nerr := p.noticeFor(ctx, id, staffnote.KindRefundRefused, fmt.Sprintf("refund-refused-%s-%d", id, j.Args.Refunded), err.Error()); nerr != nil {
			return nerr
		}
		return jobs.Cancel(err)
	}
	p.log.WarnContext(ctx, "payments: the refund is not in the CRM yet; retrying", "attempt", id, "try", j.Attempt, "error", err)
	return err
}

// noticeJob delivers a notice to every staff notifier: retried while one
// fails, given up when one rejects it for good.
func (p *paymentsWiring) noticeJob(ctx context.Context, j *jobs.Job[staffNoticeArgs]) error {
	for _, n := range p.notify {
		err := n.Notify(ctx, j.Args.Notice)
		switch {
		case errors.Is(err, staffnote.ErrRejected):
			p.log.ErrorContext(ctx, "payments: a staff notice was rejected", "notice", j.Args.ID, "error", err)
			return jobs.Cancel(err)
		case err != nil:
			p.log.WarnContext(ctx, "payments: a staff notice was not delivered; retrying", "notice", j.Args.ID, "try", j.Attempt, "error", err)
			return err
		}
	}
	return nil
}

// noticeFor tells staff about attempt id.
func (p *paymentsWiring) noticeFor(ctx context.Context, id string, kind staffnote.Kind, noticeID, detail string) error {
	a, err := p.ledger.PaymentAttempt(ctx, id)
	if err != nil {
		return err
	}
	return p.notice(ctx, a, kind, noticeID, detail)
}

// notice logs what staff must do and queues it for the notifiers.
func (p *paymentsWiring) notice(ctx context.Context, a bridge.PaymentAttempt, kind staffnote.Kind, id, detail string) error {
	n := staffnote.Notice{ID: id, Kind: kind, At: time.Now().UTC(), Provider: a.Provider, AttemptID: a.ID,
		InvoiceID: a.InvoiceID, InvoiceNumber: a.InvoiceNumber, ContactID: a.ContactID, Amount: a.Amount,
		Reference: payflow.Reference(a), ProviderPayment: a.IntentID, Detail: detail}
	return p.send(ctx, n)
}

// send logs a notice and, with notifiers configured, queues it.
func (p *paymentsWiring) send(ctx context.Context, n staffnote.Notice) error {
	p.log.WarnContext(ctx, "payments: staff must act", "notice", n.ID, "kind", string(n.Kind), "invoice", n.InvoiceNumber,
		"amount", n.Amount.String(), "detail", n.Detail)
	if len(p.notify) == 0 {
		return nil
	}
	_, err := p.queue.Enqueue(ctx, staffNoticeArgs{ID: n.ID, Notice: n}, jobs.EnqueueOptions{Unique: true})
	return err
}
