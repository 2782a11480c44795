package jetpackcrm

import (
	"fmt"
	"strings"

	"clientgate/connectors"
)

// quoteStatus follows the CRM's own rule (its quote list and exporter):
// accepted when the accepted timestamp is set (status 1), published but
// not accepted when a template was used (status -2), else a draft (status
// -1, "not yet published"), which the portal never shows. The CRM has no
// declined or expired state.
func quoteStatus(o object) connectors.QuoteStatus {
	status, _ := o.num("status")
	template, _ := o.num("template")
	switch {
	case !o.unix("accepted").IsZero() || status == 1:
		return connectors.QuoteAccepted
	case status == -2 || template > 0:
		return connectors.QuoteSent
	}
	return connectors.QuoteDraft
}

// quote maps a CRM quote. errHidden for drafts. The internal notes field
// is never mapped; the HTML content becomes plain text.
func (m mapper) quote(o object) (connectors.Quote, error) {
	status := quoteStatus(o)
	if status == connectors.QuoteDraft {
		return connectors.Quote{}, errHidden
	}
	cur := m.currencyOf(o, m.currency)
	q := connectors.Quote{
		ID: o.id(), Number: reference(o), Title: strings.TrimSpace(o.text("title")), Status: status,
		IssuedAt: o.unix("date"), Description: plainText(o.text("content")),
	}
	if status == connectors.QuoteAccepted {
		q.DecidedAt = o.unix("accepted")
	}
	var err error
	if q.Total, err = money(o, "value", cur); err == nil {
		q.Lines, err = m.lines(o, cur)
	}
	if err != nil {
		return connectors.Quote{}, fmt.Errorf("%w: jetpackcrm: quote %s: %v", connectors.ErrUnavailable, q.ID, err)
	}
	return q, nil
}

// transaction maps a CRM transaction. Type "Refund" (or a negative total)
// is a refund, reported as a negative amount.
func (m mapper) transaction(o object) (connectors.Transaction, error) {
	cur := m.currencyOf(o, m.currency)
	amount, err := money(o, "total", cur)
	if err != nil {
		return connectors.Transaction{}, fmt.Errorf("%w: jetpackcrm: transaction %s: %v", connectors.ErrUnavailable, o.id(), err)
	}
	kind := connectors.TransactionPayment
	if strings.EqualFold(strings.TrimSpace(o.text("type")), "refund") || amount.Minor < 0 {
		kind = connectors.TransactionRefund
		if amount.Minor > 0 {
			amount.Minor = -amount.Minor
		}
	}
	return connectors.Transaction{
		ID: o.id(), Reference: strings.TrimSpace(o.text("ref")), Kind: kind,
		Status: transactionStatus(o.text("status")), Title: strings.TrimSpace(o.text("title")),
		Amount: amount, Date: o.unix("date"),
	}, nil
}

// transactionStatus maps the CRM's free-text status. Unknown statuses are
// reported as pending: never as a success the CRM did not state.
func transactionStatus(s string) connectors.TransactionStatus {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "succeeded", "completed", "paid", "success":
		return connectors.TransactionSucceeded
	case "failed", "cancelled", "canceled", "declined", "rejected":
		return connectors.TransactionFailed
	case "refunded":
		return connectors.TransactionRefunded
	}
	return connectors.TransactionPending
}

// task maps a CRM event. errHidden unless the CRM marks it "show on
// portal".
func (m mapper) task(o object) (connectors.Task, error) {
	if !o.flag("show_on_portal") {
		return connectors.Task{}, errHidden
	}
	return connectors.Task{
		ID: o.id(), Title: strings.TrimSpace(o.text("title")), Description: strings.TrimSpace(o.text("desc")),
		Start: o.unix("start"), End: o.unix("end"), Complete: o.flag("complete"),
	}, nil
}
