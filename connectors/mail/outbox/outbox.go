// Package outbox sends email through the durable job queue: sending a
// message enqueues a job of kind "mail.send" (SendArgs) whose handler
// hands it to the mail.Sender. While the mail server is down the job is
// retried with the queue's backoff; a restart loses nothing, because the
// job is in the database; and a message is sent once:
//
//   - enqueuing is unique by the caller's key, so the same notification
//     enqueued twice (a retried request, two replicas) is one job;
//   - before sending, the handler looks the key up in the SentLog (the
//     bridge's mail_sent table) and skips a message already sent; after
//     the server accepted it, it records the key there. So a job run again
//     after a successful send (its completion was lost, a replica took
//     over) does not send again, even after the queue has cleaned the job
//     up.
//
// The remaining window, stated honestly: when the process dies, or the
// database is unreachable, between the server accepting the message and
// the key being recorded (milliseconds), the job runs again and the
// message is sent a second time. It carries the same Message-ID (derived
// from the key), which lets mail clients and servers that deduplicate by
// Message-ID drop it. SMTP cannot do better: accepting a message and
// recording that it was accepted are two systems.
//
// A message the server refuses for good (5xx) or that is malformed is
// discarded at once and logged. A message still failing after
// MaxAttempts (about eight days with the defaults) is discarded and
// counted in clientgate_jobs{kind="mail.send",state="discarded"}.
//
// Callers build the message for one recipient from that recipient's own
// data only (a contact's email holds that contact's thread, read through
// their scope), and links from the configured public URL.
package outbox

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
	"clientgate/connectors/mail"
)

// Kind is the job kind of an outgoing message.
const Kind = "mail.send"

// SendArgs is the job of one outgoing message.
type SendArgs struct {
	// Key identifies the message for deduplication, such as
	// "ticket.opened/<thread>/staff".
	Key     string       `json:"key" river:"unique"`
	Message mail.Message `json:"message"`
}

// Kind implements jobs.Args.
func (SendArgs) Kind() string { return Kind }

// SentLog records which messages were sent; sqlstore.Store implements it.
type SentLog interface {
	// MailSent reports whether the key was recorded as sent.
	MailSent(ctx context.Context, key string) (bool, error)
	// RecordMailSent records the key as sent; again is not an error.
	RecordMailSent(ctx context.Context, key, messageID string, at time.Time) error
}

// Options configures an Outbox.
type Options struct {
	// Queue carries the messages; required.
	Queue *jobs.Queue
	// Sender sends them. nil makes an outbox that only enqueues, for a
	// process that does not work jobs (an operator command).
	Sender mail.Sender
	// Sent records sent keys; required with a Sender.
	Sent SentLog
	// Domain is the right-hand side of the Message-IDs the outbox makes,
	// such as the public URL's host; default "localhost".
	Domain string
	// MaxAttempts is how often a message is tried before it is
	// discarded; default 200 (with the queue's default backoff capped at
	// an hour, about eight days).
	MaxAttempts int
	// Logger receives a line per failure; nil discards.
	Logger *slog.Logger
}

// Outbox enqueues messages and, with a Sender, sends them.
type Outbox struct {
	o Options
}

// MaxKeyLength bounds a message key.
const MaxKeyLength = 200

// New returns an Outbox and, with a Sender, registers the "mail.send"
// handler on the queue: call it before the queue's Start.
func New(o Options) (*Outbox, error) {
	if o.Queue == nil {
		return nil, errors.New("outbox: a queue is required")
	}
	if o.Domain == "" {
		o.Domain = "localhost"
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 200
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	ob := &Outbox{o: o}
	if o.Sender == nil {
		return ob, nil
	}
	if o.Sent == nil {
		return nil, errors.New("outbox: a sent log is required with a sender")
	}
	err := jobs.Register(o.Queue, ob.work, jobs.KindOptions{MaxAttempts: o.MaxAttempts, Timeout: 2 * time.Minute})
	return ob, err
}

// Send enqueues m under key. queued is false when a message with the
// same key is already waiting or was sent in the last day (the queue's
// uniqueness; the sent log covers older ones when the job runs).
// ErrInvalid (a *connectors.ValidationError where possible) for a
// malformed message or key: nothing malformed enters the queue.
func (ob *Outbox) Send(ctx context.Context, key string, m mail.Message) (queued bool, err error) {
	args, err := ob.args(key, m)
	if err != nil {
		return false, err
	}
	res, err := ob.o.Queue.Enqueue(ctx, args, ob.enqueueOptions())
	return err == nil && !res.Duplicate, wrapErr(err)
}

// SendTx is Send inside tx, a transaction on the bridge database: the
// message is sent only if tx commits.
func (ob *Outbox) SendTx(ctx context.Context, tx *sql.Tx, key string, m mail.Message) (queued bool, err error) {
	args, err := ob.args(key, m)
	if err != nil {
		return false, err
	}
	res, err := ob.o.Queue.EnqueueTx(ctx, tx, args, ob.enqueueOptions())
	return err == nil && !res.Duplicate, wrapErr(err)
}

func (ob *Outbox) enqueueOptions() jobs.EnqueueOptions {
	return jobs.EnqueueOptions{Unique: true, MaxAttempts: ob.o.MaxAttempts}
}

// args checks the message and key and gives the message its stable
// Message-ID.
func (ob *Outbox) args(key string, m mail.Message) (SendArgs, error) {
	var verr connectors.ValidationError
	if msg := (connectors.TextRule{Max: MaxKeyLength, Required: true}).Problem(key); msg != "" {
		verr.Add("key", msg)
	}
	if m.MessageID == "" {
		sum := sha256.Sum256([]byte(key))
		m.MessageID = hex.EncodeToString(sum[:16]) + "@" + ob.o.Domain
	}
	var mverr *connectors.ValidationError
	if err := m.Validate(); errors.As(err, &mverr) {
		for f, msg := range mverr.Fields {
			verr.Add(f, msg)
		}
	}
	if err := verr.OrNil(); err != nil {
		return SendArgs{}, fmt.Errorf("outbox: %w", err)
	}
	return SendArgs{Key: key, Message: m}, nil
}

func wrapErr(err error) error {
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}
