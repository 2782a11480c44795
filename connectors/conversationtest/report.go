package conversationtest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"clientgate/connectors"
)

var ctx = context.Background()

// Contacts of the checks: IDs of every shape a connector may use.
var (
	alice = connectors.Scope{ContactID: "7f3e1c2a-5d4b-4e6f-8a9b-0c1d2e3f4a5b"}
	bob   = connectors.Scope{ContactID: "42"}
	carol = connectors.Scope{ContactID: "contact:carol@example.com", WithCompany: true}
)

// malformedIDs name no thread.
var malformedIDs = []string{"", " ", "../1", "1 OR 1=1", "'; DROP TABLE x; --", "\x00", "ünïcödé", "-1", "0",
	strings.Repeat("9", 4096), "7f3e1c2a-5d4b-4e6f-8a9b-0c1d2e3f4a5b"}

// badContacts are contact IDs no contact can have.
var badContacts = []string{"", "\x00", "a\nb", "\xff"}

func wantErr(r Reporter, what string, err, target error) bool {
	r.Helper()
	if !errors.Is(err, target) {
		r.Errorf("%s: got error %v, want %v", what, err, target)
		return false
	}
	return true
}

func noErr(r Reporter, what string, err error) bool {
	r.Helper()
	if err != nil {
		r.Errorf("%s: unexpected error: %v", what, err)
		return false
	}
	return true
}

func eq[T comparable](r Reporter, what string, got, want T) {
	r.Helper()
	if got != want {
		r.Errorf("%s: got %v, want %v", what, got, want)
	}
}

// recent reports a time that is not a recent UTC time.
func recent(r Reporter, what string, ts time.Time) {
	r.Helper()
	if ts.Location() != time.UTC || time.Since(ts) > time.Hour || time.Until(ts) > time.Minute {
		r.Errorf("%s: %v is not a recent UTC time", what, ts)
	}
}

// ticket opens a ticket and reports failure; the zero Thread on error.
func ticket(r Reporter, c connectors.Conversations, s connectors.Scope, subject string) connectors.Thread {
	r.Helper()
	t, err := c.CreateTicket(ctx, s, connectors.NewTicket{Subject: subject, Category: "Billing", Body: "Body of " + subject, AuthorName: "Zoë"})
	noErr(r, "CreateTicket "+subject, err)
	return t
}

// allTickets lists every ticket of s, page by page.
func allTickets(r Reporter, c connectors.Conversations, s connectors.Scope, limit int) []connectors.Thread {
	r.Helper()
	return walk(r, "ListTickets", func(p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
		return c.ListTickets(ctx, s, p)
	}, limit)
}

// allPosts lists every post of a thread, page by page.
func allPosts(r Reporter, c connectors.Conversations, s connectors.Scope, id string, limit int) []connectors.Post {
	r.Helper()
	return walk(r, "ListPosts", func(p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
		return c.ListPosts(ctx, s, id, p)
	}, limit)
}

// walk follows a list's cursors to its end, at most 100 pages.
func walk[T any](r Reporter, what string, list func(connectors.PageRequest) (connectors.Page[T], error), limit int) []T {
	r.Helper()
	var out []T
	cursor := ""
	for range 100 {
		page, err := list(connectors.PageRequest{Limit: limit, Cursor: cursor})
		if !noErr(r, what, err) {
			return out
		}
		out = append(out, page.Items...)
		if page.Next == "" {
			return out
		}
		cursor = page.Next
	}
	r.Errorf("%s: more than 100 pages", what)
	return out
}

func ids[T any](items []T, id func(T) string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = id(it)
	}
	return fmt.Sprint(parts)
}

// contextCancelled returns a context that has already ended.
func contextCancelled() (context.Context, context.CancelFunc) {
	c, cancel := context.WithCancel(context.Background())
	cancel()
	return c, cancel
}
