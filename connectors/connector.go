package connectors

import (
	"context"
	"slices"
)

// Scope names whose items a per-contact call may see: always the contact's
// own, and also the contact's company's when WithCompany is set and the
// connector has the CompanyItems capability (otherwise WithCompany is
// ignored).
type Scope struct {
	ContactID   string
	WithCompany bool
}

// Paging limits.
const (
	// DefaultLimit is the page size when a PageRequest leaves Limit at 0.
	DefaultLimit = 20
	// MaxLimit is the largest page size; larger requests are cut to it.
	MaxLimit = 100
)

// PageRequest asks for one page of a list.
type PageRequest struct {
	// Limit is the most items to return; 0 means DefaultLimit.
	Limit int
	// Cursor is "" for the first page, else a Page.Next from an earlier
	// call with the same scope. Cursors are opaque.
	Cursor string
}

// Size returns the page size to use: Limit bounded to 1..MaxLimit, or
// DefaultLimit when Limit is 0 or less.
func (p PageRequest) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultLimit
	case p.Limit > MaxLimit:
		return MaxLimit
	}
	return p.Limit
}

// Page is one page of a list, newest first.
type Page[T any] struct {
	Items []T `json:"items"`
	// Next is the cursor of the following page, or "" on the last page.
	Next string `json:"next_cursor,omitempty"`
}

// Capabilities says which optional operations a connector supports. An
// operation it does not support returns ErrUnsupported; the portal hides
// the matching module or action.
type Capabilities struct {
	Invoices      bool `json:"invoices"`
	Quotes        bool `json:"quotes"`
	DecideQuotes  bool `json:"decide_quotes"`
	Transactions  bool `json:"transactions"`
	Tasks         bool `json:"tasks"`
	UpdateContact bool `json:"update_contact"`
	CreateContact bool `json:"create_contact"`
	// CompanyItems means Scope.WithCompany is honoured.
	CompanyItems bool `json:"company_items"`
	// WritableFields are the contact fields UpdateContact can store; empty
	// means every field of PatchableFields. A patch naming another field
	// is refused with a *ValidationError.
	WritableFields []Field `json:"writable_fields,omitempty"`

	// RecordPayments means RecordPayment can write a payment received
	// online (through a payment provider) into the CRM.
	RecordPayments bool `json:"record_payments"`
	// SettlesInvoices means RecordPayment also marks the invoice paid or
	// partially paid and lowers its amount due. Without it the CRM keeps
	// the invoice open until staff settle it, and the portal shows the
	// payment from its own ledger meanwhile.
	SettlesInvoices bool `json:"settles_invoices"`
}

// CanWrite reports whether UpdateContact can store field f.
func (c Capabilities) CanWrite(f Field) bool {
	if !c.UpdateContact {
		return false
	}
	return len(c.WritableFields) == 0 || slices.Contains(c.WritableFields, f)
}

// Connector is a CRM as the portal uses it. Implementations must be safe
// for concurrent use. Every method returns ErrUnavailable (wrapped) when
// the backend cannot be reached or answers with garbage, ErrBackendAuth
// when it rejects clientgate's credentials, ErrMisconfigured when it is not
// set up for clientgate, and the context's error when ctx ends first.
type Connector interface {
	// Name is a short constant naming the adapter, such as "sqlstore", for
	// logs and metrics.
	Name() string

	// Capabilities reports which optional operations are supported.
	Capabilities() Capabilities

	// Ping checks that the backend answers and accepts the credentials.
	Ping(ctx context.Context) error

	// FindContactByEmail returns the one contact whose email matches,
	// ignoring case. ErrNotFound when none, ErrAmbiguous when several.
	FindContactByEmail(ctx context.Context, email string) (Contact, error)

	// GetContact returns a contact by ID. ErrNotFound when there is none.
	GetContact(ctx context.Context, contactID string) (Contact, error)

	// CreateContact creates a contact for auto-provisioning and returns it.
	// ErrInvalid for a bad email, ErrConflict when the email is taken,
	// ErrUnsupported without the CreateContact capability.
	CreateContact(ctx context.Context, c NewContact) (Contact, error)

	// UpdateContact applies the patch and returns the contact as stored
	// afterwards. Fields not in the patch are kept. ErrNotFound for an
	// unknown contact, ErrInvalid (a *ValidationError where possible) for
	// values the backend cannot store, ErrUnsupported without the
	// UpdateContact capability.
	UpdateContact(ctx context.Context, contactID string, p ContactPatch) (Contact, error)

	// GetCompany returns the company of the scope's contact. ErrNotFound
	// when the contact has no company (or does not exist).
	GetCompany(ctx context.Context, s Scope) (Company, error)

	// ListInvoices returns the scope's invoices, newest first, without
	// drafts. ErrInvalid for a bad cursor, ErrUnsupported without the
	// Invoices capability.
	ListInvoices(ctx context.Context, s Scope, p PageRequest) (Page[Invoice], error)

	// GetInvoice returns one of the scope's invoices. ErrNotFound when it
	// does not exist, is a draft, or belongs to anyone else.
	GetInvoice(ctx context.Context, s Scope, invoiceID string) (Invoice, error)

	// ListQuotes returns the scope's quotes, newest first, without drafts.
	// ErrInvalid for a bad cursor, ErrUnsupported without Quotes.
	ListQuotes(ctx context.Context, s Scope, p PageRequest) (Page[Quote], error)

	// GetQuote returns one of the scope's quotes. ErrNotFound when it does
	// not exist, is a draft, or belongs to anyone else.
	GetQuote(ctx context.Context, s Scope, quoteID string) (Quote, error)

	// DecideQuote accepts or declines a sent quote and returns it as
	// stored afterwards. Deciding the same way again changes nothing and
	// reports changed == false. ErrConflict when the quote was decided the
	// other way or has expired, ErrNotFound as for GetQuote,
	// ErrUnsupported without DecideQuotes.
	DecideQuote(ctx context.Context, s Scope, quoteID string, d Decision) (q Quote, changed bool, err error)

	// ListTransactions returns the scope's payments and refunds, newest
	// first. ErrInvalid for a bad cursor, ErrUnsupported without
	// Transactions.
	ListTransactions(ctx context.Context, s Scope, p PageRequest) (Page[Transaction], error)

	// ListTasks returns the tasks and events shared with the contact,
	// latest start first. ErrInvalid for a bad cursor, ErrUnsupported
	// without Tasks.
	ListTasks(ctx context.Context, s Scope, p PageRequest) (Page[Task], error)

	// GetTask returns one of the contact's tasks. ErrNotFound when it does
	// not exist or is not shared with the contact.
	GetTask(ctx context.Context, s Scope, taskID string) (Task, error)

	// RecordPayment writes a payment (or refund) received online against
	// one of the scope's invoices and returns the transaction as stored.
	// It is idempotent by p.Reference: recording the same payment again
	// changes nothing and reports recorded == false. ErrNotFound when the
	// invoice is not the scope's (as for GetInvoice), ErrInvalid for a
	// malformed payment or a currency other than the invoice's,
	// ErrConflict when the reference was used for a different payment or
	// the amount exceeds what is due, ErrUnsupported without the
	// RecordPayments capability.
	RecordPayment(ctx context.Context, s Scope, p Payment) (t Transaction, recorded bool, err error)
}
