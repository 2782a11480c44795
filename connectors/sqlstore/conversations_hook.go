package sqlstore

import (
	"context"
	"database/sql"

	"clientgate/connectors"
)

// ConversationHook is called inside the transaction of every
// conversation write with the event it made, after the write and before
// the commit; an error rolls the write back and is returned to the
// caller. It is the transactional outbox: cmd enqueues the notification
// job in tx (jobs.Queue.EnqueueTx), so a ticket and its notification are
// stored together or not at all. It must not use the store itself (the
// transaction holds SQLite's only write lock).
type ConversationHook func(ctx context.Context, tx *sql.Tx, e connectors.ConversationEvent) error

// SetConversationHook installs h (nil removes it). Call it before
// serving; it is safe for concurrent use.
func (s *Store) SetConversationHook(h ConversationHook) {
	if h == nil {
		s.hook.Store(nil)
		return
	}
	s.hook.Store(&h)
}

// fire calls the hook, if any, with e.
func (s *Store) fire(ctx context.Context, tx *sql.Tx, e connectors.ConversationEvent) error {
	if h := s.hook.Load(); h != nil {
		return (*h)(ctx, tx, e)
	}
	return nil
}
