package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

// ownerWhere restricts a query on an item table to the scope: the
// contact's own items, plus their company's when WithCompany is set.
func ownerWhere(sc connectors.Scope) (string, []any) {
	sc.ContactID = scopeID(sc.ContactID)
	if sc.WithCompany {
		return `(contact_id = ? OR company_id = (SELECT company_id FROM contacts WHERE id = ?))`,
			[]any{sc.ContactID, sc.ContactID}
	}
	return `contact_id = ?`, []any{sc.ContactID}
}

// listSpec describes one keyset-paged list query.
type listSpec[T any] struct {
	// base is "SELECT … FROM … WHERE …" without ordering.
	base    string
	args    []any
	dateCol string
	scan    func(*sql.Rows) (T, error)
	key     func(T) (time.Time, string)
}

// listPage runs spec for one page, newest first, keyset-paged on
// (dateCol, id).
func listPage[T any](ctx context.Context, s *Store, spec listSpec[T], p connectors.PageRequest) (connectors.Page[T], error) {
	q, args := spec.base, append([]any(nil), spec.args...)
	if p.Cursor != "" {
		at, id, err := decodeCursor(p.Cursor)
		if err != nil {
			return connectors.Page[T]{}, err
		}
		q += ` AND (` + spec.dateCol + ` < ? OR (` + spec.dateCol + ` = ? AND id < ?))`
		args = append(args, s.d.ts(at), s.d.ts(at), id)
	}
	size := p.Size()
	q += ` ORDER BY ` + spec.dateCol + ` DESC, id DESC LIMIT ?`
	args = append(args, size+1)
	rows, err := s.query(ctx, s.db, q, args...)
	if err != nil {
		return connectors.Page[T]{}, err
	}
	defer rows.Close()
	var out connectors.Page[T]
	for rows.Next() {
		item, err := spec.scan(rows)
		if err != nil {
			return connectors.Page[T]{}, err
		}
		out.Items = append(out.Items, item)
	}
	if err := rows.Err(); err != nil {
		return connectors.Page[T]{}, err
	}
	if len(out.Items) > size {
		out.Items = out.Items[:size]
		out.Next = encodeCursor(spec.key(out.Items[size-1]))
	}
	return out, nil
}
