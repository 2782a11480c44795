package fake

import (
	"context"
	"fmt"
	"time"

	"clientgate/connectors"
)

func canQuotes(c connectors.Capabilities) bool { return c.Quotes }

// ListQuotes returns the scope's quotes without drafts, newest first.
func (f *Connector) ListQuotes(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	if err := f.begin(ctx, "ListQuotes", canQuotes); err != nil {
		return connectors.Page[connectors.Quote]{}, err
	}
	f.mu.Lock()
	var items []connectors.Quote
	for _, o := range f.quotes {
		if o.item.Status != connectors.QuoteDraft && f.visible(s, o.contactID, o.companyID) {
			items = append(items, copyQuote(o.item))
		}
	}
	f.mu.Unlock()
	newestFirst(items,
		func(q connectors.Quote) time.Time { return q.IssuedAt },
		func(q connectors.Quote) string { return q.ID })
	return connectors.PageSlice(items, p)
}

// GetQuote returns one of the scope's quotes that is not a draft.
func (f *Connector) GetQuote(ctx context.Context, s connectors.Scope, quoteID string) (connectors.Quote, error) {
	if err := f.begin(ctx, "GetQuote", canQuotes); err != nil {
		return connectors.Quote{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.findQuote(s, quoteID)
	if i < 0 {
		return connectors.Quote{}, fmt.Errorf("fake: quote: %w", connectors.ErrNotFound)
	}
	return copyQuote(f.quotes[i].item), nil
}

// findQuote returns the index of a visible, non-draft quote, or -1.
// f.mu must be held.
func (f *Connector) findQuote(s connectors.Scope, quoteID string) int {
	for i, o := range f.quotes {
		if o.item.ID == quoteID && o.item.Status != connectors.QuoteDraft && f.visible(s, o.contactID, o.companyID) {
			return i
		}
	}
	return -1
}

// DecideQuote accepts or declines a sent quote. Deciding the same way
// again reports changed == false; the other way, or an expired quote, is
// ErrConflict.
func (f *Connector) DecideQuote(ctx context.Context, s connectors.Scope, quoteID string, d connectors.Decision) (connectors.Quote, bool, error) {
	err := f.begin(ctx, "DecideQuote", func(c connectors.Capabilities) bool { return c.Quotes && c.DecideQuotes })
	if err != nil {
		return connectors.Quote{}, false, err
	}
	want := connectors.QuoteDeclined
	if d.Accept {
		want = connectors.QuoteAccepted
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.findQuote(s, quoteID)
	if i < 0 {
		return connectors.Quote{}, false, fmt.Errorf("fake: decide quote: %w", connectors.ErrNotFound)
	}
	q := &f.quotes[i].item
	now := f.now()
	switch {
	case q.Status == want:
		return copyQuote(*q), false, nil
	case q.Status != connectors.QuoteSent:
		return connectors.Quote{}, false, fmt.Errorf("fake: decide quote: quote is %s: %w", q.Status, connectors.ErrConflict)
	case !q.ValidUntil.IsZero() && q.ValidUntil.Before(now):
		return connectors.Quote{}, false, fmt.Errorf("fake: decide quote: quote has expired: %w", connectors.ErrConflict)
	}
	q.Status, q.DecidedAt = want, utc(d.At)
	if q.DecidedAt.IsZero() {
		q.DecidedAt = now
	}
	return copyQuote(*q), true, nil
}
