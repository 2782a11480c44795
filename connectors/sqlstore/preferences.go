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

// Preferences returns a contact's preferences; the zero value with
// ContactID set when none are stored.
func (s *Store) Preferences(ctx context.Context, contactID string) (bridge.Preferences, error) {
	p := bridge.Preferences{ContactID: contactID}
	if !validText(contactID) {
		return p, nil
	}
	err := s.row(ctx, s.db, `SELECT language, timezone FROM contact_preferences WHERE contact_id = ?`,
		contactID).Scan(&p.Language, &p.TimeZone)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil
	}
	return p, ctxWrap(ctx, "preferences", err)
}

// SavePreferences stores a contact's preferences, replacing earlier ones.
func (s *Store) SavePreferences(ctx context.Context, p bridge.Preferences) error {
	if p.ContactID == "" || !validText(p.ContactID, p.Language, p.TimeZone) {
		return wrap("save preferences", fmt.Errorf("%w: preferences need a contact and valid text", connectors.ErrInvalid))
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO contact_preferences (contact_id, language, timezone, updated_at)
		VALUES (?, ?, ?, ?)
		ON CONFLICT (contact_id) DO UPDATE SET language = excluded.language, timezone = excluded.timezone,
		updated_at = excluded.updated_at`,
		p.ContactID, p.Language, p.TimeZone, s.d.ts(time.Now()))
	return ctxWrap(ctx, "save preferences", err)
}
