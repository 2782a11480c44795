package connectortest_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/fake"
)

// recorder is a connectortest.Reporter that keeps the failures.
type recorder struct {
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// loaded is a fake loaded with a seed, and its contacts by seed key.
type loaded struct {
	f        *fake.Connector
	contacts map[string]connectors.Contact
}

func load(seed connectortest.Seed) loaded {
	f := fake.New()
	return loaded{f: f, contacts: connectortest.LoadFake(f, seed)}
}

func (l loaded) contactIDs() []string {
	var ids []string
	for _, c := range l.contacts {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	return ids
}

// breakage is a deliberately broken connector and the check that must
// catch it.
type breakage struct {
	name  string
	check connectortest.Check
	seed  func() connectortest.Seed
	wrap  func(l loaded) connectors.Connector
	want  string // a substring one of the failures must hold
}

func TestChecksPassOnTheFake(t *testing.T) {
	for _, b := range breakages() {
		t.Run(b.name, func(t *testing.T) {
			seed := b.seed()
			rec := &recorder{}
			b.check(rec, load(seed).f, seed)
			if len(rec.errs) > 0 {
				t.Errorf("check fails on the correct fake: %s", strings.Join(rec.errs, "\n"))
			}
		})
	}
}

func TestChecksCatchBrokenConnectors(t *testing.T) {
	for _, b := range breakages() {
		t.Run(b.name, func(t *testing.T) {
			seed := b.seed()
			rec := &recorder{}
			b.check(rec, b.wrap(load(seed)), seed)
			if len(rec.errs) == 0 {
				t.Fatalf("check passed a broken connector")
			}
			if !slices.ContainsFunc(rec.errs, func(s string) bool { return strings.Contains(s, b.want) }) {
				t.Errorf("no failure mentions %q; got:\n%s", b.want, strings.Join(rec.errs, "\n"))
			}
		})
	}
}

func breakages() []breakage {
	std, amb := connectortest.StandardSeed, connectortest.AmbiguousSeed
	return []breakage{
		{"invoice leaks to other contacts", connectortest.CheckIsolation, std,
			func(l loaded) connectors.Connector { return leakyInvoices{l.f, l.contactIDs()} }, "LEAK"},
		{"lists oldest first", connectortest.CheckLists, std,
			func(l loaded) connectors.Connector { return oldestFirst{l.f} }, "newest first"},
		{"shows a draft quote", connectortest.CheckLists, std,
			func(l loaded) connectors.Connector { return draftShown{l.f} }, "Q-DRAFT"},
		{"other contact's quotes listed", connectortest.CheckIsolation, std,
			func(l loaded) connectors.Connector { return quotesOf{l.f, l.contacts["seed-zoe"].ID} }, "LEAK"},
		{"garbage cursor accepted", connectortest.CheckPaging, std,
			func(l loaded) connectors.Connector { return cursorIgnored{l.f} }, "cursor"},
		{"page size ignored", connectortest.CheckPaging, std,
			func(l loaded) connectors.Connector { return limitIgnored{l.f} }, "per page"},
		{"email case matters", connectortest.CheckContacts, std,
			func(l loaded) connectors.Connector { return caseSensitive{l.f} }, "FindContactByEmail"},
		{"cancel ignored", connectortest.CheckCancelled, std,
			func(l loaded) connectors.Connector { return cancelIgnored{l.f} }, "cancelled"},
		{"decision always changes", connectortest.CheckDecideQuote, std,
			func(l loaded) connectors.Connector { return alwaysChanged{l.f} }, "changed"},
		{"update clears untouched fields", connectortest.CheckUpdateContact, std,
			func(l loaded) connectors.Connector { return clobber{l.f} }, "UpdateContact result"},
		{"capabilities lie", connectortest.CheckUnsupported, std,
			func(l loaded) connectors.Connector { return noInvoiceCaps{l.f} }, "without the capability"},
		{"duplicate email created", connectortest.CheckCreateContact, std,
			func(l loaded) connectors.Connector { return dupCreate{l.f} }, "taken email"},
		{"ambiguous email picks one", connectortest.CheckAmbiguous, amb,
			func(l loaded) connectors.Connector { return firstMatch{l.f} }, "shared email"},
		{"repeated payment reported as recorded", connectortest.CheckRecordPayment, std,
			func(l loaded) connectors.Connector { return alwaysRecorded{l.f} }, "recorded"},
		{"payment of another contact's invoice", connectortest.CheckRecordPayment, std,
			func(l loaded) connectors.Connector { return payAnyInvoice{l.f, l.contactIDs()} }, "another contact's invoice"},
	}
}

type leakyInvoices struct {
	connectors.Connector
	all []string
}

func (c leakyInvoices) GetInvoice(ctx context.Context, s connectors.Scope, id string) (connectors.Invoice, error) {
	inv, err := c.Connector.GetInvoice(ctx, s, id)
	for _, other := range c.all {
		if err == nil {
			break
		}
		inv, err = c.Connector.GetInvoice(ctx, connectors.Scope{ContactID: other, WithCompany: true}, id)
	}
	return inv, err
}

type oldestFirst struct{ connectors.Connector }

func (c oldestFirst) ListInvoices(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	page, err := c.Connector.ListInvoices(ctx, s, p)
	slices.Reverse(page.Items)
	return page, err
}

type draftShown struct{ connectors.Connector }

func (c draftShown) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	page, err := c.Connector.ListQuotes(ctx, s, p)
	if err == nil && p.Cursor == "" {
		page.Items = append(page.Items, connectors.Quote{ID: "d1", Number: "Q-DRAFT", Status: connectors.QuoteDraft})
	}
	return page, err
}

type quotesOf struct {
	connectors.Connector
	victim string
}

func (c quotesOf) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	return c.Connector.ListQuotes(ctx, connectors.Scope{ContactID: c.victim}, p)
}

