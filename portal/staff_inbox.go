package portal

import (
	"context"
	"net/url"
	"slices"
	"sync"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/errgroup"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// inboxFilters are the inbox's filter form: the query's values.
type inboxFilters struct {
	Status, Kind, Assigned, Category, Contact string
	Unread                                    bool
}

// inboxStatusChoices are the status filter's values: "" (every thread
// not closed), each status, and "all".
var inboxStatusChoices = []string{"", "open", "waiting_on_staff", "waiting_on_client", "closed", "all"}

// inboxKindChoices are the kind filter's values.
var inboxKindChoices = []string{"", "ticket", "invoice", "quote", "task"}

// inboxRow is one thread in the inbox with its contact's name and, for
// an item thread, the item's number or title.
type inboxRow struct {
	Thread    connectors.Thread
	Contact   string
	Email     string
	ItemLabel string
}

// inboxData is the staff inbox page.
type inboxData struct {
	Counts     bridge.InboxCounts
	Rows       []inboxRow
	Next       string
	Paged      bool
	Filters    inboxFilters
	Statuses   []string
	Kinds      []string
	Categories []string
	// ContactName names the contact the list is filtered to, if any.
	ContactName string
}

// filtersOf reads the filter form from the query; unknown values are
// ignored.
func filtersOf(q url.Values) inboxFilters {
	f := inboxFilters{Status: q.Get("status"), Kind: q.Get("kind"), Assigned: q.Get("assigned"),
		Category: q.Get("category"), Contact: q.Get("contact"), Unread: q.Get("unread") == "1"}
	if !slices.Contains(inboxStatusChoices, f.Status) {
		f.Status = ""
	}
	if !slices.Contains(inboxKindChoices, f.Kind) {
		f.Kind = ""
	}
	if f.Assigned != "me" && f.Assigned != "none" {
		f.Assigned = ""
	}
	return f
}

// filter turns the form into the store's filter for staff member me.
func (f inboxFilters) filter(me string) bridge.InboxFilter {
	out := bridge.InboxFilter{ContactID: f.Contact, Category: f.Category, UnreadOnly: f.Unread,
		Unassigned: f.Assigned == "none"}
	if f.Assigned == "me" {
		out.AssigneeID = me
	}
	switch f.Status {
	case "":
		out.Statuses = []connectors.TicketStatus{connectors.TicketOpen, connectors.TicketWaitingOnStaff, connectors.TicketWaitingOnClient}
	case "all":
	default:
		out.Statuses = []connectors.TicketStatus{connectors.TicketStatus(f.Status)}
	}
	if f.Kind != "" {
		out.Kinds = []connectors.ThreadKind{connectors.ThreadKind(f.Kind)}
	}
	return out
}

// key names the filter for the sealed cursors, so that a cursor serves
// only the list it came from.
func (f inboxFilters) key() string {
	unread := ""
	if f.Unread {
		unread = "1"
	}
	return url.Values{"s": {f.Status}, "k": {f.Kind}, "a": {f.Assigned}, "c": {f.Category}, "p": {f.Contact}, "u": {unread}}.Encode()
}

// staffInboxPage lists threads across contacts with the inbox's figures.
func (s *server) staffInboxPage(c *gin.Context) {
	ctx := c.Request.Context()
	f := filtersOf(c.Request.URL.Query())
	filter := f.filter(staffActor(c).ID)
	page, err := sealedPage(s, c, "inbox:"+f.key(), staffScope(c), func(ctx context.Context, _ connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Thread], error) {
		return s.inbox.InboxThreads(ctx, filter, p)
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	counts, err := s.inbox.InboxCounts(ctx)
	if err != nil {
		s.fail(c, err)
		return
	}
	d := inboxData{Counts: counts, Rows: s.inboxRows(ctx, page.Items), Next: nextLinkKeeping(c, page.Next),
		Paged: c.Query("cursor") != "", Filters: f, Statuses: inboxStatusChoices, Kinds: inboxKindChoices, Categories: s.categories}
	if f.Contact != "" {
		d.ContactName = s.contactNames(ctx, []string{f.Contact})[f.Contact].Name()
	}
	s.respond(c, view{Page: "staff_inbox", Title: "staff.inbox_heading", Data: d})
}

// inboxRows puts each thread's contact name beside it.
func (s *server) inboxRows(ctx context.Context, threads []connectors.Thread) []inboxRow {
	ids := make([]string, 0, len(threads))
	for _, t := range threads {
		ids = append(ids, t.ContactID)
	}
	names := s.contactNames(ctx, ids)
	rows := make([]inboxRow, len(threads))
	var g errgroup.Group
	g.SetLimit(8)
	for i, t := range threads {
		c := names[t.ContactID]
		rows[i] = inboxRow{Thread: t, Contact: c.Name(), Email: c.Email}
		if t.Kind.IsItem() {
			g.Go(guard(func() error {
				rows[i].ItemLabel = s.itemLabel(ctx, t)
				return nil
			}))
		}
	}
	_ = g.Wait()
	return rows
}

// contactNames reads the contacts (through the cache), a few at a time;
// a contact that cannot be read is shown by its ID.
func (s *server) contactNames(ctx context.Context, ids []string) map[string]connectors.Contact {
	out := map[string]connectors.Contact{}
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(8)
	for _, id := range ids {
		mu.Lock()
		_, seen := out[id]
		out[id] = connectors.Contact{ID: id, FirstName: id}
		mu.Unlock()
		if seen {
			continue
		}
		g.Go(guard(func() error {
			c, err := s.conn.GetContact(ctx, id)
			if err == nil {
				mu.Lock()
				out[id] = c
				mu.Unlock()
			}
			return nil
		}))
	}
	_ = g.Wait()
	return out
}

// nextLinkKeeping is nextLink keeping the request's other query values
// (the inbox's filters).
func nextLinkKeeping(c *gin.Context, cursor string) string {
	if cursor == "" {
		return ""
	}
	q := c.Request.URL.Query()
	q.Set("cursor", cursor)
	return c.Request.URL.Path + "?" + q.Encode()
}
