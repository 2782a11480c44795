package jetpackcrm

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"clientgate/connectors"
)

// ListQuotes returns the contact's published and accepted quotes, newest
// first. customer_search leaves quotes out, so this is one customers call
// with {"search":email,"quotes":"true"} (the flag must be the string
// "true"), plus the ID lookup when the contact's email is not remembered.
func (c *Connector) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	if err := connectors.CheckSliceCursor(p.Cursor); err != nil {
		return connectors.Page[connectors.Quote]{}, err
	}
	all, err := c.quotes(ctx, s.ContactID)
	if err != nil {
		return connectors.Page[connectors.Quote]{}, err
	}
	return connectors.PageSlice(all, p)
}

// GetQuote finds the quote among the contact's own quotes.
func (c *Connector) GetQuote(ctx context.Context, s connectors.Scope, quoteID string) (connectors.Quote, error) {
	all, err := c.quotes(ctx, s.ContactID)
	if err != nil {
		return connectors.Quote{}, err
	}
	for _, q := range all {
		if q.ID == quoteID {
			return q, nil
		}
	}
	return connectors.Quote{}, fmt.Errorf("%w: jetpackcrm: quote %q of contact %q", connectors.ErrNotFound, quoteID, s.ContactID)
}

func (c *Connector) quotes(ctx context.Context, contactID string) ([]connectors.Quote, error) {
	obj, err := c.withQuotes(ctx, contactID)
	if err != nil {
		return nil, err
	}
	var out []connectors.Quote
	for _, o := range obj.list("quotes") {
		q, err := c.m.quote(o)
		if errors.Is(err, errHidden) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	newestFirst(out, func(q connectors.Quote) time.Time { return q.IssuedAt }, func(q connectors.Quote) string { return q.ID })
	return out, nil
}

// withQuotes returns the contact object with its quotes attached. The
// search is a substring match, so the contact is picked by exact ID and
// email; a remembered email that no longer matches is looked up again.
func (c *Connector) withQuotes(ctx context.Context, contactID string) (object, error) {
	for attempt := 0; attempt < 2; attempt++ {
		email, err := c.emailOf(ctx, contactID)
		if err != nil {
			return nil, err
		}
		obj, err := c.searchQuotes(ctx, contactID, email)
		if !isNotFound(err) {
			return obj, err
		}
		c.emails.forget(contactID)
	}
	return nil, fmt.Errorf("%w: jetpackcrm: contact %q", connectors.ErrNotFound, contactID)
}

func (c *Connector) searchQuotes(ctx context.Context, contactID, email string) (object, error) {
	for page := 1; page <= c.opts.MaxPages; page++ {
		body, err := c.post(ctx, "customers", map[string]any{
			"search": email, "quotes": "true", "perpage": c.opts.PageSize, "page": page,
		})
		if err != nil {
			return nil, err
		}
		items, err := decodeList("customers", body)
		if err != nil {
			return nil, err
		}
		for _, o := range items {
			if o.id() == contactID && strings.EqualFold(strings.TrimSpace(o.text("email")), email) {
				return o, nil
			}
		}
		if len(items) < c.opts.PageSize {
			return nil, fmt.Errorf("%w: jetpackcrm: contact %q", connectors.ErrNotFound, contactID)
		}
	}
	return nil, c.tooManyPages("customers search")
}
