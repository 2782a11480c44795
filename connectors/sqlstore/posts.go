package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
)

const postColumns = `id, thread_id, author_kind, author_name, body, created_at`

func scanPost(r interface{ Scan(...any) error }) (connectors.Post, error) {
	var p connectors.Post
	err := r.Scan(&p.ID, &p.ThreadID, &p.Author, &p.AuthorName, &p.Body, tm(&p.CreatedAt))
	return p, err
}

// addPost stores a post by author in the locked thread r, then sets the
// thread's status, counts and time: the post is unread for the other
// side, and the author's side has now read everything. ErrConflict when
// the thread is full.
func (s *Store) addPost(ctx context.Context, tx *sql.Tx, r *threadRow, author connectors.AuthorKind, authorID string,
	np connectors.NewPost, status connectors.TicketStatus) (connectors.Post, error) {
	if np.ID != "" && !isID(np.ID) {
		return connectors.Post{}, fmt.Errorf("%w: the post ID %q is not a UUID", connectors.ErrInvalid, np.ID)
	}
	if r.Posts >= connectors.MaxThreadPosts {
		return connectors.Post{}, fmt.Errorf("%w: the thread has %d posts, the most it may hold", connectors.ErrConflict, r.Posts)
	}
	p := connectors.Post{ID: np.ID, ThreadID: r.ID, Author: author, AuthorName: np.AuthorName,
		Body: np.Body, CreatedAt: now()}
	if p.ID == "" {
		p.ID = uuid.NewString()
	}
	res, err := s.exec(ctx, tx, `INSERT INTO conversation_posts (id, thread_id, author_kind, author_id, author_name, body, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, p.ID, p.ThreadID, p.Author, authorID, p.AuthorName, p.Body,
		s.d.ts(p.CreatedAt))
	if err != nil {
		return connectors.Post{}, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return connectors.Post{}, cmp.Or(err, fmt.Errorf("%w: post ID %s is taken", connectors.ErrConflict, p.ID))
	}
	r.Posts++
	r.Status = status
	r.UpdatedAt = later(r.UpdatedAt, p.CreatedAt)
	if author == connectors.AuthorClient {
		r.staffUnread, r.clientUnread = r.staffUnread+1, 0
	} else {
		r.clientUnread, r.staffUnread = r.clientUnread+1, 0
	}
	return p, s.saveThread(ctx, tx, *r)
}

// later returns the later of two times, so that a thread's UpdatedAt
// never goes back when the clock does.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// listPosts lists a thread's posts, newest first; the caller has checked
// that the thread exists and may be read.
func (s *Store) listPosts(ctx context.Context, threadID string, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
	return listPage(ctx, s, listSpec[connectors.Post]{
		base:    `SELECT ` + postColumns + ` FROM conversation_posts WHERE thread_id = ?`,
		args:    []any{threadID},
		dateCol: "created_at",
		scan:    func(r *sql.Rows) (connectors.Post, error) { return scanPost(r) },
		key:     func(p connectors.Post) (time.Time, string) { return p.CreatedAt, p.ID },
	}, p)
}

// markRead sets reader's unread count of a thread o reaches to 0.
// ErrNotFound for any other thread.
func (s *Store) markRead(ctx context.Context, threadID string, o threadOwner, reader connectors.AuthorKind) error {
	q, args, err := threadQuery(threadID, o)
	if err != nil {
		return err
	}
	column := "client_unread"
	if reader == connectors.AuthorStaff {
		column = "staff_unread"
	}
	q = strings.Replace(q, `SELECT `+threadColumns+` FROM conversation_threads`, `UPDATE conversation_threads SET `+column+` = 0`, 1)
	res, err := s.exec(ctx, s.db, q, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return orNotFound(err)
	}
	return nil
}

// orNotFound returns err, or ErrNotFound when it is nil.
func orNotFound(err error) error {
	if err != nil {
		return err
	}
	return connectors.ErrNotFound
}
