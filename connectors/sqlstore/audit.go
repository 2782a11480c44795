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

// Record appends an entry to the audit log; a zero At is set to now.
func (s *Store) Record(ctx context.Context, e bridge.AuditEntry) error {
	if e.Action == "" || !validText(e.ContactID, e.Actor, e.Action, e.Target, e.IP) {
		return wrap("record audit entry", fmt.Errorf("%w: an audit entry needs an action, and valid text", connectors.ErrInvalid))
	}
	return ctxWrap(ctx, "record audit entry", s.insertAudit(ctx, s.db, e))
}

// insertAudit appends e to the audit log through q (the database or a
// transaction); a zero At is set to now.
func (s *Store) insertAudit(ctx context.Context, q querier, e bridge.AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	changes := e.Changes
	if changes == nil {
		changes = []connectors.Change{}
	}
	raw, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	_, err = s.exec(ctx, q, `INSERT INTO audit_log (at, contact_id, actor, action, target, ip, changes)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, s.d.ts(e.At), e.ContactID, e.Actor, e.Action, e.Target, e.IP, string(raw))
	return err
}

// AuditLog lists a contact's entries, newest first, at most limit (1 to
// 1000; 0 or less means 100).
func (s *Store) AuditLog(ctx context.Context, contactID string, limit int) ([]bridge.AuditEntry, error) {
	if !validText(contactID) {
		return nil, ctxWrap(ctx, "audit log", nil)
	}
	out, err := s.auditWhere(ctx, "contact_id", contactID, limit)
	return out, ctxWrap(ctx, "audit log", err)
}

// auditWhere lists the entries whose column equals value, newest first,
// at most limit (1 to 1000; 0 or less means 100).
func (s *Store) auditWhere(ctx context.Context, column, value string, limit int) ([]bridge.AuditEntry, error) {
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	return collect(ctx, s, `SELECT id, at, contact_id, actor, action, target, ip, changes FROM audit_log
		WHERE `+column+` = ? ORDER BY at DESC, id DESC LIMIT ?`, []any{value, limit},
		func(r *sql.Rows) (bridge.AuditEntry, error) {
			var e bridge.AuditEntry
			var raw []byte
			err := r.Scan(&e.ID, tm(&e.At), &e.ContactID, &e.Actor, &e.Action, &e.Target, &e.IP, &raw)
			if err == nil {
				err = json.Unmarshal(raw, &e.Changes)
			}
			if len(e.Changes) == 0 {
				e.Changes = nil
			}
			return e, err
		})
}
