package sqlstore

import (
	"context"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// DiscardFile marks a pending or ready record deleting.
func (s *Store) DiscardFile(ctx context.Context, id string) error {
	if !isID(id) {
		return wrap("discard file", connectors.ErrNotFound)
	}
	res, err := s.exec(ctx, s.db, `UPDATE files SET state = ?, updated_at = ? WHERE id = ? AND state <> ?`,
		files.StateDeleting, s.d.ts(now()), id, files.StateDeleting)
	if err == nil {
		if n, _ := res.RowsAffected(); n == 0 {
			err = connectors.ErrNotFound
		}
	}
	return ctxWrap(ctx, "discard file", err)
}

// DeleteFileRecord deletes a record and its downloads.
func (s *Store) DeleteFileRecord(ctx context.Context, id string) error {
	if !isID(id) {
		return nil
	}
	_, err := s.exec(ctx, s.db, `DELETE FROM files WHERE id = ?`, id)
	return ctxWrap(ctx, "delete file record", err)
}

// FilesToSweep returns the records to clear: deleting ones, pending ones
// older than pendingBefore, and attachments as old whose post does not
// exist, oldest first.
func (s *Store) FilesToSweep(ctx context.Context, pendingBefore time.Time, limit int) ([]string, error) {
	before := s.d.ts(pendingBefore)
	rows, err := s.query(ctx, s.db, `SELECT id FROM files WHERE state = ? OR (state = ? AND updated_at < ?)
		OR (state = ? AND owner_kind = ? AND updated_at < ? AND NOT EXISTS (SELECT 1 FROM conversation_posts p WHERE p.id = files.owner_id))
		ORDER BY updated_at, id LIMIT ?`, files.StateDeleting, files.StatePending, before,
		files.StateReady, files.OwnerPost, before, max(limit, 1))
	if err != nil {
		return nil, ctxWrap(ctx, "files to sweep", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, ctxWrap(ctx, "files to sweep", err)
		}
		ids = append(ids, id)
	}
	return ids, ctxWrap(ctx, "files to sweep", rows.Err())
}
