package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
)

// MailSent reports whether the mail outbox has recorded a message with
// this key as sent.
func (s *Store) MailSent(ctx context.Context, key string) (bool, error) {
	if key == "" || !validText(key) {
		return false, wrap("mail sent", fmt.Errorf("%w: malformed message key", connectors.ErrInvalid))
	}
	var n int
	err := s.row(ctx, s.db, `SELECT 1 FROM mail_sent WHERE key = ?`, key).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, ctxWrap(ctx, "mail sent", err)
}

// RecordMailSent records that the message with this key was sent with
// this Message-ID; recording it again keeps the first record.
func (s *Store) RecordMailSent(ctx context.Context, key, messageID string, at time.Time) error {
	if key == "" || !validText(key, messageID) {
		return wrap("record mail sent", fmt.Errorf("%w: malformed message key", connectors.ErrInvalid))
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO mail_sent (key, message_id, sent_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO NOTHING`, key, messageID, s.d.ts(at))
	return ctxWrap(ctx, "record mail sent", err)
}
