package conversationtest

import (
	"fmt"
	"slices"
	"time"

	"clientgate/connectors"
)

// CheckPaging makes seven tickets and a ticket with six posts, then
// walks both lists with several page sizes: every item once, newest
// first, pages no larger than asked, and a bad cursor is ErrInvalid.
func CheckPaging(r Reporter, b Backend) {
	r.Helper()
	c := b.Conv
	if !c.ConversationCapabilities().Tickets {
		return
	}
	var made []string
	for i := range 7 {
		made = append(made, ticket(r, c, alice, fmt.Sprint("Ticket ", i)).ID)
		time.Sleep(2 * time.Millisecond)
	}
	slices.Reverse(made) // newest first
	for _, limit := range []int{1, 3, 7, 0, 500} {
		got := allTickets(r, c, alice, limit)
		eq(r, fmt.Sprintf("tickets listed with limit %d", limit), ids(got, func(t connectors.Thread) string { return t.ID }), fmt.Sprint(made))
	}
	page, err := c.ListTickets(ctx, alice, connectors.PageRequest{Limit: 3})
	if noErr(r, "ListTickets", err) && len(page.Items) > 3 {
		r.Errorf("ListTickets limit 3: %d items", len(page.Items))
	}
	// A reply makes the oldest ticket the most recently active.
	oldest := made[len(made)-1]
	if _, err := c.ReplyToTicket(ctx, alice, oldest, connectors.NewPost{Body: "bump"}); noErr(r, "ReplyToTicket", err) {
		if got := allTickets(r, c, alice, 0); len(got) > 0 {
			eq(r, "first ticket after a reply to the oldest", got[0].ID, oldest)
		}
	}
	for _, bad := range []string{"garbage", "!!!", "bm90IGEgY3Vyc29y"} {
		_, err := c.ListTickets(ctx, alice, connectors.PageRequest{Cursor: bad})
		wantErr(r, "ListTickets with cursor "+bad, err, connectors.ErrInvalid)
		_, err = c.ListPosts(ctx, alice, made[0], connectors.PageRequest{Cursor: bad})
		wantErr(r, "ListPosts with cursor "+bad, err, connectors.ErrInvalid)
	}
	postPaging(r, c, made[0])
}

func postPaging(r Reporter, c connectors.Conversations, id string) {
	r.Helper()
	for i := range 5 {
		_, err := c.ReplyToTicket(ctx, alice, id, connectors.NewPost{Body: fmt.Sprint("reply ", i)})
		noErr(r, "ReplyToTicket", err)
		time.Sleep(2 * time.Millisecond)
	}
	want := allPosts(r, c, alice, id, 100)
	if len(want) != 6 {
		r.Errorf("ListPosts: %d posts, want 6", len(want))
		return
	}
	eq(r, "newest post", want[0].Body, "reply 4")
	eq(r, "oldest post", want[5].Body, "Body of Ticket 6")
	for _, limit := range []int{1, 4} {
		got := allPosts(r, c, alice, id, limit)
		eq(r, fmt.Sprintf("posts listed with limit %d", limit), ids(got, func(p connectors.Post) string { return p.ID }),
			ids(want, func(p connectors.Post) string { return p.ID }))
	}
}
