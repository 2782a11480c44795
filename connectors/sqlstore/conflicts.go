package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// RecordConflict adds a sighting of an ambiguous email. A later sighting
// of the same identity updates the email, contacts and last seen time and
// adds one to the count.
func (s *Store) RecordConflict(ctx context.Context, c bridge.Conflict) error {
	if c.Issuer == "" || c.Subject == "" || !validText(append([]string{c.Issuer, c.Subject, c.Email}, c.ContactIDs...)...) {
		return wrap("record conflict", fmt.Errorf("%w: a conflict needs an issuer and a subject, as valid text", connectors.ErrInvalid))
	}
	seen := c.LastSeen
	if seen.IsZero() {
		seen = c.FirstSeen
	}
	if seen.IsZero() {
		seen = time.Now()
	}
	first := c.FirstSeen
	if first.IsZero() {
		first = seen
	}
	ids := c.ContactIDs
	if ids == nil {
		ids = []string{}
	}
	idsJSON, err := json.Marshal(ids)
	if err != nil {
		return wrap("record conflict", err)
	}
	_, err = s.exec(ctx, s.db, `INSERT INTO link_conflicts (issuer, subject, email, contact_ids, first_seen, last_seen, count)
		VALUES (?, ?, ?, ?, ?, ?, 1)
		ON CONFLICT (issuer, subject) DO UPDATE SET email = excluded.email, contact_ids = excluded.contact_ids,
		last_seen = excluded.last_seen, count = link_conflicts.count + 1`,
		c.Issuer, c.Subject, c.Email, string(idsJSON), s.d.ts(first), s.d.ts(seen))
	return ctxWrap(ctx, "record conflict", err)
}

// Conflicts lists the recorded conflicts, most recently seen first.
func (s *Store) Conflicts(ctx context.Context) ([]bridge.Conflict, error) {
	out, err := collect(ctx, s, `SELECT issuer, subject, email, contact_ids, first_seen, last_seen, count
		FROM link_conflicts ORDER BY last_seen DESC, issuer, subject`, nil,
		func(r *sql.Rows) (bridge.Conflict, error) {
			var c bridge.Conflict
			var ids []byte
			err := r.Scan(&c.Issuer, &c.Subject, &c.Email, &ids, tm(&c.FirstSeen), tm(&c.LastSeen), &c.Count)
			if err == nil {
				err = json.Unmarshal(ids, &c.ContactIDs)
			}
			return c, err
		})
	return out, ctxWrap(ctx, "list conflicts", err)
}
