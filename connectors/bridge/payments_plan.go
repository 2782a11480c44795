package bridge

import "time"

// EventContext is what a ledger looked up for PlanEvent besides the
// attempt: the attempts that could clash with it.
type EventContext struct {
	// OtherLive is the ID of another live attempt of the same invoice, or
	// "", and OtherSettled whether that attempt is settled.
	OtherLive    string
	OtherSettled bool
	// IntentOwner is the ID of the attempt that already has the event's
	// payment (IntentID), or "".
	IntentOwner string
}

// EventPlan is what applying an event to its attempt does.
type EventPlan struct {
	// Discrepancy, when set, is recorded instead of applying anything.
	Discrepancy *PaymentDiscrepancy
	// Attempt is the attempt as it stands afterwards.
	Attempt PaymentAttempt
	// Change, when set, is the change to record (a state change, or a
	// partial refund that keeps the state).
	Change *PaymentChange
	// Cancel, when set, names the invoice's other live (unsettled) attempt,
	// to be canceled first: a replaced checkout was paid after all.
	Cancel string
	// Outcome is EventApplied when the attempt changed (state, refund or
	// provider IDs learnt), EventStale when it did not, EventDiscrepancy.
	Outcome EventOutcome
}

// PlanEvent decides what an event does to the attempt it was matched to:
// nothing but a discrepancy when it does not match (CheckPaymentEvent,
// a payment another attempt owns, a second payment for a paid invoice);
// else it learns the provider IDs the attempt lacks and moves the state
// forwards (CanMove), a refund of part of the payment noting the amount
// refunded. A replaced (canceled) attempt that gets paid after all takes
// the invoice back from its unsettled successor, which Cancel names.
// Events moving backwards or to the same state are stale.
func PlanEvent(a PaymentAttempt, ev PaymentEvent, c EventContext) EventPlan {
	if d := CheckPaymentEvent(a, ev); d != nil {
		return EventPlan{Discrepancy: d, Attempt: a, Outcome: EventDiscrepancy}
	}
	if c.IntentOwner != "" && c.IntentOwner != a.ID {
		return clash(a, ev, DiscrepancyForeign, "the event's payment belongs to attempt "+c.IntentOwner)
	}
	p := EventPlan{Attempt: a, Outcome: EventStale}
	if learnIDs(&p.Attempt, ev) {
		p.Outcome = EventApplied
	}
	to := ev.To
	switch {
	case to == "", to == a.State && to != PaymentFailed:
		return p
	case to == PaymentRefunded && a.State.Settled() && ev.Amount.Currency != "" && ev.Amount.Minor < a.Amount.Minor:
		p.Attempt.Refunded = ev.Amount
		p.Change = &PaymentChange{At: ev.At, From: a.State, To: a.State, Reason: "partly refunded: " + ev.Amount.String(), EventID: ev.ID}
	case !CanMove(a.State, to):
		return p
	case to.Live() && !a.State.Live() && c.OtherLive != "" && c.OtherLive != a.ID && c.OtherSettled:
		return clash(a, ev, DiscrepancyDuplicate, "a replaced checkout was paid while attempt "+c.OtherLive+" has paid the invoice")
	default:
		if to.Live() && !a.State.Live() && c.OtherLive != "" && c.OtherLive != a.ID {
			p.Cancel = c.OtherLive
		}
		p.Attempt.State, p.Attempt.Reason = to, ev.Reason
		if to == PaymentRefunded {
			p.Attempt.Refunded = a.Amount
			if ev.Amount.Currency != "" {
				p.Attempt.Refunded = ev.Amount
			}
		}
		p.Change = &PaymentChange{At: ev.At, From: a.State, To: to, Reason: ev.Reason, EventID: ev.ID}
	}
	p.Attempt.UpdatedAt, p.Outcome = ev.At, EventApplied
	return p
}

// clash is a plan that records a discrepancy about attempt a.
func clash(a PaymentAttempt, ev PaymentEvent, kind DiscrepancyKind, detail string) EventPlan {
	d := &PaymentDiscrepancy{At: ev.At, Provider: ev.Provider, EventID: ev.ID, EventType: ev.Type, Kind: kind,
		AttemptID: a.ID, InvoiceID: a.InvoiceID, SessionID: ev.SessionID, IntentID: ev.IntentID,
		Expected: a.Amount, Got: ev.Amount, Detail: detail}
	return EventPlan{Discrepancy: d, Attempt: a, Outcome: EventDiscrepancy}
}

// ForeignEvent is the discrepancy of an event that matches no attempt.
func ForeignEvent(ev PaymentEvent) *PaymentDiscrepancy {
	return &PaymentDiscrepancy{At: ev.At, Provider: ev.Provider, EventID: ev.ID, EventType: ev.Type,
		Kind: DiscrepancyForeign, InvoiceID: ev.InvoiceID, SessionID: ev.SessionID, IntentID: ev.IntentID,
		Got: ev.Amount, Detail: "no attempt of this portal has the event's checkout or payment"}
}

// learnIDs copies the provider IDs and receipt the attempt lacks from the
// event; it reports whether it copied any.
func learnIDs(a *PaymentAttempt, ev PaymentEvent) bool {
	learnt := false
	for _, f := range []struct {
		have *string
		got  string
	}{{&a.SessionID, ev.SessionID}, {&a.IntentID, ev.IntentID}, {&a.ChargeID, ev.ChargeID}, {&a.ReceiptURL, ev.ReceiptURL}} {
		if *f.have == "" && f.got != "" {
			*f.have, learnt = f.got, true
		}
	}
	return learnt
}

// EventTime returns the event's time in UTC, or now when it has none.
func EventTime(ev PaymentEvent, now time.Time) time.Time {
	if ev.At.IsZero() {
		return now.UTC()
	}
	return ev.At.UTC()
}
