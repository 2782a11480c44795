package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

var _ bridge.EmailPreferenceStore = (*Store)(nil)

// EmailPreferences returns a contact's email preferences.
func (s *Store) EmailPreferences(ctx context.Context, contactID string) (bridge.EmailPreferences, error) {
	p := bridge.EmailPreferences{ContactID: contactID}
	if !validText(contactID) {
		return p, nil
	}
	err := s.row(ctx, s.db, `SELECT opt_out FROM email_preferences WHERE contact_id = ?`, contactID).Scan(&p.OptOut)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil
	}
	return p, ctxWrap(ctx, "email preferences", err)
}

// SetEmailOptOut stores the contact's choice (making their token when
// they have none).
func (s *Store) SetEmailOptOut(ctx context.Context, contactID string, optOut bool) error {
	if contactID == "" || !validText(contactID) {
		return wrap("set email opt-out", fmt.Errorf("%w: no contact", connectors.ErrInvalid))
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO email_preferences (contact_id, opt_out, token, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (contact_id) DO UPDATE SET opt_out = excluded.opt_out, updated_at = excluded.updated_at`,
		contactID, optOut, newToken(), s.d.ts(time.Now()))
	return ctxWrap(ctx, "set email opt-out", err)
}

// UnsubscribeToken returns the contact's unsubscribe token, making one
// when there is none.
func (s *Store) UnsubscribeToken(ctx context.Context, contactID string) (string, error) {
	if contactID == "" || !validText(contactID) {
		return "", wrap("unsubscribe token", fmt.Errorf("%w: no contact", connectors.ErrInvalid))
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO email_preferences (contact_id, token, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (contact_id) DO NOTHING`, contactID, newToken(), s.d.ts(time.Now()))
	if err != nil {
		return "", ctxWrap(ctx, "unsubscribe token", err)
	}
	var token string
	err = s.row(ctx, s.db, `SELECT token FROM email_preferences WHERE contact_id = ?`, contactID).Scan(&token)
	return token, ctxWrap(ctx, "unsubscribe token", err)
}

// ContactByUnsubscribeToken returns the contact a token belongs to.
func (s *Store) ContactByUnsubscribeToken(ctx context.Context, token string) (string, error) {
	if !isToken(token) {
		return "", wrap("contact by unsubscribe token", sql.ErrNoRows)
	}
	var id string
	err := s.row(ctx, s.db, `SELECT contact_id FROM email_preferences WHERE token = ?`, token).Scan(&id)
	return id, ctxWrap(ctx, "contact by unsubscribe token", err)
}
