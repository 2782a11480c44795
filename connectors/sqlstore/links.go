package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

const linkColumns = `issuer, subject, contact_id, email, via, created_at`

// linkForQuery selects one identity's link; it runs on every signed-in
// request.
const linkForQuery = `SELECT ` + linkColumns + ` FROM identity_links WHERE issuer = ? AND subject = ?`

func scanLink(row interface{ Scan(...any) error }) (bridge.Link, error) {
	var l bridge.Link
	err := row.Scan(&l.Issuer, &l.Subject, &l.ContactID, &l.Email, &l.Via, tm(&l.CreatedAt))
	return l, err
}

// LinkFor returns the stored link of an identity, or ErrNotFound.
func (s *Store) LinkFor(ctx context.Context, id bridge.Identity) (bridge.Link, error) {
	if !validText(id.Issuer, id.Subject) {
		return bridge.Link{}, ctxWrap(ctx, "link for identity", connectors.ErrNotFound)
	}
	l, err := scanLink(s.row(ctx, s.db, linkForQuery, id.Issuer, id.Subject))
	return l, ctxWrap(ctx, "link for identity", err)
}

// SaveLink stores a link, replacing any link of the same identity. A zero
// CreatedAt is set to now.
func (s *Store) SaveLink(ctx context.Context, l bridge.Link) error {
	if l.Issuer == "" || l.Subject == "" || l.ContactID == "" || !validText(l.Issuer, l.Subject, l.ContactID, l.Email, l.Via) {
		return wrap("save link", fmt.Errorf("%w: a link needs an issuer, a subject and a contact, as valid text", connectors.ErrInvalid))
	}
	if l.CreatedAt.IsZero() {
		l.CreatedAt = time.Now()
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO identity_links (`+linkColumns+`) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (issuer, subject) DO UPDATE SET contact_id = excluded.contact_id, email = excluded.email,
		via = excluded.via, created_at = excluded.created_at`,
		l.Issuer, l.Subject, l.ContactID, l.Email, l.Via, s.d.ts(l.CreatedAt))
	return ctxWrap(ctx, "save link", err)
}

// DeleteLink removes an identity's link; ErrNotFound when there is none.
func (s *Store) DeleteLink(ctx context.Context, id bridge.Identity) error {
	if !validText(id.Issuer, id.Subject) {
		return ctxWrap(ctx, "delete link", connectors.ErrNotFound)
	}
	res, err := s.exec(ctx, s.db, `DELETE FROM identity_links WHERE issuer = ? AND subject = ?`, id.Issuer, id.Subject)
	if err == nil {
		var n int64
		if n, err = res.RowsAffected(); err == nil && n == 0 {
			err = sql.ErrNoRows
		}
	}
	return ctxWrap(ctx, "delete link", err)
}

// Links lists every link, oldest first.
func (s *Store) Links(ctx context.Context) ([]bridge.Link, error) {
	out, err := collect(ctx, s, `SELECT `+linkColumns+` FROM identity_links ORDER BY created_at, issuer, subject`, nil,
		func(r *sql.Rows) (bridge.Link, error) { return scanLink(r) })
	return out, ctxWrap(ctx, "list links", err)
}

// collect runs a query and scans every row.
func collect[T any](ctx context.Context, s *Store, q string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := s.query(ctx, s.db, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
