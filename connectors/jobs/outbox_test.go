package jobs_test

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
)

// eventArgs carries a conversation event, as a notification job would.
type eventArgs struct {
	Event connectors.ConversationEvent `json:"event"`
}

func (eventArgs) Kind() string { return "test.conversation_event" }

// TestEnqueueTxIsAnOutbox enqueues jobs inside the store's own
// conversation transactions: a committed ticket has its job, a ticket
// whose transaction fails has neither.
func TestEnqueueTxIsAnOutbox(t *testing.T) {
	eachDialect(t, func(t *testing.T, b bridgeDB) {
		ctx := context.Background()
		q := b.open(t, jobs.Options{})
		failAfterEnqueue := false
		b.store.SetConversationHook(func(ctx context.Context, tx *sql.Tx, e connectors.ConversationEvent) error {
			if _, err := q.EnqueueTx(ctx, tx, eventArgs{Event: e}, jobs.EnqueueOptions{}); err != nil {
				return err
			}
			if failAfterEnqueue {
				return errors.New("hook failed")
			}
			return nil
		})
		got := make(chan connectors.ConversationEvent, 10)
		err := jobs.Register(q.Queue, func(_ context.Context, j *jobs.Job[eventArgs]) error {
			got <- j.Args.Event
			return nil
		}, jobs.KindOptions{})
		if err != nil {
			t.Fatal(err)
		}
		start(t, q)
		scope := connectors.Scope{ContactID: "42"}
		ticket, err := b.store.CreateTicket(ctx, scope, connectors.NewTicket{Subject: "Help", Body: "Please", AuthorName: "Zoë"})
		if err != nil {
			t.Fatalf("CreateTicket: %v", err)
		}
		select {
		case e := <-got:
			if e.Type != connectors.EventTicketOpened || e.ThreadID != ticket.ID || e.ContactID != "42" {
				t.Errorf("job got event %+v, want ticket.opened of %s", e, ticket.ID)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("the ticket's job never ran")
		}

		failAfterEnqueue = true
		if _, err := b.store.CreateTicket(ctx, scope, connectors.NewTicket{Subject: "Lost", Body: "x"}); err == nil {
			t.Fatal("CreateTicket succeeded although its hook failed")
		}
		page, err := b.store.ListTickets(ctx, scope, connectors.PageRequest{})
		if err != nil || len(page.Items) != 1 {
			t.Errorf("tickets after the failed create: %d (%v), want 1", len(page.Items), err)
		}
		rolledBack(t, q)
		select {
		case e := <-got:
			t.Errorf("a job of the rolled back ticket ran: %+v", e)
		case <-time.After(500 * time.Millisecond):
		}
	})
}

// rolledBack checks that a job enqueued in a transaction that rolls back
// does not exist.
func rolledBack(t *testing.T, q testQueue) {
	t.Helper()
	ctx := context.Background()
	tx, err := q.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	res, err := q.EnqueueTx(ctx, tx, echoArgs{N: 9}, jobs.EnqueueOptions{})
	if err != nil {
		t.Fatalf("EnqueueTx: %v", err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	var n int
	query := `SELECT COUNT(*) FROM river_job WHERE id = ` + strconv.FormatInt(res.ID, 10)
	if err := q.db.QueryRowContext(ctx, query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	var events int
	query = `SELECT COUNT(*) FROM river_job WHERE kind = 'test.conversation_event'`
	if err := q.db.QueryRowContext(ctx, query).Scan(&events); err != nil {
		t.Fatal(err)
	}
	if events != 1 {
		t.Errorf("%d conversation event jobs, want 1 (the committed ticket's)", events)
	}
	if n != 0 {
		t.Errorf("%d jobs left by rolled back transactions", n)
	}
}
