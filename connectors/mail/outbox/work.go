package outbox

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
	"clientgate/connectors/mail"
)

// recordTries is how often the handler tries to record a sent message
// before giving up (and completing the job anyway: running it again
// would send the message again).
const recordTries = 5

// work is the "mail.send" handler.
func (ob *Outbox) work(ctx context.Context, j *jobs.Job[SendArgs]) error {
	key, m := j.Args.Key, j.Args.Message
	log := ob.o.Logger.With("key", key, "job", j.ID, "attempt", j.Attempt)
	sent, err := ob.o.Sent.MailSent(ctx, key)
	if err != nil {
		return err
	}
	if sent {
		log.InfoContext(ctx, "outbox: message already sent; not sending again")
		return nil
	}
	if err := ob.o.Sender.Send(ctx, m); err != nil {
		if errors.Is(err, connectors.ErrInvalid) || errors.Is(err, mail.ErrPermanent) {
			log.ErrorContext(ctx, "outbox: message refused; discarding it", "err", err)
			return jobs.Cancel(err)
		}
		log.WarnContext(ctx, "outbox: sending failed; will retry", "err", err, "max_attempts", j.MaxAttempts)
		return err
	}
	ob.record(ctx, log, key, m.MessageID)
	return nil
}

// record stores the sent marker, retrying briefly when the database
// fails, since the message is already out.
func (ob *Outbox) record(ctx context.Context, log *slog.Logger, key, messageID string) {
	var err error
	for try := 1; try <= recordTries; try++ {
		if err = ob.o.Sent.RecordMailSent(ctx, key, messageID, time.Now()); err == nil {
			return
		}
		select {
		case <-ctx.Done():
			try = recordTries
		case <-time.After(time.Duration(try) * 200 * time.Millisecond):
		}
	}
	log.ErrorContext(ctx, "outbox: message sent but not recorded as sent; a rerun of its job would send it again", "err", err)
}
