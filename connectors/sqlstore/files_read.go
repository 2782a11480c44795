package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// fileSeen is the select list of a read through an Access: the columns
// and whether the reading contact downloaded the file (one argument, the
// contact's ID).
const fileSeen = `SELECT ` + fileColumns + `, EXISTS (SELECT 1 FROM file_downloads d
	WHERE d.file_id = files.id AND d.contact_id = ?) FROM files`

// accessWhere restricts a query on files to the ready library files a
// may see, with the arguments of fileSeen and the condition.
func accessWhere(a files.Access) (string, []any) {
	where, args := ownersWhere(a)
	return where + `)`, args
}

// ownersWhere is accessWhere without its closing parenthesis, so that
// readableWhere can add attachments.
func ownersWhere(a files.Access) (string, []any) {
	where := ` WHERE state = ? AND ((owner_kind = ? AND owner_id = ?)`
	args := []any{a.ContactID, files.StateReady, files.OwnerContact, a.ContactID}
	if a.CompanyID != "" {
		where += ` OR (owner_kind = ? AND owner_id = ?)`
		args = append(args, files.OwnerCompany, a.CompanyID)
	}
	return where, args
}

// readableWhere is accessWhere with the attachments of posts in a's
// contact's own threads.
func readableWhere(a files.Access) (string, []any) {
	where, args := ownersWhere(a)
	where += ` OR (owner_kind = ? AND EXISTS (SELECT 1 FROM conversation_posts p
		JOIN conversation_threads t ON t.id = p.thread_id WHERE p.id = files.owner_id AND t.contact_id = ?)))`
	return where, append(args, files.OwnerPost, a.ContactID)
}

// ListFiles lists the ready library files a may see, newest first.
func (s *Store) ListFiles(ctx context.Context, a files.Access, p connectors.PageRequest) (connectors.Page[files.File], error) {
	if !a.Valid() {
		a = files.Access{}
	}
	where, args := accessWhere(a)
	page, err := s.listFiles(ctx, fileSeen+where, args, true, p)
	return page, ctxWrap(ctx, "list files", err)
}

// listFiles runs a files query for one page, newest first.
func (s *Store) listFiles(ctx context.Context, q string, args []any, seen bool, p connectors.PageRequest) (connectors.Page[files.File], error) {
	page, err := listPage(ctx, s, listSpec[files.File]{
		base: q, args: args, dateCol: "created_at",
		scan: func(r *sql.Rows) (files.File, error) { return scanFile(r, seen) },
		key:  func(f files.File) (time.Time, string) { return f.CreatedAt, f.ID },
	}, p)
	if page.Items == nil {
		page.Items = []files.File{}
	}
	return page, err
}

// GetFile returns one ready library file or attachment a may see.
func (s *Store) GetFile(ctx context.Context, a files.Access, id string) (files.File, error) {
	if !a.Valid() || !isID(id) {
		return files.File{}, wrap("get file", connectors.ErrNotFound)
	}
	where, args := readableWhere(a)
	f, err := scanFile(s.row(ctx, s.db, fileSeen+where+` AND id = ?`, append(args, id)...), true)
	return f, ctxWrap(ctx, "get file", err)
}

// RecordDownload records a contact's first download of a file.
func (s *Store) RecordDownload(ctx context.Context, contactID, fileID string, at time.Time) error {
	if !validContact(contactID) || !isID(fileID) {
		return wrap("record download", connectors.ErrNotFound)
	}
	_, err := s.exec(ctx, s.db, `INSERT INTO file_downloads (file_id, contact_id, first_at)
		SELECT id, ?, ? FROM files WHERE id = ? ON CONFLICT (file_id, contact_id) DO NOTHING`,
		contactID, s.d.ts(at), fileID)
	return ctxWrap(ctx, "record download", err)
}

// RecentFiles returns the library files a may see that are new to a's
// contact: created since, uploaded by someone else, never downloaded.
func (s *Store) RecentFiles(ctx context.Context, a files.Access, since time.Time, limit int) ([]files.File, int, error) {
	if !a.Valid() {
		return []files.File{}, 0, nil
	}
	where, args := accessWhere(a)
	where += ` AND created_at >= ? AND NOT (uploader_kind = ? AND uploader_id = ?)
		AND NOT EXISTS (SELECT 1 FROM file_downloads d WHERE d.file_id = files.id AND d.contact_id = ?)`
	args = append(args, s.d.ts(since), files.ByContact, a.ContactID, a.ContactID)
	var n int
	if err := s.row(ctx, s.db, `SELECT COUNT(*) FROM files`+where, args[1:]...).Scan(&n); err != nil {
		return nil, 0, ctxWrap(ctx, "recent files", err)
	}
	page, err := s.listFiles(ctx, fileSeen+where, args, true, connectors.PageRequest{Limit: max(limit, 1)})
	return page.Items[:min(len(page.Items), max(limit, 0))], n, ctxWrap(ctx, "recent files", err)
}

// OwnerFiles lists one owner's ready files, newest first.
func (s *Store) OwnerFiles(ctx context.Context, o files.Owner, p connectors.PageRequest) (connectors.Page[files.File], error) {
	if !o.Valid() {
		o = files.Owner{}
	}
	page, err := s.listFiles(ctx, `SELECT `+fileColumns+` FROM files WHERE owner_kind = ? AND owner_id = ? AND state = ?`,
		[]any{o.Kind, o.ID, files.StateReady}, false, p)
	return page, ctxWrap(ctx, "owner files", err)
}

// FileRecord returns any record by ID.
func (s *Store) FileRecord(ctx context.Context, id string) (files.File, error) {
	if !isID(id) {
		return files.File{}, wrap("file record", connectors.ErrNotFound)
	}
	f, err := scanFile(s.row(ctx, s.db, `SELECT `+fileColumns+` FROM files WHERE id = ?`, id), false)
	return f, ctxWrap(ctx, "file record", err)
}
