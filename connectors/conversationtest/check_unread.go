package conversationtest

import (
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// staff is the staff member of the checks.
var staff = bridge.StaffActor{ID: "https://id.example.com|staff-1", Name: "Sam Support", IP: "192.0.2.7"}

// CheckUnread follows read marks on both sides: staff replies are unread
// for the client until MarkRead, client posts unread for staff until
// MarkStaffRead, a side's own post marks the thread read for it, and the
// dashboard counts agree.
func CheckUnread(r Reporter, b Backend) {
	r.Helper()
	c, in := b.Conv, b.Inbox
	if in == nil || !c.ConversationCapabilities().Tickets {
		return
	}
	t := ticket(r, c, alice, "Unread")
	staffUnread(r, in, t.ID, 1, "after the client opened the ticket")
	for range 2 {
		_, err := in.StaffReply(ctx, staff, t.ID, connectors.NewPost{Body: "We are on it"}, "")
		noErr(r, "StaffReply", err)
	}
	staffUnread(r, in, t.ID, 0, "after staff replied")
	clientUnread(r, c, t.ID, 2, 2, "after two staff replies")
	counts, err := c.ConversationCounts(ctx, alice)
	if noErr(r, "ConversationCounts", err) {
		eq(r, "waiting on client", counts.WaitingOnClient, 1)
		eq(r, "open tickets", counts.OpenTickets, 1)
	}
	noErr(r, "MarkRead", c.MarkRead(ctx, alice, t.ID))
	clientUnread(r, c, t.ID, 0, 0, "after MarkRead")
	if _, err := in.StaffReply(ctx, staff, t.ID, connectors.NewPost{Body: "One more thing"}, ""); noErr(r, "StaffReply", err) {
		clientUnread(r, c, t.ID, 1, 1, "after another staff reply")
	}
	if _, err := c.ReplyToTicket(ctx, alice, t.ID, connectors.NewPost{Body: "Answering"}); noErr(r, "ReplyToTicket", err) {
		clientUnread(r, c, t.ID, 0, 0, "after the client's own reply")
		staffUnread(r, in, t.ID, 1, "after the client's reply")
	}
	noErr(r, "MarkStaffRead", in.MarkStaffRead(ctx, t.ID))
	staffUnread(r, in, t.ID, 0, "after MarkStaffRead")
	wantErr(r, "MarkStaffRead of an unknown thread", in.MarkStaffRead(ctx, malformedIDs[len(malformedIDs)-1]), connectors.ErrNotFound)
}

func clientUnread(r Reporter, c connectors.Conversations, id string, thread, total int, when string) {
	r.Helper()
	if t, err := c.GetTicket(ctx, alice, id); noErr(r, "GetTicket", err) {
		eq(r, "client's unread "+when, t.Unread, thread)
	}
	if counts, err := c.ConversationCounts(ctx, alice); noErr(r, "ConversationCounts", err) {
		eq(r, "unread replies "+when, counts.UnreadReplies, total)
	}
}

func staffUnread(r Reporter, in bridge.Inbox, id string, want int, when string) {
	r.Helper()
	if t, err := in.InboxThread(ctx, id); noErr(r, "InboxThread", err) {
		eq(r, "staff's unread "+when, t.Unread, want)
	}
}
