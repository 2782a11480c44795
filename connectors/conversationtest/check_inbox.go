package conversationtest

import (
	"errors"
	"fmt"
	"slices"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// CheckInbox works the staff side: threads of every contact listed and
// filtered, replies setting the status, status changes and assignments
// reporting whether they changed anything, each change in the thread's
// audit history with the staff member, and bad input refused.
func CheckInbox(r Reporter, b Backend) {
	r.Helper()
	c, in := b.Conv, b.Inbox
	if in == nil || !c.ConversationCapabilities().Tickets || !c.ConversationCapabilities().Messages {
		return
	}
	a := ticket(r, c, alice, "Alice's ticket")
	bt := ticket(r, c, bob, "Bob's ticket")
	item := connectors.ItemRef{Kind: connectors.ThreadQuote, ID: "Q-7"}
	if _, err := c.PostMessage(ctx, bob, item, connectors.NewPost{Body: "Discount?"}); !noErr(r, "PostMessage", err) {
		return
	}
	q, _ := c.ItemThread(ctx, bob, item)
	filters(r, in, []filterCase{
		{[]string{q.ID, bt.ID, a.ID}, bridge.InboxFilter{}},
		{[]string{bt.ID, a.ID}, bridge.InboxFilter{Kinds: []connectors.ThreadKind{connectors.ThreadTicket}}},
		{[]string{q.ID, bt.ID}, bridge.InboxFilter{ContactID: bob.ContactID}},
		{[]string{q.ID}, bridge.InboxFilter{Kinds: []connectors.ThreadKind{connectors.ThreadQuote}}},
		{[]string{bt.ID, a.ID}, bridge.InboxFilter{Category: "Billing"}},
	})
	reply, err := in.StaffReply(ctx, staff, a.ID, connectors.NewPost{Body: "Fixed, please check"}, "")
	if noErr(r, "StaffReply", err) {
		eq(r, "staff reply author", reply.Author, connectors.AuthorStaff)
		eq(r, "staff reply author name (the actor's)", reply.AuthorName, staff.Name)
	}
	if t, err := c.GetTicket(ctx, alice, a.ID); noErr(r, "GetTicket", err) {
		eq(r, "status after a staff reply", t.Status, connectors.TicketWaitingOnClient)
	}
	staffChanges(r, in, a.ID)
	filters(r, in, []filterCase{
		{[]string{a.ID}, bridge.InboxFilter{AssigneeID: "staff-2"}},
		{[]string{q.ID, bt.ID}, bridge.InboxFilter{Unassigned: true}},
		{[]string{q.ID, bt.ID}, bridge.InboxFilter{UnreadOnly: true}},
		{[]string{a.ID}, bridge.InboxFilter{Statuses: []connectors.TicketStatus{connectors.TicketClosed}}},
	})
	if counts, err := in.InboxCounts(ctx); noErr(r, "InboxCounts", err) {
		eq(r, "inbox waiting on staff", counts.WaitingOnStaff, 2)
		eq(r, "inbox unassigned", counts.Unassigned, 2)
		eq(r, "inbox unread", counts.Unread, 2)
	}
	inboxRefusals(r, in, a.ID)
}

// filterCase is a filter and the IDs it must list, newest first.
type filterCase struct {
	ids []string
	f   bridge.InboxFilter
}

// filters checks InboxThreads for each filter.
func filters(r Reporter, in bridge.Inbox, cases []filterCase) {
	r.Helper()
	for _, fc := range cases {
		f, ids := fc.f, fmt.Sprint(fc.ids)
		page, err := in.InboxThreads(ctx, f, connectors.PageRequest{Limit: connectors.MaxLimit})
		if !noErr(r, fmt.Sprintf("InboxThreads %+v", f), err) {
			continue
		}
		var got []string
		for _, t := range page.Items {
			got = append(got, t.ID)
		}
		eq(r, fmt.Sprintf("InboxThreads %+v", f), fmt.Sprint(got), ids)
	}
}

// staffChanges assigns and closes thread id and checks its history.
func staffChanges(r Reporter, in bridge.Inbox, id string) {
	r.Helper()
	to := connectors.StaffMember{ID: "staff-2", Name: "Kim"}
	if t, changed, err := in.Assign(ctx, staff, id, to); noErr(r, "Assign", err) {
		eq(r, "Assign changed", changed, true)
		eq(r, "assignee", t.Assignee, to)
	}
	if _, changed, err := in.Assign(ctx, staff, id, to); noErr(r, "Assign again", err) {
		eq(r, "Assign again changed", changed, false)
	}
	if t, changed, err := in.SetStatus(ctx, staff, id, connectors.TicketClosed); noErr(r, "SetStatus", err) {
		eq(r, "SetStatus changed", changed, true)
		eq(r, "status", t.Status, connectors.TicketClosed)
	}
	if _, changed, err := in.SetStatus(ctx, staff, id, connectors.TicketClosed); noErr(r, "SetStatus again", err) {
		eq(r, "SetStatus again changed", changed, false)
	}
	history, err := in.ThreadHistory(ctx, id, 0)
	if !noErr(r, "ThreadHistory", err) {
		return
	}
	var actions []string
	for _, e := range history {
		actions = append(actions, e.Action)
		if e.Actor != "staff:"+staff.ID || e.Target != id || e.ContactID != alice.ContactID || e.IP != staff.IP || e.At.IsZero() {
			r.Errorf("audit entry %+v: want actor staff:%s, target %s, contact %s, IP %s and a time", e, staff.ID, id, alice.ContactID, staff.IP)
		}
	}
	eq(r, "thread history (newest first)", fmt.Sprint(actions), fmt.Sprint([]string{"thread.status", "thread.assign", "thread.reply"}))
	if len(history) > 0 && !slices.Contains(history[0].Changes, connectors.Change{Field: "status", Old: "waiting_on_client", New: "closed"}) {
		r.Errorf("status change recorded as %+v", history[0].Changes)
	}
}

// inboxRefusals checks the staff side's answers to bad input.
func inboxRefusals(r Reporter, in bridge.Inbox, id string) {
	r.Helper()
	for _, bad := range malformedIDs {
		_, err := in.InboxThread(ctx, bad)
		wantErr(r, fmt.Sprintf("InboxThread %q", bad), err, connectors.ErrNotFound)
		_, err = in.StaffReply(ctx, staff, bad, connectors.NewPost{Body: "x"}, "")
		wantErr(r, fmt.Sprintf("StaffReply to %q", bad), err, connectors.ErrNotFound)
	}
	var verr *connectors.ValidationError
	_, err := in.StaffReply(ctx, bridge.StaffActor{Name: "No ID"}, id, connectors.NewPost{Body: "x"}, "")
	if !errors.As(err, &verr) {
		r.Errorf("StaffReply without an actor ID: got %v, want a *connectors.ValidationError", err)
	}
	_, err = in.StaffReply(ctx, staff, id, connectors.NewPost{Body: ""}, "")
	fieldErr(r, "StaffReply with an empty body", err, "body")
	_, _, err = in.SetStatus(ctx, staff, id, "pending")
	wantErr(r, "SetStatus to an unknown status", err, connectors.ErrInvalid)
	_, err = in.InboxThreads(ctx, bridge.InboxFilter{Statuses: []connectors.TicketStatus{"lost"}}, connectors.PageRequest{})
	wantErr(r, "InboxThreads with an unknown status", err, connectors.ErrInvalid)
	_, err = in.InboxThreads(ctx, bridge.InboxFilter{}, connectors.PageRequest{Cursor: "garbage"})
	wantErr(r, "InboxThreads with a bad cursor", err, connectors.ErrInvalid)
}
