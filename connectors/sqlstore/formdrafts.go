package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// SaveFormDraft stores a draft and deletes drafts created before expired.
func (s *Store) SaveFormDraft(ctx context.Context, d bridge.FormDraft, expired time.Time) error {
	if d.ID == "" || !validText(d.ID, d.Path) {
		return wrap("save form draft", fmt.Errorf("%w: a draft needs an id and a path", connectors.ErrInvalid))
	}
	values := d.Values
	if values == nil {
		values = map[string][]string{}
	}
	raw, err := json.Marshal(values)
	if err != nil {
		return wrap("save form draft", err)
	}
	return ctxWrap(ctx, "save form draft", s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, `DELETE FROM form_drafts WHERE created_at < ?`, s.d.ts(expired)); err != nil {
			return err
		}
		_, err := s.exec(ctx, tx, `INSERT INTO form_drafts (id, path, form_values, created_at) VALUES (?, ?, ?, ?)`,
			d.ID, d.Path, string(raw), s.d.ts(d.Created))
		return err
	}))
}

// TakeFormDraft returns and deletes the draft with id; ErrNotFound when
// there is none or it was created before expired.
func (s *Store) TakeFormDraft(ctx context.Context, id string, expired time.Time) (bridge.FormDraft, error) {
	d := bridge.FormDraft{ID: id}
	if !validText(id) {
		return d, wrap("take form draft", sql.ErrNoRows)
	}
	var raw []byte
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := s.row(ctx, tx, `SELECT path, form_values, created_at FROM form_drafts WHERE id = ?`, id).
			Scan(&d.Path, &raw, tm(&d.Created))
		if err != nil {
			return err
		}
		_, err = s.exec(ctx, tx, `DELETE FROM form_drafts WHERE id = ?`, id)
		return err
	})
	if errors.Is(err, sql.ErrNoRows) || err == nil && d.Created.Before(expired) {
		return bridge.FormDraft{ID: id}, wrap("take form draft", sql.ErrNoRows)
	}
	if err != nil {
		return d, ctxWrap(ctx, "take form draft", err)
	}
	if err := json.Unmarshal(raw, &d.Values); err != nil {
		return d, wrap("take form draft", fmt.Errorf("stored values: %w", err))
	}
	return d, nil
}
