package portal

import (
	"context"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// staffThreadData is a thread's page in the staff inbox.
type staffThreadData struct {
	Thread  connectors.Thread
	Contact connectors.Contact
	// ItemLabel names the invoice, quote or task of an item thread (its
	// number or title; its ID when the CRM does not answer).
	ItemLabel string
	Posts     threadView
	Reply     postForm
	Statuses  []connectors.TicketStatus
	Staff     []bridge.StaffRecord
	History   []historyEntry
	// Files links the client's files page (the portal keeps files).
	Files bool
}

// historyEntry is one staff action on the thread: who, what, when.
type historyEntry struct {
	At      string
	Who     string
	Action  string
	Changes []string
}

// staffThreadNotices are the confirmations after a staff action.
var staffThreadNotices = map[string]string{
	"replied": "staff.replied", "status": "staff.status_changed", "assigned": "staff.assigned",
}

// staffThreadPage shows any thread with its contact, posts, history and
// the forms to reply, change the status and assign; viewing marks the
// client's posts read for staff.
func (s *server) staffThreadPage(c *gin.Context) {
	id, err := itemID(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	t, err := s.inbox.InboxThread(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	d := staffThreadData{Thread: t, Statuses: connectors.TicketStatuses, Files: s.files != nil,
		Reply: s.postFormFor(c, staffPath+"/threads/"+t.ID+"/reply")}
	d.Posts, err = s.threadPage(c, "staff-posts:"+t.ID, staffScope(c), func(ctx context.Context, _ connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
		return s.inbox.InboxPosts(ctx, t.ID, p)
	})
	if err == nil {
		d.Staff, err = s.store.StaffMembers(ctx)
	}
	if err == nil {
		d.History, err = s.history(c, t.ID, d.Staff)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	d.Contact = s.contactNames(ctx, []string{t.ContactID})[t.ContactID]
	d.ItemLabel = s.itemLabel(ctx, t)
	if t.Unread > 0 {
		if err := s.inbox.MarkStaffRead(ctx, t.ID); err != nil {
			s.log.WarnContext(ctx, "portal: mark thread read for staff", "thread", t.ID, "request_id", requestID(c), "err", err.Error())
		}
	}
	title, args := "staff.thread_heading", []any{"Subject", t.Subject}
	if t.Kind.IsItem() {
		title, args = "staff.item_heading."+string(t.Kind), []any{"Item", d.ItemLabel}
	}
	s.respond(c, view{Page: "staff_thread", Title: title, TitleArgs: args, Notice: staffThreadNotices[c.Query("done")], Data: d})
}

// itemLabel names an item thread's invoice (number), quote (number) or
// task (title), read through the contact's scope with their company's
// items; the item's ID when it cannot be read.
func (s *server) itemLabel(ctx context.Context, t connectors.Thread) string {
	scope := connectors.Scope{ContactID: t.ContactID, WithCompany: true}
	switch t.Kind {
	case connectors.ThreadInvoice:
		if inv, err := s.conn.GetInvoice(ctx, scope, t.Item.ID); err == nil {
			return inv.Number
		}
	case connectors.ThreadQuote:
		if q, err := s.conn.GetQuote(ctx, scope, t.Item.ID); err == nil {
			return q.Number
		}
	case connectors.ThreadTask:
		if task, err := s.conn.GetTask(ctx, scope, t.Item.ID); err == nil {
			return task.Title
		}
	}
	return t.Item.ID
}

// history reads the thread's audit entries in words: who (by the staff
// directory's names), what and when, in the page's language.
func (s *server) history(c *gin.Context, threadID string, staff []bridge.StaffRecord) ([]historyEntry, error) {
	entries, err := s.inbox.ThreadHistory(c.Request.Context(), threadID, 100)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, m := range staff {
		names[m.ID] = m.Name
	}
	f := s.requestFormatter(c)
	out := make([]historyEntry, 0, len(entries))
	for _, e := range entries {
		who := strings.TrimPrefix(e.Actor, "staff:")
		if n := names[who]; n != "" {
			who = n
		}
		h := historyEntry{At: f.DateTime(e.At), Who: who, Action: f.T("staff.action." + strings.ReplaceAll(e.Action, ".", "_"))}
		for _, ch := range e.Changes {
			h.Changes = append(h.Changes, historyChange(f, ch, names))
		}
		out = append(out, h)
	}
	return out, nil
}

// historyChange describes one change of an audit entry.
func historyChange(f formatter, ch connectors.Change, names map[string]string) string {
	switch ch.Field {
	case "status":
		return f.T("staff.change.status", "Old", f.StaffStatus(connectors.TicketStatus(ch.Old)), "New", f.StaffStatus(connectors.TicketStatus(ch.New)))
	case "assignee":
		name := func(id string) string {
			if id == "" {
				return f.T("staff.nobody")
			}
			if n := names[id]; n != "" {
				return n
			}
			return id
		}
		return f.T("staff.change.assignee", "Old", name(ch.Old), "New", name(ch.New))
	case "post":
		return f.T("staff.change.post")
	}
	return string(ch.Field)
}
