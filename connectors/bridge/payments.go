package bridge

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
)

// PaymentState is where an online payment attempt stands.
type PaymentState string

// The payment attempt states. Created, failed, processing, paid and
// disputed attempts are live: an invoice has at most one live attempt, so
// a paid invoice can never be paid again through the portal. Canceled and
// refunded attempts are closed.
const (
	// PaymentCreated: a checkout exists (or is being made) at the provider.
	PaymentCreated PaymentState = "created"
	// PaymentProcessing: the client finished the checkout; the money has
	// not arrived yet (bank debits and other delayed methods).
	PaymentProcessing PaymentState = "processing"
	// PaymentPaid: the provider took the money.
	PaymentPaid PaymentState = "paid"
	// PaymentFailed: the last try was declined; the client may try again in
	// the same checkout.
	PaymentFailed PaymentState = "failed"
	// PaymentRefunded: the money went back to the client.
	PaymentRefunded PaymentState = "refunded"
	// PaymentDisputed: the client's bank disputes the payment.
	PaymentDisputed PaymentState = "disputed"
	// PaymentCanceled: replaced by a newer attempt, or the checkout could
	// not be made.
	PaymentCanceled PaymentState = "canceled"
)

// Live reports whether an attempt in state s still stands for its invoice.
func (s PaymentState) Live() bool {
	switch s {
	case PaymentCreated, PaymentFailed, PaymentProcessing, PaymentPaid, PaymentDisputed:
		return true
	}
	return false
}

// Settled reports whether the money of an attempt in state s has been
// taken (paid, or disputed after being paid) or is on its way
// (processing): the invoice is paid or being paid.
func (s PaymentState) Settled() bool {
	return s == PaymentProcessing || s == PaymentPaid || s == PaymentDisputed
}

// ErrAlreadyPaid is returned (wrapped, with the attempt) by BeginPayment
// when the invoice is paid or being paid through the portal. It matches
// connectors.ErrConflict.
var ErrAlreadyPaid = fmt.Errorf("bridge: invoice is paid or being paid: %w", connectors.ErrConflict)

// NewPaymentAttempt is what the portal knows when a client asks to pay an
// invoice.
type NewPaymentAttempt struct {
	Provider      string
	InvoiceID     string
	InvoiceNumber string
	ContactID     string
	// Amount is the invoice's amount due at this moment.
	Amount connectors.Money
	// IdempotencyKey is derived from the invoice and the amount due (see
	// payments.IdempotencyKey). The ledger stores it, suffixed with "-2",
	// "-3", … when earlier closed attempts used it.
	IdempotencyKey string
}

