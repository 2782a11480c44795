package sqlstore

import (
	"context"
	"fmt"
	"time"

	"clientgate/connectors"
)

// DecideQuote accepts or declines a sent quote and records who decided,
// when and from where. The conditional UPDATE (status still 'sent') makes
// concurrent decisions safe: only one reports changed. Deciding the same
// way again reports changed == false; the other way, or on an expired
// quote, is ErrConflict.
func (s *Store) DecideQuote(ctx context.Context, sc connectors.Scope, quoteID string, d connectors.Decision) (connectors.Quote, bool, error) {
	if !isID(quoteID) || !isID(sc.ContactID) {
		return connectors.Quote{}, false, ctxWrap(ctx, "decide quote", connectors.ErrNotFound)
	}
	if !validText(d.By, d.IP) {
		return connectors.Quote{}, false, wrap("decide quote", fmt.Errorf("%w: decider or address is not valid text", connectors.ErrInvalid))
	}
	at := d.At.UTC()
	if at.IsZero() {
		at = time.Now().UTC()
	}
	target := connectors.QuoteDeclined
	if d.Accept {
		target = connectors.QuoteAccepted
	}
	where, args := ownerWhere(sc)
	res, err := s.exec(ctx, s.db, `UPDATE quotes SET status = ?, decided_at = ?, decided_by = ?, decided_ip = ?, updated_at = ?
		WHERE id = ? AND status = 'sent' AND (valid_until IS NULL OR valid_until >= ?) AND `+where,
		append([]any{string(target), s.d.ts(at), d.By, d.IP, s.d.ts(time.Now()), quoteID, s.d.ts(at)}, args...)...)
	if err != nil {
		return connectors.Quote{}, false, ctxWrap(ctx, "decide quote", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return connectors.Quote{}, false, ctxWrap(ctx, "decide quote", err)
	}
	q, err := s.getQuote(ctx, s.db, sc, quoteID)
	if err != nil {
		return connectors.Quote{}, false, ctxWrap(ctx, "decide quote", err)
	}
	switch {
	case n == 1:
		return q, true, nil
	case q.Status == target:
		return q, false, nil
	case q.Status == connectors.QuoteSent:
		return q, false, wrap("decide quote", fmt.Errorf("%w: quote has expired", connectors.ErrConflict))
	}
	return q, false, wrap("decide quote", fmt.Errorf("%w: quote is %s", connectors.ErrConflict, q.Status))
}

// QuoteDecision returns who decided a quote and from which address, as
// recorded by DecideQuote; empty strings when it is undecided or unknown.
func (s *Store) QuoteDecision(ctx context.Context, quoteID string) (by, ip string, err error) {
	err = s.row(ctx, s.db, `SELECT decided_by, decided_ip FROM quotes WHERE id = ?`, quoteID).Scan(&by, &ip)
	return by, ip, ctxWrap(ctx, "quote decision", err)
}
