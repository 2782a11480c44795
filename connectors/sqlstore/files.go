package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// fileColumns are a file record's columns, in scanFile's order.
const fileColumns = `id, owner_kind, owner_id, state, name, content_type, size, sha256,
	uploader_kind, uploader_id, uploader_name, created_at`

// scanFile reads a file record; downloaded, when not nil, also reads
// whether the reading contact downloaded it.
func scanFile(row interface{ Scan(...any) error }, downloaded bool) (files.File, error) {
	var f files.File
	dest := []any{&f.ID, &f.Owner.Kind, &f.Owner.ID, &f.State, &f.Name, &f.Type, &f.Size, &f.SHA256,
		&f.Uploader.Kind, &f.Uploader.ID, &f.Uploader.Name, tm(&f.CreatedAt)}
	if downloaded {
		dest = append(dest, &f.Downloaded)
	}
	return f, row.Scan(dest...)
}

// validRecord reports what is wrong with a new record, or "".
func validRecord(f files.File) string {
	switch {
	case !isID(f.ID):
		return "the ID is not a UUID"
	case !f.Owner.Valid():
		return "the owner is malformed"
	case !f.Uploader.Kind.Valid() || !validText(f.Uploader.ID, f.Uploader.Name):
		return "the uploader is malformed"
	case f.Uploader.Kind == files.ByContact && !validContact(f.Uploader.ID):
		return "a contact uploader needs the contact's ID"
	case f.Name == "" || !validText(f.Name):
		return "the name is empty or not text"
	case f.CreatedAt.IsZero():
		return "the creation time is missing"
	}
	return ""
}

// CreateFile stores a pending record.
func (s *Store) CreateFile(ctx context.Context, f files.File) error {
	if problem := validRecord(f); problem != "" {
		return wrap("create file", fmt.Errorf("%w: %s", connectors.ErrInvalid, problem))
	}
	res, err := s.exec(ctx, s.db, `INSERT INTO files (id, owner_kind, owner_id, state, name, uploader_kind, uploader_id,
		uploader_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		f.ID, f.Owner.Kind, f.Owner.ID, files.StatePending, f.Name, f.Uploader.Kind, f.Uploader.ID, f.Uploader.Name,
		s.d.ts(f.CreatedAt), s.d.ts(now()))
	if err == nil {
		if n, _ := res.RowsAffected(); n == 0 {
			err = fmt.Errorf("%w: file ID %s is taken", connectors.ErrConflict, f.ID)
		}
	}
	return ctxWrap(ctx, "create file", err)
}

// CompleteFile marks a pending record ready, within the uploader's quota.
func (s *Store) CompleteFile(ctx context.Context, id string, c files.Completed, quota int64) (files.File, error) {
	if c.Size < 0 || !validText(c.Type, c.SHA256) {
		return files.File{}, wrap("complete file", fmt.Errorf("%w: malformed completion", connectors.ErrInvalid))
	}
	if !isID(id) {
		return files.File{}, wrap("complete file", connectors.ErrNotFound)
	}
	var out files.File
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		f, err := scanFile(s.row(ctx, tx, `SELECT `+fileColumns+` FROM files WHERE id = ? AND state = ?`,
			id, files.StatePending), false)
		if err != nil {
			return err
		}
		if quota > 0 && f.Uploader.Kind == files.ByContact {
			if err := s.checkQuota(ctx, tx, f.Uploader.ID, c.Size, quota); err != nil {
				return err
			}
		}
		_, err = s.exec(ctx, tx, `UPDATE files SET state = ?, content_type = ?, size = ?, sha256 = ?, updated_at = ?
			WHERE id = ?`, files.StateReady, c.Type, c.Size, c.SHA256, s.d.ts(now()), id)
		f.State, f.Type, f.Size, f.SHA256 = files.StateReady, c.Type, c.Size, c.SHA256
		out = f
		return err
	})
	return out, ctxWrap(ctx, "complete file", err)
}

// checkQuota refuses an upload of size bytes that would take a
// contact's uploads past quota. It locks the contact's quota first, so
// that two uploads completing together cannot both fit the same room.
func (s *Store) checkQuota(ctx context.Context, tx *sql.Tx, contactID string, size, quota int64) error {
	if err := s.lockKey(ctx, tx, "files.quota."+contactID); err != nil {
		return err
	}
	used, err := s.uploadedBytes(ctx, tx, contactID)
	if err != nil {
		return err
	}
	if used+size > quota {
		return fmt.Errorf("%w: %d bytes used of %d, %d more asked", files.ErrQuota, used, quota, size)
	}
	return nil
}

// uploadedBytes sums the sizes of a contact's ready uploads.
func (s *Store) uploadedBytes(ctx context.Context, q querier, contactID string) (int64, error) {
	var used int64
	err := s.row(ctx, q, `SELECT COALESCE(SUM(size), 0) FROM files WHERE uploader_kind = ? AND uploader_id = ? AND state = ?`,
		files.ByContact, contactID, files.StateReady).Scan(&used)
	return used, err
}

// UploadedBytes returns the total size of a contact's ready uploads.
func (s *Store) UploadedBytes(ctx context.Context, contactID string) (int64, error) {
	if !validText(contactID) {
		return 0, nil
	}
	used, err := s.uploadedBytes(ctx, s.db, contactID)
	return used, ctxWrap(ctx, "uploaded bytes", err)
}
