package conversationtest

import (
	"fmt"

	"clientgate/connectors"
)

// CheckIsolation makes threads for two contacts and checks that the
// other contact, unknown and malformed contacts, and malformed IDs get
// ErrNotFound from every per-thread method, and lists without them.
func CheckIsolation(r Reporter, b Backend) {
	r.Helper()
	c := b.Conv
	caps := c.ConversationCapabilities()
	var victims []connectors.Thread
	if caps.Tickets {
		victims = append(victims, ticket(r, c, alice, "Alice's secret"))
	}
	if caps.Messages {
		invoice := connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: "inv-1"}
		if _, err := c.PostMessage(ctx, alice, invoice, connectors.NewPost{Body: "About this invoice"}); noErr(r, "PostMessage", err) {
			if t, err := c.ItemThread(ctx, alice, invoice); noErr(r, "ItemThread", err) {
				victims = append(victims, t)
			}
		}
		items, err := c.ListMessages(ctx, bob, invoice, connectors.PageRequest{})
		if noErr(r, "ListMessages of another contact's item thread", err) && len(items.Items) > 0 {
			r.Errorf("LEAK: bob lists alice's messages on %v", invoice)
		}
		_, err = c.ItemThread(ctx, bob, invoice)
		wantErr(r, "ItemThread of another contact's item", err, connectors.ErrNotFound)
	}
	others := []connectors.Scope{bob, carol}
	for _, id := range badContacts {
		others = append(others, connectors.Scope{ContactID: id})
	}
	for _, v := range victims {
		for _, s := range others {
			threadHidden(r, c, s, v.ID, fmt.Sprintf("%s thread of alice as %q", v.Kind, s.ContactID))
		}
		if v.Kind.IsItem() && caps.Tickets {
			_, err := c.GetTicket(ctx, alice, v.ID)
			wantErr(r, "GetTicket of an item thread", err, connectors.ErrNotFound)
		}
	}
	for _, id := range malformedIDs {
		threadHidden(r, c, alice, id, fmt.Sprintf("thread with malformed ID %q", id))
	}
	for _, s := range others {
		if got := allTickets(r, c, s, 0); caps.Tickets && len(got) > 0 {
			r.Errorf("LEAK: %q lists tickets %s", s.ContactID, ids(got, func(t connectors.Thread) string { return t.ID }))
		}
	}
}

// threadHidden checks that every per-thread method answers ErrNotFound.
func threadHidden(r Reporter, c connectors.Conversations, s connectors.Scope, id, what string) {
	r.Helper()
	if c.ConversationCapabilities().Tickets {
		if t, err := c.GetTicket(ctx, s, id); err == nil {
			r.Errorf("LEAK: GetTicket %s: %+v", what, t)
		} else {
			wantErr(r, "GetTicket "+what, err, connectors.ErrNotFound)
		}
		_, err := c.ReplyToTicket(ctx, s, id, connectors.NewPost{Body: "intruder"})
		wantErr(r, "ReplyToTicket "+what, err, connectors.ErrNotFound)
		_, _, err = c.CloseTicket(ctx, s, id)
		wantErr(r, "CloseTicket "+what, err, connectors.ErrNotFound)
		_, _, err = c.ReopenTicket(ctx, s, id)
		wantErr(r, "ReopenTicket "+what, err, connectors.ErrNotFound)
	}
	if page, err := c.ListPosts(ctx, s, id, connectors.PageRequest{}); err == nil {
		r.Errorf("LEAK: ListPosts %s: %d posts", what, len(page.Items))
	} else {
		wantErr(r, "ListPosts "+what, err, connectors.ErrNotFound)
	}
	wantErr(r, "MarkRead "+what, c.MarkRead(ctx, s, id), connectors.ErrNotFound)
}
