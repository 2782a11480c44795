package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
)

const threadColumns = `id, contact_id, kind, item_id, subject, category, form, status, assignee_id, assignee_name,
	posts, client_unread, staff_unread, created_at, updated_at`

// threadRow holds a thread as stored, with both sides' unread counts.
type threadRow struct {
	connectors.Thread
	clientUnread, staffUnread int
}

// scanThreadRow reads a thread row.
func scanThreadRow(row interface{ Scan(...any) error }) (threadRow, error) {
	var r threadRow
	var itemID string
	err := row.Scan(&r.ID, &r.ContactID, &r.Kind, &itemID, &r.Subject, &r.Category, &r.Form, &r.Status,
		&r.Assignee.ID, &r.Assignee.Name, &r.Posts, &r.clientUnread, &r.staffUnread, tm(&r.CreatedAt), tm(&r.UpdatedAt))
	if r.Kind.IsItem() {
		r.Item = connectors.ItemRef{Kind: r.Kind, ID: itemID}
	}
	return r, err
}

// scanThread reads a thread row with Unread counted for reader's side.
func scanThread(row interface{ Scan(...any) error }, reader connectors.AuthorKind) (connectors.Thread, error) {
	r, err := scanThreadRow(row)
	return r.forReader(reader), err
}

// threadOwner says whose threads a call may reach: one contact's (the client
// side), or every contact's (the staff side). The zero value reaches
// nothing.
type threadOwner struct {
	contactID string
	anyone    bool
}

// clientOf is the owner of a client call.
func clientOf(contactID string) threadOwner { return threadOwner{contactID: contactID} }

// staffSide reaches every contact's threads.
var staffSide = threadOwner{anyone: true}

// threadQuery selects a thread by ID for o. ErrNotFound when o can
// reach nothing (a malformed contact) or the ID is malformed.
func threadQuery(id string, o threadOwner) (string, []any, error) {
	if !isID(id) || (!o.anyone && !validContact(o.contactID)) {
		return "", nil, connectors.ErrNotFound
	}
	q := `SELECT ` + threadColumns + ` FROM conversation_threads WHERE id = ?`
	args := []any{id}
	if !o.anyone {
		q += ` AND contact_id = ?`
		args = append(args, o.contactID)
	}
	return q, args, nil
}

// lockThread reads a thread inside tx for a write, locking its row on
// PostgreSQL (SQLite's transactions already hold the write lock). A
// thread o cannot reach, and a malformed ID, is ErrNotFound.
func (s *Store) lockThread(ctx context.Context, tx *sql.Tx, id string, o threadOwner) (threadRow, error) {
	q, args, err := threadQuery(id, o)
	if err != nil {
		return threadRow{}, err
	}
	if s.d.name == "postgres" {
		q += ` FOR UPDATE`
	}
	return scanThreadRow(s.row(ctx, tx, q, args...))
}

// getThread reads a thread outside a transaction with Unread counted for
// reader's side.
func (s *Store) getThread(ctx context.Context, id string, o threadOwner, reader connectors.AuthorKind) (connectors.Thread, error) {
	q, args, err := threadQuery(id, o)
	if err != nil {
		return connectors.Thread{}, err
	}
	return scanThread(s.row(ctx, s.db, q, args...), reader)
}

// saveThread writes a thread's changing state back.
func (s *Store) saveThread(ctx context.Context, tx *sql.Tx, r threadRow) error {
	_, err := s.exec(ctx, tx, `UPDATE conversation_threads SET status = ?, assignee_id = ?, assignee_name = ?,
		posts = ?, client_unread = ?, staff_unread = ?, updated_at = ? WHERE id = ?`,
		r.Status, r.Assignee.ID, r.Assignee.Name, r.Posts, r.clientUnread, r.staffUnread, s.d.ts(r.UpdatedAt), r.ID)
	return err
}

// insertThread stores a new thread (with no posts yet) and returns it.
func (s *Store) insertThread(ctx context.Context, tx *sql.Tx, t connectors.Thread) (threadRow, error) {
	t.ID = uuid.NewString()
	_, err := s.exec(ctx, tx, `INSERT INTO conversation_threads (id, contact_id, kind, item_id, subject, category, form, status,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.ContactID, t.Kind, t.Item.ID, t.Subject, t.Category, t.Form, t.Status, s.d.ts(t.CreatedAt), s.d.ts(t.UpdatedAt))
	return threadRow{Thread: t}, err
}

// now returns the current time as both databases store it (UTC,
// microseconds), so that a value returned by a write equals the one a
// later read returns.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// validContact reports whether a contact ID can name a contact of any
// connector: non-empty text without control characters, not too long.
func validContact(id string) bool {
	return id != "" && len(id) <= 4*connectors.MaxItemIDLength && (connectors.TextRule{}).Problem(id) == ""
}

// forReader returns t with Unread counted for reader's side.
func (r threadRow) forReader(reader connectors.AuthorKind) connectors.Thread {
	t := r.Thread
	t.Unread = r.clientUnread
	if reader == connectors.AuthorStaff {
		t.Unread = r.staffUnread
	}
	return t
}
