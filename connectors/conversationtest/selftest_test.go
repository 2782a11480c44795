package conversationtest_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/conversationtest"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// recorder is a Reporter that keeps the failures.
type recorder struct {
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// store is the correct implementation the breakages wrap.
type store = *sqlstore.Store

func open(t *testing.T) store {
	s, err := sqlstore.Open(context.Background(), sqlstoretest.SQLiteDSN(t), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// breakage is a deliberately broken backend and the check that must
// catch it.
type breakage struct {
	name  string
	check conversationtest.Check
	wrap  func(s store) conversationtest.Backend
	want  string // a substring one of the failures must hold
}

func breakages() []breakage {
	return []breakage{
		{"ticket leaks to other contacts", conversationtest.CheckIsolation,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: leakyTickets{s, s}} }, "LEAK"},
		{"tickets oldest first", conversationtest.CheckPaging,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: oldestFirst{s}} }, "tickets listed"},
		{"control characters stripped instead of refused", conversationtest.CheckValidation,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: stripping{s}} }, "ValidationError"},
		{"reply reopens a closed ticket", conversationtest.CheckTicketLifecycle,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: replyReopens{s}} }, "closed ticket"},
		{"MarkRead does nothing", conversationtest.CheckUnread,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: noMarkRead{s}, Inbox: s} }, "after MarkRead"},
		{"inbox filter ignored", conversationtest.CheckInbox,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: s, Inbox: noFilter{s}} }, "InboxThreads"},
		{"item kind ignored", conversationtest.CheckMessages,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: anyKind{s}} }, "show on"},
		{"cancel ignored", conversationtest.CheckCancelled,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: cancelIgnored{s}} }, "cancelled"},
		{"post ID ignored", conversationtest.CheckPostIDs,
			func(s store) conversationtest.Backend { return conversationtest.Backend{Conv: newPostIDs{s}} }, "chosen up front"},
	}
}

func TestChecksPassOnTheStore(t *testing.T) {
	for _, c := range conversationtest.Checks {
		t.Run(c.Name, func(t *testing.T) {
			s := open(t)
			rec := &recorder{}
			c.Check(rec, conversationtest.Backend{Conv: s, Inbox: s})
			if len(rec.errs) > 0 {
				t.Errorf("check fails on the correct store:\n%s", strings.Join(rec.errs, "\n"))
			}
		})
	}
}

func TestChecksCatchBrokenBackends(t *testing.T) {
	for _, b := range breakages() {
		t.Run(b.name, func(t *testing.T) {
			rec := &recorder{}
			b.check(rec, b.wrap(open(t)))
			if len(rec.errs) == 0 {
				t.Fatal("check passed a broken backend")
			}
			if !slices.ContainsFunc(rec.errs, func(s string) bool { return strings.Contains(s, b.want) }) {
				t.Errorf("no failure mentions %q; got:\n%s", b.want, strings.Join(rec.errs, "\n"))
			}
		})
	}
}

type leakyTickets struct {
	connectors.Conversations
	in bridge.Inbox
}

func (c leakyTickets) GetTicket(ctx context.Context, s connectors.Scope, id string) (connectors.Thread, error) {
	return c.in.InboxThread(ctx, id)
}

type oldestFirst struct{ connectors.Conversations }

func (c oldestFirst) ListTickets(ctx context.Context, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
	page, err := c.Conversations.ListTickets(ctx, s, p)
	slices.Reverse(page.Items)
	return page, err
}

type stripping struct{ connectors.Conversations }

func strip(v string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, v)
}

func (c stripping) CreateTicket(ctx context.Context, s connectors.Scope, t connectors.NewTicket) (connectors.Thread, error) {
	t.Subject, t.Body = strip(t.Subject), strip(t.Body)
	return c.Conversations.CreateTicket(ctx, s, t)
}

type replyReopens struct{ connectors.Conversations }

func (c replyReopens) ReplyToTicket(ctx context.Context, s connectors.Scope, id string, p connectors.NewPost) (connectors.Post, error) {
	post, err := c.Conversations.ReplyToTicket(ctx, s, id, p)
	if errors.Is(err, connectors.ErrConflict) {
		c.Conversations.ReopenTicket(ctx, s, id)
		return c.Conversations.ReplyToTicket(ctx, s, id, p)
	}
	return post, err
}

type noMarkRead struct{ connectors.Conversations }

func (noMarkRead) MarkRead(context.Context, connectors.Scope, string) error { return nil }

type noFilter struct{ bridge.Inbox }

func (c noFilter) InboxThreads(ctx context.Context, _ bridge.InboxFilter, p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
	return c.Inbox.InboxThreads(ctx, bridge.InboxFilter{}, p)
}

type anyKind struct{ connectors.Conversations }

func (c anyKind) ListMessages(ctx context.Context, s connectors.Scope, item connectors.ItemRef, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
	if item.Kind.IsItem() {
		item.Kind = connectors.ThreadInvoice
	}
	return c.Conversations.ListMessages(ctx, s, item, p)
}

type cancelIgnored struct{ connectors.Conversations }

func (c cancelIgnored) GetTicket(_ context.Context, s connectors.Scope, id string) (connectors.Thread, error) {
	return c.Conversations.GetTicket(context.Background(), s, id)
}

// newPostIDs drops the post IDs callers choose.
type newPostIDs struct{ connectors.Conversations }

func (c newPostIDs) ReplyToTicket(ctx context.Context, s connectors.Scope, id string, p connectors.NewPost) (connectors.Post, error) {
	p.ID = ""
	return c.Conversations.ReplyToTicket(ctx, s, id, p)
}
