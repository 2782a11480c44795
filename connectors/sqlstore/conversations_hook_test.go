package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// TestConversationHookSeesEveryWrite checks the event of each kind of
// write, made inside its transaction, and that a failing hook rolls the
// write back.
func TestConversationHookSeesEveryWrite(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		var got []connectors.ConversationEvent
		s.SetConversationHook(func(ctx context.Context, tx *sql.Tx, e connectors.ConversationEvent) error {
			var n int
			// The write is visible inside the hook's transaction.
			if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT posts FROM conversation_threads WHERE id = ?`), e.ThreadID).Scan(&n); err != nil {
				return err
			}
			got = append(got, e)
			return nil
		})
		sc := connectors.Scope{ContactID: "c-1"}
		actor := bridge.StaffActor{ID: "iss|sam", Name: "Sam"}
		tk, err := s.CreateTicket(ctx, sc, connectors.NewTicket{Subject: "Help", Body: "Please"})
		steps := []error{err}
		_, err = s.ReplyToTicket(ctx, sc, tk.ID, connectors.NewPost{Body: "More"})
		steps = append(steps, err)
		_, err = s.StaffReply(ctx, actor, tk.ID, connectors.NewPost{Body: "Done"}, "")
		steps = append(steps, err)
		_, _, err = s.Assign(ctx, actor, tk.ID, connectors.StaffMember{ID: "iss|kim", Name: "Kim"})
		steps = append(steps, err)
		_, _, err = s.CloseTicket(ctx, sc, tk.ID)
		steps = append(steps, err)
		_, err = s.PostMessage(ctx, sc, connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: "inv-9"}, connectors.NewPost{Body: "Why?"})
		steps = append(steps, err)
		if err := errors.Join(steps...); err != nil {
			t.Fatal(err)
		}
		want := []string{
			"ticket.opened client open",
			"client.posted client open→open",
			"staff.posted staff open→waiting_on_client",
			"assigned staff waiting_on_client→waiting_on_client",
			"status.changed client waiting_on_client→closed",
			"client.posted client open",
		}
		if len(got) != len(want) {
			t.Fatalf("%d events, want %d: %+v", len(got), len(want), got)
		}
		for i, e := range got {
			desc := fmt.Sprintf("%s %s %s", e.Type, e.By, e.Status)
			if e.OldStatus != "" {
				desc = fmt.Sprintf("%s %s %s→%s", e.Type, e.By, e.OldStatus, e.Status)
			}
			if desc != want[i] || e.ContactID != "c-1" || e.At.IsZero() {
				t.Errorf("event %d = %s %+v, want %s", i, desc, e, want[i])
			}
		}
		if got[0].PostID == "" || got[5].Item.ID != "inv-9" || got[3].Assignee.ID != "iss|kim" {
			t.Errorf("event details: %+v", got)
		}

		s.SetConversationHook(func(context.Context, *sql.Tx, connectors.ConversationEvent) error { return errors.New("outbox down") })
		if _, err := s.ReplyToTicket(ctx, sc, tk.ID, connectors.NewPost{Body: "lost"}); err == nil {
			t.Error("a write succeeded although its hook failed")
		}
		s.SetConversationHook(nil)
		if after, err := s.GetTicket(ctx, sc, tk.ID); err != nil || after.Posts != 3 {
			t.Errorf("after the failed hook: posts %d (%v), want 3", after.Posts, err)
		}
	})
}