// PaymentAttempt is one try to pay an invoice online.
type PaymentAttempt struct {
	ID             string           `json:"id"`
	Provider       string           `json:"provider"`
	InvoiceID      string           `json:"invoice_id"`
	InvoiceNumber  string           `json:"invoice_number"`
	ContactID      string           `json:"contact_id"`
	Amount         connectors.Money `json:"amount"`
	IdempotencyKey string           `json:"idempotency_key"`
	// SessionID and CheckoutURL name the provider's checkout once made.
	SessionID   string `json:"session_id,omitempty"`
	CheckoutURL string `json:"checkout_url,omitempty"`
	// IntentID and ChargeID are the provider's payment IDs, once known.
	IntentID   string       `json:"intent_id,omitempty"`
	ChargeID   string       `json:"charge_id,omitempty"`
	ReceiptURL string       `json:"receipt_url,omitempty"`
	State      PaymentState `json:"state"`
	// Reason says why the last try failed, in the provider's plain words,
	// or why the attempt was canceled.
	Reason string `json:"reason,omitempty"`
	// Refunded is how much went back to the client.
	Refunded connectors.Money `json:"refunded"`
	// CRMReference and CRMRecordedAt are set once the payment is in the
	// CRM (RecordPayment accepted it).
	CRMReference  string    `json:"crm_reference,omitempty"`
	CRMRecordedAt time.Time `json:"crm_recorded_at"`
	// CRMRefunded is how much of Refunded the CRM holds as refunds
	// (see PaymentWriteBacks).
	CRMRefunded connectors.Money `json:"crm_refunded"`
	// CRMFailure says why the CRM refused the payment for good, "" while
	// it has not.
	CRMFailure string    `json:"crm_failure,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// PaymentChange is one state change of an attempt.
type PaymentChange struct {
	At   time.Time    `json:"at"`
	From PaymentState `json:"from"`
	To   PaymentState `json:"to"`
	// Reason is the failure reason or why the change happened.
	Reason string `json:"reason,omitempty"`
	// EventID is the provider event that caused it, if any.
	EventID string `json:"event_id,omitempty"`
}

// PaymentEvent is a provider's webhook event as the ledger applies it.
type PaymentEvent struct {
	Provider string
	// ID is the provider's event ID: each is applied once.
	ID   string
	Type string
	// To is the state the event moves its attempt to.
	To PaymentState
	// AttemptID, InvoiceID and ContactID are what the event's metadata
	// says (set by the checkout), "" when it has none.
	AttemptID, InvoiceID, ContactID string
	// SessionID, IntentID and ChargeID are the provider's IDs the event
	// names.
	SessionID, IntentID, ChargeID string
	// Amount is the amount the event reports (paid, refunded or
	// disputed); zero when it states none.
	Amount     connectors.Money
	Reason     string
	ReceiptURL string
	At         time.Time
}

// EventOutcome says what applying an event did.
type EventOutcome string

// The event outcomes.
const (
	// EventApplied: the attempt changed state (or learnt provider IDs).
	EventApplied EventOutcome = "applied"
	// EventDuplicate: the event was applied before; nothing changed.
	EventDuplicate EventOutcome = "duplicate"
	// EventStale: the event would move the attempt backwards (events
	// arrive out of order), or to where it already is; nothing changed.
	EventStale EventOutcome = "stale"
	// EventDiscrepancy: the event does not match the ledger; it was
	// recorded for staff and not applied.
	EventDiscrepancy EventOutcome = "discrepancy"
)

// DiscrepancyKind names what did not match.
type DiscrepancyKind string

// The discrepancy kinds.
const (
	DiscrepancyAmount   DiscrepancyKind = "amount_mismatch"
	DiscrepancyCurrency DiscrepancyKind = "currency_mismatch"
	// DiscrepancyUnknownInvoice: the event names an invoice or contact its
	// attempt does not have.
	DiscrepancyUnknownInvoice DiscrepancyKind = "unknown_invoice"
	// DiscrepancyForeign: no attempt of this portal has the event's
	// session or payment (another portal on the same provider account).
	DiscrepancyForeign DiscrepancyKind = "foreign_session"
	// DiscrepancyDuplicate: a second payment for an invoice that another
	// attempt already paid.
	DiscrepancyDuplicate DiscrepancyKind = "duplicate_payment"
)

// PaymentDiscrepancy is an event that did not match the ledger, kept for
// staff and never applied.
type PaymentDiscrepancy struct {
	ID int64 `json:"id"`
	// At is when the ledger recorded it.
	At        time.Time        `json:"at"`
	Provider  string           `json:"provider"`
	EventID   string           `json:"event_id"`
	EventType string           `json:"event_type"`
	Kind      DiscrepancyKind  `json:"kind"`
	AttemptID string           `json:"attempt_id,omitempty"`
	InvoiceID string           `json:"invoice_id,omitempty"`
	SessionID string           `json:"session_id,omitempty"`
	IntentID  string           `json:"intent_id,omitempty"`
	Expected  connectors.Money `json:"expected"`
	Got       connectors.Money `json:"got"`
	Detail    string           `json:"detail"`
}

// ApplyResult is what ApplyPaymentEvent did.
type ApplyResult struct {
	Outcome EventOutcome
	// Attempt is the attempt as it stands afterwards (zero when none
	// matched).
	Attempt PaymentAttempt
	// Discrepancy is set when Outcome is EventDiscrepancy.
	Discrepancy *PaymentDiscrepancy
	// Superseded is the attempt the event's payment replaced (see
	// EventPlan.Cancel), whose checkout the caller should expire.
	Superseded *PaymentAttempt
}

// PaymentLedger keeps every online payment attempt, its state changes,
// the provider events applied (each once) and the discrepancies found. It
// is safe for concurrent use by several replicas on one database.
type PaymentLedger interface {
	// BeginPayment returns the invoice's live created or failed attempt
	// when it is for the same amount (a double click, a second tab, a
	// retry), else cancels it (returned in superseded, whose checkouts the
	// caller should expire) and creates a new attempt. ErrAlreadyPaid, with
	// the settled attempt, when the invoice is paid or being paid;
	// ErrInvalid for a malformed request.
	BeginPayment(ctx context.Context, a NewPaymentAttempt) (attempt PaymentAttempt, superseded []PaymentAttempt, err error)
	// AttachCheckout records the provider's checkout of a created attempt.
	// ErrNotFound for an unknown attempt; ErrConflict when the session
	// belongs to another attempt.
	AttachCheckout(ctx context.Context, attemptID, sessionID, url string) error
	// CancelPayment closes a created or failed attempt (the checkout could
	// not be made, or was expired); ErrConflict in any other state.
	CancelPayment(ctx context.Context, attemptID, reason string) error
	// ApplyPaymentEvent applies a provider event once: a second delivery
	// of the same event ID changes nothing and reports EventDuplicate. An
	// event that does not match its attempt (amount, currency, invoice) or
	// matches none is recorded as a discrepancy and not applied.
	ApplyPaymentEvent(ctx context.Context, ev PaymentEvent) (ApplyResult, error)
	// PaymentAttempt returns an attempt; ErrNotFound when unknown.
	PaymentAttempt(ctx context.Context, id string) (PaymentAttempt, error)
	// InvoicePayment returns the invoice's live attempt, or else its
	// latest one; ErrNotFound when it has none. The portal shows its state
	// and, when a paid attempt's CRM still shows the invoice open, "paid
	// online, being confirmed".
	InvoicePayment(ctx context.Context, invoiceID string) (PaymentAttempt, error)
	// InvoicePayments lists an invoice's attempts, newest first.
	InvoicePayments(ctx context.Context, invoiceID string) ([]PaymentAttempt, error)
	// PaymentChanges lists an attempt's state changes, oldest first.
	PaymentChanges(ctx context.Context, attemptID string) ([]PaymentChange, error)
	// UnrecordedPayments lists paid attempts not yet in the CRM, oldest
	// first, at most limit: the write-back's backlog.
	UnrecordedPayments(ctx context.Context, limit int) ([]PaymentAttempt, error)
	// MarkPaymentRecorded notes that the CRM accepted the payment under
	// reference. ErrNotFound for an unknown attempt.
	MarkPaymentRecorded(ctx context.Context, attemptID, reference string, at time.Time) error
	// PaymentDiscrepancies lists discrepancies, newest first, at most
	// limit (1 to 1000; 0 or less means 100).
	PaymentDiscrepancies(ctx context.Context, limit int) ([]PaymentDiscrepancy, error)
}

// IsAlreadyPaid reports whether err is BeginPayment's ErrAlreadyPaid.
func IsAlreadyPaid(err error) bool { return errors.Is(err, ErrAlreadyPaid) }
