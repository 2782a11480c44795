package outbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
	"clientgate/connectors/jobs/jobstest"
	"clientgate/connectors/mail"
	"clientgate/connectors/mail/mailtest"
	"clientgate/connectors/mail/outbox"
	"clientgate/connectors/sqlstore"
)

func message(to, subject string) mail.Message {
	return mail.Message{To: []string{to}, Subject: subject, Text: "Hello,\nthere is news on your ticket.",
		HTML: "<p>Hello, there is news on your ticket.</p>"}
}

// delivered waits until exactly n messages reached to, then a little
// longer to catch a duplicate.
func delivered(t *testing.T, mp *mailtest.Mailpit, to string, n int) []mailtest.Delivered {
	t.Helper()
	mailtest.WaitFor(t, mp, to, n, 20*time.Second)
	time.Sleep(400 * time.Millisecond)
	got, err := mp.Delivered(context.Background(), to)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d messages delivered to %s, want %d", len(got), to, n)
	}
	return got
}

func TestSendsOnceWithAStableMessageID(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	eachDialect(t, func(t *testing.T, store *sqlstore.Store) {
		ctx := context.Background()
		r := newRig(t, store, mp, true)
		to := mailtest.Recipient("once")
		queued, err := r.box.Send(ctx, "ticket.opened/1/"+to, message(to, "New ticket"))
		if err != nil || !queued {
			t.Fatalf("Send = %v, %v", queued, err)
		}
		again, err := r.box.Send(ctx, "ticket.opened/1/"+to, message(to, "New ticket"))
		if err != nil || again {
			t.Errorf("Send of the same key again = %v, %v; want not queued", again, err)
		}
		got := delivered(t, mp, to, 1)
		if got[0].Subject != "New ticket" || got[0].From != from || !strings.HasSuffix(got[0].MessageID, "@portal.example.test") {
			t.Errorf("delivered %+v", got[0])
		}
		eventually(t, "the sent marker", func() bool {
			sent, err := store.MailSent(ctx, "ticket.opened/1/"+to)
			return err == nil && sent
		})
	})
}

// TestRetriesWhileSMTPIsDown: the server refuses connections for a
// while; the job retries with backoff and the message arrives once when
// the server is back.
func TestRetriesWhileSMTPIsDown(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	eachDialect(t, func(t *testing.T, store *sqlstore.Store) {
		r := newRig(t, store, mp, false)
		to := mailtest.Recipient("down")
		if _, err := r.box.Send(context.Background(), "down/"+to, message(to, "Reply while down")); err != nil {
			t.Fatal(err)
		}
		eventually(t, "three failed attempts", func() bool { return counter(t, r.reg, "retried") >= 3 })
		if got, _ := mp.Delivered(context.Background(), to); len(got) != 0 {
			t.Fatalf("delivered while the server was down: %d", len(got))
		}
		r.proxy.Up(true)
		got := delivered(t, mp, to, 1)
		if got[0].Subject != "Reply while down" {
			t.Errorf("subject %q", got[0].Subject)
		}
		eventually(t, "the completion counted", func() bool { return counter(t, r.reg, "completed") == 1 })
	})
}

// TestSurvivesARestart: the message is enqueued while the server is down
// and the process stops; a new queue and outbox on the same database
// (as after a restart) send it once.
func TestSurvivesARestart(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	eachDialect(t, func(t *testing.T, store *sqlstore.Store) {
		ctx := context.Background()
		before := newRig(t, store, mp, false)
		to := mailtest.Recipient("restart")
		if _, err := before.box.Send(ctx, "restart/"+to, message(to, "Across a restart")); err != nil {
			t.Fatal(err)
		}
		eventually(t, "a failed attempt", func() bool { return counter(t, before.reg, "retried") >= 1 })
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := before.queue.Stop(sctx); err != nil {
			t.Fatal(err)
		}
		newRig(t, store, mp, true)
		delivered(t, mp, to, 1)
	})
}

// TestAlreadySentIsNotSentAgain: a job for a key the sent log holds
// (its first job was cleaned up, or ran again after a lost completion)
// completes without sending.
func TestAlreadySentIsNotSentAgain(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	eachDialect(t, func(t *testing.T, store *sqlstore.Store) {
		ctx := context.Background()
		r := newRig(t, store, mp, true)
		to := mailtest.Recipient("dup")
		if err := store.RecordMailSent(ctx, "dup/"+to, "x@portal.example.test", time.Now()); err != nil {
			t.Fatal(err)
		}
		if _, err := r.box.Send(ctx, "dup/"+to, message(to, "Already sent")); err != nil {
			t.Fatal(err)
		}
		eventually(t, "the job completed", func() bool { return counter(t, r.reg, "completed") == 1 })
		if got, _ := mp.Delivered(ctx, to); len(got) != 0 {
			t.Errorf("a message recorded as sent was sent again")
		}
	})
}

func TestPermanentRefusalIsNotRetried(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	eachDialect(t, func(t *testing.T, store *sqlstore.Store) {
		r := newRig(t, store, mp, true)
		// The test Mailpit refuses recipients outside example.test (5xx).
		if _, err := r.box.Send(context.Background(), "refused", message("someone@refused.invalid", "x")); err != nil {
			t.Fatal(err)
		}
		eventually(t, "the job cancelled", func() bool { return counter(t, r.reg, "cancelled") == 1 })
		time.Sleep(300 * time.Millisecond)
		if n := counter(t, r.reg, "retried"); n != 0 {
			t.Errorf("a refused message was retried %v times", n)
		}
	})
}

func TestMalformedMessagesNeverQueued(t *testing.T) {
	eachDialect(t, func(t *testing.T, store *sqlstore.Store) {
		q, _ := jobstest.Open(t, store, jobs.Options{})
		box, err := outbox.New(outbox.Options{Queue: q})
		if err != nil {
			t.Fatal(err)
		}
		for name, c := range map[string]struct {
			key string
			m   mail.Message
		}{
			"no key":            {"", message("a@example.test", "x")},
			"key with newline":  {"a\nb", message("a@example.test", "x")},
			"subject injection": {"k", message("a@example.test", "x\r\nBcc: b@example.test")},
			"no recipient":      {"k", mail.Message{Subject: "x", Text: "x"}},
		} {
			_, err := box.Send(context.Background(), c.key, c.m)
			var verr *connectors.ValidationError
			if !errors.As(err, &verr) {
				t.Errorf("%s: err = %v, want a *connectors.ValidationError", name, err)
			}
		}
	})
}
