package connectortest

import (
	"context"
	"slices"
	"time"

	"clientgate/connectors"
)

// entry is one item of any kind, as seeded or as returned.
type entry struct {
	Key     string // Number, Reference or Title: unique within a seed
	ID      string
	When    time.Time
	Hidden  bool // a draft, never shown
	Company bool // belongs to a company, not a contact
	Value   any
}

// kindOps is one list kind (invoices, quotes, transactions, tasks) with
// its type erased, so that checks can loop over every kind.
type kindOps interface {
	Name() string
	Supported(connectors.Capabilities) bool
	List(ctx context.Context, c connectors.Connector, s connectors.Scope, p connectors.PageRequest) ([]entry, string, error)
	// Get is nil-safe: HasGet reports whether the kind has a get method.
	HasGet() bool
	Get(ctx context.Context, c connectors.Connector, s connectors.Scope, id string) (entry, error)
	Seeded(seed Seed, contactKey string) []entry
	Compare(r Reporter, where string, got, want entry)
}

// kind implements kindOps for items of type T.
type kind[T any] struct {
	name      string
	supported func(connectors.Capabilities) bool
	list      func(context.Context, connectors.Connector, connectors.Scope, connectors.PageRequest) (connectors.Page[T], error)
	get       func(context.Context, connectors.Connector, connectors.Scope, string) (T, error)
	key, id   func(T) string
	when      func(T) time.Time
	hidden    func(T) bool
	own       func(SeedContact) []T
	company   func(SeedCompany) []T
	compare   func(r Reporter, where string, got, want T)
}

func (k kind[T]) Name() string                             { return k.name }
func (k kind[T]) Supported(c connectors.Capabilities) bool { return k.supported(c) }
func (k kind[T]) HasGet() bool                             { return k.get != nil }

func (k kind[T]) wrap(v T, company bool) entry {
	return entry{Key: k.key(v), ID: k.id(v), When: k.when(v), Hidden: k.hidden(v), Company: company, Value: v}
}

func (k kind[T]) List(ctx context.Context, c connectors.Connector, s connectors.Scope, p connectors.PageRequest) ([]entry, string, error) {
	page, err := k.list(ctx, c, s, p)
	if err != nil {
		return nil, "", err
	}
	out := make([]entry, len(page.Items))
	for i, v := range page.Items {
		out[i] = k.wrap(v, false)
	}
	return out, page.Next, nil
}

func (k kind[T]) Get(ctx context.Context, c connectors.Connector, s connectors.Scope, id string) (entry, error) {
	v, err := k.get(ctx, c, s, id)
	if err != nil {
		return entry{}, err
	}
	return k.wrap(v, false), nil
}

// Seeded returns the contact's own items, then their company's, as in
// the seed (drafts included, marked Hidden).
func (k kind[T]) Seeded(seed Seed, contactKey string) []entry {
	var out []entry
	for _, sc := range seed.Contacts {
		if sc.Contact.ID != contactKey {
			continue
		}
		for _, v := range k.own(sc) {
			out = append(out, k.wrap(v, false))
		}
		for _, co := range seed.Companies {
			if k.company != nil && sc.Contact.CompanyID != "" && co.Company.ID == sc.Contact.CompanyID {
				for _, v := range k.company(co) {
					out = append(out, k.wrap(v, true))
				}
			}
		}
	}
	return out
}

func (k kind[T]) Compare(r Reporter, where string, got, want entry) {
	r.Helper()
	g, ok1 := got.Value.(T)
	w, ok2 := want.Value.(T)
	if !ok1 || !ok2 {
		r.Errorf("%s: internal: wrong value types", where)
		return
	}
	k.compare(r, where, g, w)
}

// expected returns what a scope must list: the seeded items visible to it
// (company items only with WithCompany and the CompanyItems capability),
// without drafts, newest first.
func expected(k kindOps, seed Seed, contactKey string, withCompany bool, caps connectors.Capabilities) []entry {
	var out []entry
	for _, e := range k.Seeded(seed, contactKey) {
		if e.Hidden || (e.Company && !(withCompany && caps.CompanyItems)) {
			continue
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b entry) int { return b.When.Compare(a.When) })
	return out
}

// allKinds lists the four list kinds.
func allKinds() []kindOps {
	return []kindOps{invoiceKind(), quoteKind(), transactionKind(), taskKind()}
}
