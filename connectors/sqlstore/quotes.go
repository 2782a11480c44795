package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

// quoteColumns lists the quotes columns in scanQuote's order.
const quoteColumns = `id, number, title, status, issued_at, valid_until, decided_at,
	currency, total, description, COALESCE(company_id, '')`

// scanQuote reads a quote; a sent quote past its validity reads as
// expired.
func scanQuote(row interface{ Scan(...any) error }, now time.Time) (connectors.Quote, error) {
	var q connectors.Quote
	err := row.Scan(&q.ID, &q.Number, &q.Title, &q.Status, tm(&q.IssuedAt), tm(&q.ValidUntil), tm(&q.DecidedAt),
		&q.Total.Currency, &q.Total.Minor, &q.Description, &q.CompanyID)
	if q.Status == connectors.QuoteSent && !q.ValidUntil.IsZero() && q.ValidUntil.Before(now) {
		q.Status = connectors.QuoteExpired
	}
	return q, err
}

// ListQuotes returns the scope's quotes, newest first, without drafts.
func (s *Store) ListQuotes(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
	where, args := ownerWhere(sc)
	now := time.Now()
	page, err := listPage(ctx, s, listSpec[connectors.Quote]{
		base:    `SELECT ` + quoteColumns + ` FROM quotes WHERE status <> 'draft' AND ` + where,
		args:    args,
		dateCol: "issued_at",
		scan:    func(r *sql.Rows) (connectors.Quote, error) { return scanQuote(r, now) },
		key:     func(q connectors.Quote) (time.Time, string) { return q.IssuedAt, q.ID },
	}, p)
	if err == nil {
		err = s.attachQuoteLines(ctx, s.db, page.Items)
	}
	return page, ctxWrap(ctx, "list quotes", err)
}

// GetQuote returns one of the scope's quotes; ErrNotFound for a draft or
// anyone else's.
func (s *Store) GetQuote(ctx context.Context, sc connectors.Scope, quoteID string) (connectors.Quote, error) {
	q, err := s.getQuote(ctx, s.db, sc, quoteID)
	return q, ctxWrap(ctx, "get quote", err)
}

func (s *Store) getQuote(ctx context.Context, db querier, sc connectors.Scope, quoteID string) (connectors.Quote, error) {
	if !isID(quoteID) || !isID(sc.ContactID) {
		return connectors.Quote{}, connectors.ErrNotFound
	}
	where, args := ownerWhere(sc)
	q, err := scanQuote(s.row(ctx, db, `SELECT `+quoteColumns+` FROM quotes
		WHERE status <> 'draft' AND id = ? AND `+where, append([]any{quoteID}, args...)...), time.Now())
	if err != nil {
		return q, err
	}
	items := []connectors.Quote{q}
	err = s.attachQuoteLines(ctx, db, items)
	return items[0], err
}

func (s *Store) attachQuoteLines(ctx context.Context, db querier, items []connectors.Quote) error {
	cur := map[string]string{}
	for _, q := range items {
		cur[q.ID] = q.Total.Currency
	}
	lines, err := s.loadLines(ctx, db, quoteLines, cur)
	for i := range items {
		items[i].Lines = lines[items[i].ID]
	}
	return err
}
