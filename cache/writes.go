package cache

import (
	"context"
	"errors"

	"clientgate/connectors"
)

// mayHaveChanged reports whether a write that returned err may have changed
// the backend (or shown that the cache is out of date): every outcome but a
// rejection of the input.
func mayHaveChanged(err error) bool {
	return !errors.Is(err, connectors.ErrInvalid) && !errors.Is(err, connectors.ErrUnsupported)
}

// CreateContact creates a contact and drops what was cached for its email,
// including a remembered "no contact with this email".
func (c *Cache) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	if err := ctx.Err(); err != nil {
		return connectors.Contact{}, err
	}
	ct, err := c.next.CreateContact(ctx, nc)
	if mayHaveChanged(err) {
		c.invalidate(Invalidation{Email: nc.Email, ContactID: ct.ID})
	}
	return ct, err
}

// UpdateContact updates a contact and drops its entries.
func (c *Cache) UpdateContact(ctx context.Context, contactID string, p connectors.ContactPatch) (connectors.Contact, error) {
	if err := ctx.Err(); err != nil {
		return connectors.Contact{}, err
	}
	ct, err := c.next.UpdateContact(ctx, contactID, p)
	if mayHaveChanged(err) {
		c.invalidate(Invalidation{ContactID: contactID})
	}
	return ct, err
}

// DecideQuote decides a quote and drops the contact's entries, and every
// company-scoped entry when the quote belongs to a company (other contacts
// of the company see it).
func (c *Cache) DecideQuote(ctx context.Context, s connectors.Scope, quoteID string, d connectors.Decision) (connectors.Quote, bool, error) {
	if err := ctx.Err(); err != nil {
		return connectors.Quote{}, false, err
	}
	q, changed, err := c.next.DecideQuote(ctx, s, quoteID, d)
	if mayHaveChanged(err) {
		c.invalidate(Invalidation{ContactID: s.ContactID, CompanyScoped: s.WithCompany || q.CompanyID != ""})
	}
	return q, changed, err
}
