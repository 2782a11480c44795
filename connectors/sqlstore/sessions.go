package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

const sessionColumns = `id, issuer, subject, contact_id, email, name, sid, csrf, id_token, user_agent,
	created_at, last_seen, expires_at, idle_until, staff`

// sessionByIDQuery runs on every request whose session is not in the
// replica's memory.
const sessionByIDQuery = `SELECT ` + sessionColumns + ` FROM sessions WHERE id = ? AND expires_at > ? AND idle_until > ?`

func scanSession(row interface{ Scan(...any) error }) (bridge.Session, error) {
	var s bridge.Session
	err := row.Scan(&s.ID, &s.Issuer, &s.Subject, &s.ContactID, &s.Email, &s.Name, &s.SID, &s.CSRF, &s.IDToken,
		&s.UserAgent, tm(&s.Created), tm(&s.LastSeen), tm(&s.Expires), tm(&s.IdleUntil), &s.Staff)
	return s, err
}

// CreateSession stores a new session.
func (s *Store) CreateSession(ctx context.Context, ss bridge.Session) error {
	if ss.ID == "" || ss.Issuer == "" || ss.Subject == "" || (ss.ContactID == "" && !ss.Staff) || ss.CSRF == "" ||
		!validText(ss.ID, ss.Issuer, ss.Subject, ss.ContactID, ss.Email, ss.Name, ss.SID, ss.CSRF, ss.IDToken, ss.UserAgent) {
		return wrap("create session", fmt.Errorf("%w: a session needs an id, an identity, a contact or staff status and a csrf token, as valid text", connectors.ErrInvalid))
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO sessions (`+sessionColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ss.ID, ss.Issuer, ss.Subject, ss.ContactID, ss.Email, ss.Name, ss.SID, ss.CSRF, ss.IDToken, ss.UserAgent,
		s.d.ts(ss.Created), s.d.ts(ss.LastSeen), s.d.ts(ss.Expires), s.d.ts(ss.IdleUntil), ss.Staff)
	return ctxWrap(ctx, "create session", err)
}

// SessionByID returns a session that has not expired at now.
func (s *Store) SessionByID(ctx context.Context, id string, now time.Time) (bridge.Session, error) {
	if !validText(id) {
		return bridge.Session{}, ctxWrap(ctx, "session", sql.ErrNoRows)
	}
	ss, err := scanSession(s.row(ctx, s.db, sessionByIDQuery, id, s.d.ts(now), s.d.ts(now)))
	return ss, ctxWrap(ctx, "session", err)
}

// TouchSession records use and moves the idle end.
func (s *Store) TouchSession(ctx context.Context, id string, lastSeen, idleUntil time.Time) error {
	res, err := s.exec(ctx, s.db, `UPDATE sessions SET last_seen = ?, idle_until = ? WHERE id = ?`,
		s.d.ts(lastSeen), s.d.ts(idleUntil), id)
	if err == nil {
		var n int64
		if n, err = res.RowsAffected(); err == nil && n == 0 {
			err = sql.ErrNoRows
		}
	}
	return ctxWrap(ctx, "touch session", err)
}

// sessionWhere turns a filter into a WHERE clause; ok is false for a
// filter that selects nothing.
func sessionWhere(f bridge.SessionFilter) (where string, args []any, ok bool) {
	if f.All {
		return "1 = 1", nil, true
	}
	var conds []string
	add := func(cond, v string) {
		if v != "" {
			conds = append(conds, cond)
			args = append(args, v)
		}
	}
	add("id = ?", f.ID)
	add("contact_id = ?", f.ContactID)
	add("LOWER(email) = LOWER(?)", f.Email)
	add("issuer = ?", f.Issuer)
	add("subject = ?", f.Subject)
	add("sid = ?", f.SID)
	if len(conds) == 0 || !validText(f.ID, f.ContactID, f.Email, f.Issuer, f.Subject, f.SID) {
		return "", nil, false
	}
	return strings.Join(conds, " AND "), args, true
}

// DeleteSessions deletes the selected sessions and returns their IDs.
func (s *Store) DeleteSessions(ctx context.Context, f bridge.SessionFilter) ([]string, error) {
	where, args, ok := sessionWhere(f)
	if !ok {
		return nil, nil
	}
	ids, err := collect(ctx, s, `DELETE FROM sessions WHERE `+where+` RETURNING id`, args,
		func(r *sql.Rows) (string, error) {
			var id string
			return id, r.Scan(&id)
		})
	return ids, ctxWrap(ctx, "delete sessions", err)
}

// Sessions lists the selected sessions, newest first.
func (s *Store) Sessions(ctx context.Context, f bridge.SessionFilter) ([]bridge.Session, error) {
	where, args, ok := sessionWhere(f)
	if !ok {
		return nil, nil
	}
	out, err := collect(ctx, s, `SELECT `+sessionColumns+` FROM sessions WHERE `+where+` ORDER BY created_at DESC, id`, args,
		func(r *sql.Rows) (bridge.Session, error) { return scanSession(r) })
	return out, ctxWrap(ctx, "list sessions", err)
}

// SweepSessions deletes expired sessions and token IDs.
func (s *Store) SweepSessions(ctx context.Context, now time.Time) (int, error) {
	ts := s.d.ts(now)
	res, err := s.exec(ctx, s.db, `DELETE FROM sessions WHERE expires_at <= ? OR idle_until <= ?`, ts, ts)
	if err != nil {
		return 0, ctxWrap(ctx, "sweep sessions", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, ctxWrap(ctx, "sweep sessions", err)
	}
	_, err = s.exec(ctx, s.db, `DELETE FROM used_token_ids WHERE until_at <= ?`, ts)
	return int(n), ctxWrap(ctx, "sweep token ids", err)
}

// UseTokenID remembers a token ID until until; false when it was known.
func (s *Store) UseTokenID(ctx context.Context, issuer, jti string, until time.Time) (bool, error) {
	if issuer == "" || jti == "" || !validText(issuer, jti) {
		return false, wrap("use token id", fmt.Errorf("%w: a token id needs an issuer and a jti", connectors.ErrInvalid))
	}
	res, err := s.exec(ctx, s.db, `INSERT INTO used_token_ids (issuer, jti, until_at) VALUES (?, ?, ?)
		ON CONFLICT (issuer, jti) DO NOTHING`, issuer, jti, s.d.ts(until))
	if err != nil {
		return false, ctxWrap(ctx, "use token id", err)
	}
	n, err := res.RowsAffected()
	return n == 1, ctxWrap(ctx, "use token id", err)
}
