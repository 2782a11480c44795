package main

import (
	"context"

	"clientgate/connectors/payments/staffnote"
	"clientgate/portal/emails"
	"clientgate/portal/i18n"
	"clientgate/portal/notify"
)

// paymentStaffEmail tells staff by email (email.staff_to, in the portal's
// default language) about an online payment they must act on. It queues
// through the outbox with one key per notice, so a notice delivered again
// is emailed once.
type paymentStaffEmail struct {
	n  *notify.Notifier
	to []string
}

// Notify queues the notice's email.
func (e paymentStaffEmail) Notify(ctx context.Context, note staffnote.Notice) error {
	return e.n.ToStaff(ctx, "payments.notice/"+note.ID, e.to, func(l *i18n.Localizer) emails.Content {
		return paymentNoticeContent(l, note)
	})
}

// paymentNoticeContent is the email of one notice: what to do in the
// subject, the facts staff need to find the payment.
func paymentNoticeContent(l *i18n.Localizer, note staffnote.Notice) emails.Content {
	invoice := note.InvoiceNumber
	if invoice == "" {
		invoice = note.InvoiceID
	}
	facts := []emails.Fact{}
	add := func(label, value string) {
		if value != "" {
			facts = append(facts, emails.Fact{Label: l.T(label), Value: value})
		}
	}
	add("paystaff.fact.invoice", invoice)
	if !note.Amount.IsZero() {
		add("paystaff.fact.amount", note.Amount.String())
	}
	add("paystaff.fact.contact", note.ContactID)
	add("paystaff.fact.reference", note.Reference)
	add("paystaff.fact.provider", note.Provider)
	add("paystaff.fact.provider_payment", note.ProviderPayment)
	add("paystaff.fact.detail", note.Detail)
	return emails.Content{
		Subject: l.T("paystaff.subject."+string(note.Kind), "Invoice", invoice),
		Intro:   []string{l.T("paystaff.todo." + string(note.Kind))},
		Facts:   facts,
	}
}
