package conversationtest

import (
	"clientgate/connectors"
)

// CheckTicketLifecycle opens a ticket and walks it through replies,
// closing and reopening: the status moves as the contract says, the
// thread and its posts read back as written, and closing or reopening
// twice reports no change.
func CheckTicketLifecycle(r Reporter, b Backend) {
	r.Helper()
	c := b.Conv
	if !c.ConversationCapabilities().Tickets {
		return
	}
	body := "Hello,\n\tthe <b>invoice</b> is wrong & late.\n<script>alert(1)</script>"
	t, err := c.CreateTicket(ctx, alice, connectors.NewTicket{Subject: "  Invoice 42 ", Category: "Billing", Body: body, AuthorName: "Zoë Ångström"})
	if !noErr(r, "CreateTicket", err) {
		return
	}
	if t.ID == "" {
		r.Errorf("CreateTicket: empty ID")
	}
	eq(r, "new ticket kind", t.Kind, connectors.ThreadTicket)
	eq(r, "new ticket status", t.Status, connectors.TicketOpen)
	eq(r, "new ticket subject (trimmed)", t.Subject, "Invoice 42")
	eq(r, "new ticket category", t.Category, "Billing")
	eq(r, "new ticket contact", t.ContactID, alice.ContactID)
	eq(r, "new ticket posts", t.Posts, 1)
	eq(r, "new ticket unread", t.Unread, 0)
	recent(r, "new ticket created", t.CreatedAt)
	got, err := c.GetTicket(ctx, alice, t.ID)
	if noErr(r, "GetTicket", err) && got != t {
		r.Errorf("GetTicket = %+v, want what CreateTicket returned %+v", got, t)
	}
	posts := allPosts(r, c, alice, t.ID, 0)
	if len(posts) != 1 {
		r.Errorf("ListPosts of a new ticket: %d posts, want 1", len(posts))
		return
	}
	p := posts[0]
	eq(r, "first post body (stored as text, verbatim)", p.Body, body)
	eq(r, "first post author", p.Author, connectors.AuthorClient)
	eq(r, "first post author name", p.AuthorName, "Zoë Ångström")
	eq(r, "first post thread", p.ThreadID, t.ID)
	recent(r, "first post time", p.CreatedAt)
	lifecycle(r, c, t.ID)
}

// lifecycle replies, closes and reopens ticket id of alice.
func lifecycle(r Reporter, c connectors.Conversations, id string) {
	r.Helper()
	reply, err := c.ReplyToTicket(ctx, alice, id, connectors.NewPost{Body: "More details", AuthorName: "Zoë"})
	if noErr(r, "ReplyToTicket", err) {
		eq(r, "reply author", reply.Author, connectors.AuthorClient)
		eq(r, "reply body", reply.Body, "More details")
	}
	status(r, c, id, connectors.TicketOpen, 2, "after the client's reply to an unanswered ticket")
	closed, changed, err := c.CloseTicket(ctx, alice, id)
	if noErr(r, "CloseTicket", err) {
		eq(r, "CloseTicket changed", changed, true)
		eq(r, "CloseTicket status", closed.Status, connectors.TicketClosed)
	}
	if _, changed, err := c.CloseTicket(ctx, alice, id); noErr(r, "CloseTicket again", err) {
		eq(r, "CloseTicket again changed", changed, false)
	}
	_, err = c.ReplyToTicket(ctx, alice, id, connectors.NewPost{Body: "Still there?"})
	wantErr(r, "ReplyToTicket on a closed ticket", err, connectors.ErrConflict)
	status(r, c, id, connectors.TicketClosed, 2, "after the refused reply")
	reopened, changed, err := c.ReopenTicket(ctx, alice, id)
	if noErr(r, "ReopenTicket", err) {
		eq(r, "ReopenTicket changed", changed, true)
		eq(r, "ReopenTicket status", reopened.Status, connectors.TicketWaitingOnStaff)
	}
	if _, changed, err := c.ReopenTicket(ctx, alice, id); noErr(r, "ReopenTicket again", err) {
		eq(r, "ReopenTicket again changed", changed, false)
	}
	if _, err := c.ReplyToTicket(ctx, alice, id, connectors.NewPost{Body: "Thanks"}); noErr(r, "ReplyToTicket after reopening", err) {
		status(r, c, id, connectors.TicketWaitingOnStaff, 3, "after the reply to the reopened ticket")
	}
	counts, err := c.ConversationCounts(ctx, alice)
	if noErr(r, "ConversationCounts", err) {
		eq(r, "open tickets", counts.OpenTickets, 1)
	}
}

// status checks a ticket's status and post count.
func status(r Reporter, c connectors.Conversations, id string, want connectors.TicketStatus, posts int, when string) {
	r.Helper()
	t, err := c.GetTicket(ctx, alice, id)
	if noErr(r, "GetTicket "+when, err) {
		eq(r, "status "+when, t.Status, want)
		eq(r, "posts "+when, t.Posts, posts)
	}
}