type cursorIgnored struct{ connectors.Connector }

func (c cursorIgnored) ListTasks(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
	page, err := c.Connector.ListTasks(ctx, s, p)
	if errors.Is(err, connectors.ErrInvalid) {
		p.Cursor = ""
		return c.Connector.ListTasks(ctx, s, p)
	}
	return page, err
}

type limitIgnored struct{ connectors.Connector }

func (c limitIgnored) ListTransactions(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
	page, err := c.Connector.ListTransactions(ctx, s, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err == nil && p.Cursor != "" {
		page.Items = nil
	}
	return page, err
}

type caseSensitive struct{ connectors.Connector }

func (c caseSensitive) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	ct, err := c.Connector.FindContactByEmail(ctx, email)
	if err == nil && ct.Email != email {
		return connectors.Contact{}, connectors.ErrNotFound
	}
	return ct, err
}

type cancelIgnored struct{ connectors.Connector }

func (c cancelIgnored) GetTask(_ context.Context, s connectors.Scope, id string) (connectors.Task, error) {
	return c.Connector.GetTask(context.Background(), s, id)
}

type alwaysChanged struct{ connectors.Connector }

func (c alwaysChanged) DecideQuote(ctx context.Context, s connectors.Scope, id string, d connectors.Decision) (connectors.Quote, bool, error) {
	q, _, err := c.Connector.DecideQuote(ctx, s, id, d)
	return q, err == nil, err
}

type clobber struct{ connectors.Connector }

func (c clobber) UpdateContact(ctx context.Context, id string, p connectors.ContactPatch) (connectors.Contact, error) {
	full := connectors.ContactPatch{}
	for _, f := range connectors.PatchableFields {
		full[f] = ""
	}
	for f, v := range p {
		full[f] = v
	}
	return c.Connector.UpdateContact(ctx, id, full)
}

type noInvoiceCaps struct{ connectors.Connector }

func (c noInvoiceCaps) Capabilities() connectors.Capabilities {
	caps := c.Connector.Capabilities()
	caps.Invoices = false
	return caps
}

type dupCreate struct{ connectors.Connector }

func (c dupCreate) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	ct, err := c.Connector.CreateContact(ctx, nc)
	if errors.Is(err, connectors.ErrConflict) {
		return connectors.Contact{ID: "dup", Email: nc.Email}, nil
	}
	return ct, err
}

type firstMatch struct{ connectors.Connector }

func (c firstMatch) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	ct, err := c.Connector.FindContactByEmail(ctx, email)
	if errors.Is(err, connectors.ErrAmbiguous) {
		return connectors.Contact{ID: "first", Email: email}, nil
	}
	return ct, err
}

type alwaysRecorded struct{ connectors.Connector }

func (c alwaysRecorded) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	t, _, err := c.Connector.RecordPayment(ctx, s, p)
	return t, err == nil, err
}

type payAnyInvoice struct {
	connectors.Connector
	all []string
}

func (c payAnyInvoice) RecordPayment(ctx context.Context, s connectors.Scope, p connectors.Payment) (connectors.Transaction, bool, error) {
	t, ok, err := c.Connector.RecordPayment(ctx, s, p)
	for _, other := range c.all {
		if !errors.Is(err, connectors.ErrNotFound) {
			break
		}
		t, ok, err = c.Connector.RecordPayment(ctx, connectors.Scope{ContactID: other, WithCompany: true}, p)
	}
	return t, ok, err
}
