package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"clientgate/connectors"
)

var _ connectors.Conversations = (*Store)(nil)

// ConversationCapabilities reports that tickets and item messages are
// supported.
func (s *Store) ConversationCapabilities() connectors.ConversationCapabilities {
	return connectors.ConversationCapabilities{Tickets: true, Messages: true}
}

// ListTickets returns the contact's tickets, most recently active first.
func (s *Store) ListTickets(ctx context.Context, sc connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
	if !validContact(sc.ContactID) {
		return emptyThreads(p)
	}
	page, err := s.listThreads(ctx, `contact_id = ? AND kind = ?`, []any{sc.ContactID, connectors.ThreadTicket},
		connectors.AuthorClient, p)
	return page, ctxWrap(ctx, "list tickets", err)
}

// listThreads lists the threads matching where, most recently active
// first, with Unread counted for reader.
func (s *Store) listThreads(ctx context.Context, where string, args []any, reader connectors.AuthorKind,
	p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
	page, err := listPage(ctx, s, listSpec[connectors.Thread]{
		base:    `SELECT ` + threadColumns + ` FROM conversation_threads WHERE ` + where,
		args:    args,
		dateCol: "updated_at",
		scan:    func(r *sql.Rows) (connectors.Thread, error) { return scanThread(r, reader) },
		key:     func(t connectors.Thread) (time.Time, string) { return t.UpdatedAt, t.ID },
	}, p)
	if page.Items == nil {
		page.Items = []connectors.Thread{}
	}
	return page, err
}

// GetTicket returns one of the contact's tickets.
func (s *Store) GetTicket(ctx context.Context, sc connectors.Scope, ticketID string) (connectors.Thread, error) {
	t, err := s.getThread(ctx, ticketID, clientOf(sc.ContactID), connectors.AuthorClient)
	if err == nil && t.Kind != connectors.ThreadTicket {
		err = connectors.ErrNotFound
	}
	return t, ctxWrap(ctx, "get ticket", err)
}

// CreateTicket opens a ticket with its first post.
func (s *Store) CreateTicket(ctx context.Context, sc connectors.Scope, nt connectors.NewTicket) (connectors.Thread, error) {
	if err := nt.Validate(); err != nil {
		return connectors.Thread{}, wrap("create ticket", err)
	}
	if !validContact(sc.ContactID) {
		return connectors.Thread{}, wrap("create ticket", fmt.Errorf("%w: malformed contact ID", connectors.ErrInvalid))
	}
	var out connectors.Thread
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		at := now()
		r, err := s.insertThread(ctx, tx, connectors.Thread{ContactID: sc.ContactID, Kind: connectors.ThreadTicket,
			Subject: nt.Subject, Category: nt.Category, Form: nt.Form, Status: connectors.TicketOpen, CreatedAt: at, UpdatedAt: at})
		if err != nil {
			return err
		}
		post, err := s.addPost(ctx, tx, &r, connectors.AuthorClient, sc.ContactID,
			connectors.NewPost{ID: nt.PostID, Body: nt.Body, AuthorName: nt.AuthorName}, connectors.TicketOpen)
		if err != nil {
			return err
		}
		out = r.forReader(connectors.AuthorClient)
		return s.fire(ctx, tx, event(connectors.EventTicketOpened, r.Thread, "", post.ID, connectors.AuthorClient))
	})
	return out, ctxWrap(ctx, "create ticket", err)
}

// ReplyToTicket adds the client's post to one of their tickets.
func (s *Store) ReplyToTicket(ctx context.Context, sc connectors.Scope, ticketID string, np connectors.NewPost) (connectors.Post, error) {
	if err := np.Validate(); err != nil {
		return connectors.Post{}, wrap("reply to ticket", err)
	}
	var out connectors.Post
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := s.lockTicket(ctx, tx, ticketID, sc.ContactID)
		if err != nil {
			return err
		}
		old := r.Status
		if old == connectors.TicketClosed {
			return fmt.Errorf("%w: the ticket is closed; reopen it to reply", connectors.ErrConflict)
		}
		if out, err = s.addPost(ctx, tx, &r, connectors.AuthorClient, sc.ContactID, np, clientReplyStatus(old)); err != nil {
			return err
		}
		return s.fire(ctx, tx, event(connectors.EventClientPosted, r.Thread, old, out.ID, connectors.AuthorClient))
	})
	return out, ctxWrap(ctx, "reply to ticket", err)
}

