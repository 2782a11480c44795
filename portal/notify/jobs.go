package notify

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
)

// ConversationArgs is the job of one conversation event.
type ConversationArgs struct {
	Event connectors.ConversationEvent `json:"event"`
}

// Kind implements jobs.Args.
func (ConversationArgs) Kind() string { return "notify.conversation" }

// SignupArgs is the job that tells the staff of a contact created on a
// first sign-in.
type SignupArgs struct {
	ContactID string `json:"contact_id" river:"unique"`
}

// Kind implements jobs.Args.
func (SignupArgs) Kind() string { return "notify.signup" }

// jobOptions tune the notification kinds: a job waits for the CRM while
// it is down (each attempt backs off up to the queue's maximum).
var jobOptions = jobs.KindOptions{MaxAttempts: 100, Timeout: time.Minute}

// FilesSharedArgs is the job that tells a contact of files staff shared
// with them (or their company) in one go.
type FilesSharedArgs struct {
	ContactID string   `json:"contact_id"`
	FileIDs   []string `json:"file_ids"`
}

// Kind implements jobs.Args.
func (FilesSharedArgs) Kind() string { return "notify.files_shared" }

// Register makes the queue work the notification jobs; call it before
// the queue starts.
func (n *Notifier) Register(q *jobs.Queue) error {
	if err := jobs.Register(q, n.conversation, jobOptions); err != nil {
		return err
	}
	if err := jobs.Register(q, n.filesShared, jobOptions); err != nil {
		return err
	}
	n.jobs = q
	return jobs.Register(q, n.signup, jobOptions)
}

// EnqueueEvent returns the store's conversation hook: it enqueues the
// event's notification job in the transaction of the change, so that a
// post and its notification are stored together or not at all.
func EnqueueEvent(q *jobs.Queue) func(ctx context.Context, tx *sql.Tx, e connectors.ConversationEvent) error {
	return func(ctx context.Context, tx *sql.Tx, e connectors.ConversationEvent) error {
		_, err := q.EnqueueTx(ctx, tx, ConversationArgs{Event: e}, jobs.EnqueueOptions{})
		return err
	}
}

// EnqueueSignup returns auth's provisioning hook: it enqueues the job
// that tells the staff of the new contact (a failure is logged; the
// sign-in goes on).
func EnqueueSignup(q *jobs.Queue, log *slog.Logger) func(ctx context.Context, c connectors.Contact) {
	return func(ctx context.Context, c connectors.Contact) {
		if _, err := q.Enqueue(ctx, SignupArgs{ContactID: c.ID}, jobs.EnqueueOptions{Unique: true}); err != nil {
			log.ErrorContext(ctx, "notify: the staff will not hear of a new sign-up", "contact_id", c.ID, "err", err)
		}
	}
}
