package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/google/uuid"

	"clientgate/connectors"
)

// ItemThread returns the contact's message thread of an item.
func (s *Store) ItemThread(ctx context.Context, sc connectors.Scope, item connectors.ItemRef) (connectors.Thread, error) {
	if !validContact(sc.ContactID) || !item.Valid() {
		return connectors.Thread{}, ctxWrap(ctx, "item thread", connectors.ErrNotFound)
	}
	t, err := scanThread(s.row(ctx, s.db, `SELECT `+threadColumns+` FROM conversation_threads
		WHERE contact_id = ? AND kind = ? AND item_id = ?`, sc.ContactID, item.Kind, item.ID), connectors.AuthorClient)
	return t, ctxWrap(ctx, "item thread", err)
}

// ListMessages returns the posts of the contact's thread of an item,
// newest first; an empty page when there is none.
func (s *Store) ListMessages(ctx context.Context, sc connectors.Scope, item connectors.ItemRef, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
	t, err := s.ItemThread(ctx, sc, item)
	switch {
	case errors.Is(err, connectors.ErrNotFound):
		// No thread yet: the same answer as for an empty one, bad cursors
		// included.
		t.ID = ""
	case err != nil:
		return connectors.Page[connectors.Post]{}, err
	}
	page, err := s.listPosts(ctx, t.ID, p)
	if page.Items == nil {
		page.Items = []connectors.Post{}
	}
	return page, ctxWrap(ctx, "list messages", err)
}

// PostMessage adds the client's post to the item's thread, creating it
// on the first post.
func (s *Store) PostMessage(ctx context.Context, sc connectors.Scope, item connectors.ItemRef, np connectors.NewPost) (connectors.Post, error) {
	if err := np.Validate(); err != nil {
		return connectors.Post{}, wrap("post message", err)
	}
	if !validContact(sc.ContactID) || !item.Valid() {
		return connectors.Post{}, wrap("post message", connectors.ErrNotFound)
	}
	var out connectors.Post
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, created, err := s.lockItemThread(ctx, tx, sc.ContactID, item)
		if err != nil {
			return err
		}
		old, status := r.Status, connectors.TicketWaitingOnStaff
		if created {
			old, status = "", connectors.TicketOpen
		} else if old == connectors.TicketOpen {
			status = old
		}
		if out, err = s.addPost(ctx, tx, &r, connectors.AuthorClient, sc.ContactID, np, status); err != nil {
			return err
		}
		return s.fire(ctx, tx, event(connectors.EventClientPosted, r.Thread, old, out.ID, connectors.AuthorClient))
	})
	return out, ctxWrap(ctx, "post message", err)
}

// lockItemThread returns the contact's thread of item locked for a
// write, creating it when there is none (created is then true). The
// insert skips a thread a concurrent transaction has just created, and
// the select then waits for that transaction's lock.
func (s *Store) lockItemThread(ctx context.Context, tx *sql.Tx, contactID string, item connectors.ItemRef) (threadRow, bool, error) {
	at := s.d.ts(now())
	res, err := s.exec(ctx, tx, `INSERT INTO conversation_threads (id, contact_id, kind, item_id, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contact_id, kind, item_id) WHERE kind <> 'ticket' DO NOTHING`,
		uuid.NewString(), contactID, item.Kind, item.ID, connectors.TicketOpen, at, at)
	if err != nil {
		return threadRow{}, false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return threadRow{}, false, err
	}
	q := `SELECT ` + threadColumns + ` FROM conversation_threads WHERE contact_id = ? AND kind = ? AND item_id = ?`
	if s.d.name == "postgres" {
		q += ` FOR UPDATE`
	}
	r, err := scanThreadRow(s.row(ctx, tx, q, contactID, item.Kind, item.ID))
	return r, n == 1, err
}

// ConversationCounts returns the contact's dashboard figures.
func (s *Store) ConversationCounts(ctx context.Context, sc connectors.Scope) (connectors.ConversationCounts, error) {
	var c connectors.ConversationCounts
	if !validContact(sc.ContactID) {
		return c, nil
	}
	err := s.row(ctx, s.db, `SELECT
		COALESCE(SUM(CASE WHEN kind = 'ticket' AND status <> 'closed' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN kind = 'ticket' AND status = 'waiting_on_client' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(client_unread), 0)
		FROM conversation_threads WHERE contact_id = ?`, sc.ContactID).Scan(&c.OpenTickets, &c.WaitingOnClient, &c.UnreadReplies)
	return c, ctxWrap(ctx, "conversation counts", err)
}
