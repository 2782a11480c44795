package conversationtest

import (
	"fmt"

	"clientgate/connectors"
)

// CheckMessages posts messages on items: the first creates the
// contact's thread of that item (open), its posts list newest first,
// another item or kind is another thread, and malformed item references
// name nothing.
func CheckMessages(r Reporter, b Backend) {
	r.Helper()
	c := b.Conv
	if !c.ConversationCapabilities().Messages {
		return
	}
	invoice := connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: "INV-0042"}
	page, err := c.ListMessages(ctx, alice, invoice, connectors.PageRequest{})
	if noErr(r, "ListMessages before any", err) && len(page.Items) != 0 {
		r.Errorf("ListMessages before any message: %d items", len(page.Items))
	}
	_, err = c.ItemThread(ctx, alice, invoice)
	wantErr(r, "ItemThread before any message", err, connectors.ErrNotFound)
	for i := range 3 {
		p, err := c.PostMessage(ctx, alice, invoice, connectors.NewPost{Body: fmt.Sprint("message ", i), AuthorName: "Zoë"})
		if noErr(r, "PostMessage", err) {
			eq(r, "message author", p.Author, connectors.AuthorClient)
		}
	}
	t, err := c.ItemThread(ctx, alice, invoice)
	if noErr(r, "ItemThread", err) {
		eq(r, "item thread kind", t.Kind, connectors.ThreadInvoice)
		eq(r, "item thread item", t.Item, invoice)
		eq(r, "item thread status", t.Status, connectors.TicketOpen)
		eq(r, "item thread posts", t.Posts, 3)
		eq(r, "item thread contact", t.ContactID, alice.ContactID)
	}
	page, err = c.ListMessages(ctx, alice, invoice, connectors.PageRequest{Limit: 2})
	if noErr(r, "ListMessages", err) && len(page.Items) == 2 {
		eq(r, "newest message", page.Items[0].Body, "message 2")
		eq(r, "messages has a next page", page.Next != "", true)
	}
	if posts := allPosts(r, c, alice, t.ID, 0); len(posts) != 3 {
		r.Errorf("ListPosts of the item thread: %d posts, want 3", len(posts))
	}
	// The same ID as a quote, or another invoice, is another thread.
	for _, other := range []connectors.ItemRef{{Kind: connectors.ThreadQuote, ID: invoice.ID}, {Kind: connectors.ThreadInvoice, ID: "INV-0043"}} {
		if page, err := c.ListMessages(ctx, alice, other, connectors.PageRequest{}); noErr(r, "ListMessages", err) && len(page.Items) > 0 {
			r.Errorf("messages of %v show on %v", invoice, other)
		}
	}
	for _, bad := range []connectors.ItemRef{{}, {Kind: connectors.ThreadTicket, ID: t.ID}, {Kind: "order", ID: "1"},
		{Kind: connectors.ThreadTask}, {Kind: connectors.ThreadTask, ID: "a\x00b"}} {
		_, err := c.PostMessage(ctx, alice, bad, connectors.NewPost{Body: "x"})
		wantErr(r, fmt.Sprintf("PostMessage on %+v", bad), err, connectors.ErrNotFound)
		_, err = c.ItemThread(ctx, alice, bad)
		wantErr(r, fmt.Sprintf("ItemThread of %+v", bad), err, connectors.ErrNotFound)
	}
	if c.ConversationCapabilities().Tickets {
		if got := allTickets(r, c, alice, 0); len(got) != 0 {
			r.Errorf("item threads are listed as tickets: %d", len(got))
		}
	}
}

// CheckCancelled calls every method with a cancelled context: each
// fails.
func CheckCancelled(r Reporter, b Backend) {
	r.Helper()
	c := b.Conv
	id := ticket(r, c, alice, "before cancel").ID
	cctx, cancel := contextCancelled()
	defer cancel()
	item := connectors.ItemRef{Kind: connectors.ThreadTask, ID: "t1"}
	calls := map[string]func() error{
		"ListTickets": func() error { _, err := c.ListTickets(cctx, alice, connectors.PageRequest{}); return err },
		"GetTicket":   func() error { _, err := c.GetTicket(cctx, alice, id); return err },
		"CreateTicket": func() error {
			_, err := c.CreateTicket(cctx, alice, connectors.NewTicket{Subject: "x", Body: "y"})
			return err
		},
		"Reply":       func() error { _, err := c.ReplyToTicket(cctx, alice, id, connectors.NewPost{Body: "y"}); return err },
		"ListPosts":   func() error { _, err := c.ListPosts(cctx, alice, id, connectors.PageRequest{}); return err },
		"PostMessage": func() error { _, err := c.PostMessage(cctx, alice, item, connectors.NewPost{Body: "y"}); return err },
		"Counts":      func() error { _, err := c.ConversationCounts(cctx, alice); return err },
	}
	for name, call := range calls {
		if err := call(); err == nil {
			r.Errorf("%s with a cancelled context: no error", name)
		}
	}
}