// clientReplyStatus is a thread's status after a client post: open stays
// open (nobody answered yet), anything else waits for staff.
func clientReplyStatus(old connectors.TicketStatus) connectors.TicketStatus {
	if old == connectors.TicketOpen {
		return old
	}
	return connectors.TicketWaitingOnStaff
}

// CloseTicket closes one of the contact's tickets.
func (s *Store) CloseTicket(ctx context.Context, sc connectors.Scope, ticketID string) (connectors.Thread, bool, error) {
	t, changed, err := s.clientSetStatus(ctx, sc, ticketID, func(old connectors.TicketStatus) connectors.TicketStatus {
		return connectors.TicketClosed
	})
	return t, changed, ctxWrap(ctx, "close ticket", err)
}

// ReopenTicket makes one of the contact's closed tickets waiting_on_staff.
func (s *Store) ReopenTicket(ctx context.Context, sc connectors.Scope, ticketID string) (connectors.Thread, bool, error) {
	t, changed, err := s.clientSetStatus(ctx, sc, ticketID, func(old connectors.TicketStatus) connectors.TicketStatus {
		if old == connectors.TicketClosed {
			return connectors.TicketWaitingOnStaff
		}
		return old
	})
	return t, changed, ctxWrap(ctx, "reopen ticket", err)
}

// clientSetStatus changes a ticket's status to next(old) for the client.
func (s *Store) clientSetStatus(ctx context.Context, sc connectors.Scope, ticketID string,
	next func(connectors.TicketStatus) connectors.TicketStatus) (connectors.Thread, bool, error) {
	var out connectors.Thread
	var changed bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := s.lockTicket(ctx, tx, ticketID, sc.ContactID)
		if err != nil {
			return err
		}
		old := r.Status
		if changed = next(old) != old; changed {
			r.Status, r.UpdatedAt = next(old), later(r.UpdatedAt, now())
			if err := s.saveThread(ctx, tx, r); err != nil {
				return err
			}
			err = s.fire(ctx, tx, event(connectors.EventStatusChanged, r.Thread, old, "", connectors.AuthorClient))
		}
		out = r.forReader(connectors.AuthorClient)
		return err
	})
	return out, changed, err
}

// lockTicket is lockThread for a ticket of the contact.
func (s *Store) lockTicket(ctx context.Context, tx *sql.Tx, id, contactID string) (threadRow, error) {
	r, err := s.lockThread(ctx, tx, id, clientOf(contactID))
	if err == nil && r.Kind != connectors.ThreadTicket {
		err = connectors.ErrNotFound
	}
	return r, err
}

// ListPosts returns the posts of one of the contact's threads.
func (s *Store) ListPosts(ctx context.Context, sc connectors.Scope, threadID string, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
	if _, err := s.getThread(ctx, threadID, clientOf(sc.ContactID), connectors.AuthorClient); err != nil {
		return connectors.Page[connectors.Post]{}, ctxWrap(ctx, "list posts", err)
	}
	page, err := s.listPosts(ctx, threadID, p)
	return page, ctxWrap(ctx, "list posts", err)
}

// MarkRead records that the client has read the thread.
func (s *Store) MarkRead(ctx context.Context, sc connectors.Scope, threadID string) error {
	return ctxWrap(ctx, "mark read", s.markRead(ctx, threadID, clientOf(sc.ContactID), connectors.AuthorClient))
}

// event describes a change of thread t.
func event(typ connectors.ConversationEventType, t connectors.Thread, old connectors.TicketStatus, postID string,
	by connectors.AuthorKind) connectors.ConversationEvent {
	return connectors.ConversationEvent{Type: typ, ContactID: t.ContactID, ThreadID: t.ID, Kind: t.Kind, Item: t.Item,
		PostID: postID, By: by, OldStatus: old, Status: t.Status, Assignee: t.Assignee, At: t.UpdatedAt}
}

// emptyThreads is the page of a contact that cannot exist: empty, or
// ErrInvalid for a bad cursor as for any other contact.
func emptyThreads(p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
	if p.Cursor != "" {
		if _, _, err := decodeCursor(p.Cursor); err != nil {
			return connectors.Page[connectors.Thread]{}, wrap("list threads", err)
		}
	}
	return connectors.Page[connectors.Thread]{Items: []connectors.Thread{}}, nil
}
