package conversationtest

import (
	"github.com/google/uuid"

	"clientgate/connectors"
)

// CheckPostIDs: a post made with an ID chosen up front (so that files
// can be attached to it before it exists) gets that ID, in a ticket's
// first post, a reply, an item message and a staff reply; an ID already
// taken is ErrConflict and stores nothing; a malformed one is
// ErrInvalid. A ticket's form key is kept.
func CheckPostIDs(r Reporter, b Backend) {
	r.Helper()
	c := b.Conv
	if !c.ConversationCapabilities().Tickets {
		return
	}
	first := uuid.NewString()
	t, err := c.CreateTicket(ctx, alice, connectors.NewTicket{Subject: "Quote request", Form: "quote", Body: "Budget: 100",
		AuthorName: "Zoë", PostID: first})
	if !noErr(r, "CreateTicket with a post ID", err) {
		return
	}
	eq(r, "form of a form's ticket", t.Form, "quote")
	if got, err := c.GetTicket(ctx, alice, t.ID); noErr(r, "GetTicket", err) {
		eq(r, "form read back", got.Form, "quote")
	}
	posts := allPosts(r, c, alice, t.ID, 0)
	if len(posts) == 1 {
		eq(r, "first post's ID chosen up front", posts[0].ID, first)
	}
	reply := uuid.NewString()
	p, err := c.ReplyToTicket(ctx, alice, t.ID, connectors.NewPost{ID: reply, Body: "More"})
	if noErr(r, "ReplyToTicket with a post ID", err) {
		eq(r, "reply's ID chosen up front", p.ID, reply)
	}
	_, err = c.ReplyToTicket(ctx, alice, t.ID, connectors.NewPost{ID: first, Body: "Again"})
	wantErr(r, "ReplyToTicket with a taken post ID", err, connectors.ErrConflict)
	_, err = c.CreateTicket(ctx, bob, connectors.NewTicket{Subject: "Steal", Body: "x", PostID: reply})
	wantErr(r, "CreateTicket with a taken post ID", err, connectors.ErrConflict)
	if n := len(allTickets(r, c, bob, 0)); n != 0 {
		r.Errorf("a refused ticket was kept: bob has %d tickets", n)
	}
	_, err = c.ReplyToTicket(ctx, alice, t.ID, connectors.NewPost{ID: "not-a-post-id", Body: "x"})
	wantErr(r, "ReplyToTicket with a malformed post ID", err, connectors.ErrInvalid)
	if n := len(allPosts(r, c, alice, t.ID, 0)); n != 2 {
		r.Errorf("after refused posts the ticket has %d posts, want 2", n)
	}
	postIDsElsewhere(r, b)
}

// postIDsElsewhere checks chosen IDs on item messages and staff replies.
func postIDsElsewhere(r Reporter, b Backend) {
	r.Helper()
	if b.Conv.ConversationCapabilities().Messages {
		id := uuid.NewString()
		p, err := b.Conv.PostMessage(ctx, alice, connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: "inv-ids"},
			connectors.NewPost{ID: id, Body: "About this invoice"})
		if noErr(r, "PostMessage with a post ID", err) {
			eq(r, "message's ID chosen up front", p.ID, id)
		}
	}
	if b.Inbox == nil {
		return
	}
	t := ticket(r, b.Conv, alice, "For staff")
	id := uuid.NewString()
	p, err := b.Inbox.StaffReply(ctx, staff, t.ID, connectors.NewPost{ID: id, Body: "Answer"}, "")
	if noErr(r, "StaffReply with a post ID", err) {
		eq(r, "staff reply's ID chosen up front", p.ID, id)
	}
}
