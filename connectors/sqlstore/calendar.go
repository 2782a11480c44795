package sqlstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
)

// newToken returns 32 random bytes, URL-safe base64 encoded.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// isToken reports whether s has the form of a token made by newToken.
func isToken(s string) bool {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil && len(b) == 32
}

// CalendarToken returns the contact's private calendar feed token,
// creating a random one when there is none.
func (s *Store) CalendarToken(ctx context.Context, contactID string) (string, error) {
	if contactID == "" || !validText(contactID) {
		return "", wrap("calendar token", fmt.Errorf("%w: no contact", connectors.ErrInvalid))
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO calendar_tokens (token, contact_id, created_at) VALUES (?, ?, ?)
		ON CONFLICT (contact_id) DO NOTHING`, newToken(), contactID, s.d.ts(time.Now()))
	if err != nil {
		return "", ctxWrap(ctx, "calendar token", err)
	}
	var token string
	err = s.row(ctx, s.db, `SELECT token FROM calendar_tokens WHERE contact_id = ?`, contactID).Scan(&token)
	return token, ctxWrap(ctx, "calendar token", err)
}

// RevokeCalendarToken deletes the contact's token; revoking when there is
// none is not an error.
func (s *Store) RevokeCalendarToken(ctx context.Context, contactID string) error {
	_, err := s.exec(ctx, s.db, `DELETE FROM calendar_tokens WHERE contact_id = ?`, contactID)
	return ctxWrap(ctx, "revoke calendar token", err)
}

// ContactByCalendarToken returns the contact a token belongs to, or
// ErrNotFound.
func (s *Store) ContactByCalendarToken(ctx context.Context, token string) (string, error) {
	if !isToken(token) {
		return "", ctxWrap(ctx, "contact by calendar token", sql.ErrNoRows)
	}
	var id string
	err := s.row(ctx, s.db, `SELECT contact_id FROM calendar_tokens WHERE token = ?`, token).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", wrap("contact by calendar token", err)
	}
	return id, ctxWrap(ctx, "contact by calendar token", err)
}
