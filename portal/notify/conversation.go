package notify

import (
	"context"
	"fmt"
	netmail "net/mail"

	"clientgate/connectors"
	"clientgate/connectors/jobs"
	"clientgate/portal/emails"
	"clientgate/portal/i18n"
)

// conversation tells whom an event concerns: the staff of a client's
// post or reopening, the client of a staff reply or status change.
// Assignments and a client closing their own ticket tell nobody.
func (n *Notifier) conversation(ctx context.Context, j *jobs.Job[ConversationArgs]) error {
	e := j.Args.Event
	switch {
	case e.By == connectors.AuthorClient && (e.Type == connectors.EventTicketOpened || e.Type == connectors.EventClientPosted):
		return n.clientPosted(ctx, e)
	case e.By == connectors.AuthorClient && e.Type == connectors.EventStatusChanged && e.OldStatus == connectors.TicketClosed:
		return n.clientPosted(ctx, e)
	case e.By == connectors.AuthorStaff && e.Type == connectors.EventStaffPosted:
		return n.staffPosted(ctx, e)
	case e.By == connectors.AuthorStaff && e.Type == connectors.EventStatusChanged:
		return n.staffChangedStatus(ctx, e)
	}
	return nil
}

// eventKey is the outbox key of an event's emails.
func eventKey(e connectors.ConversationEvent) string {
	if e.PostID != "" {
		return string(e.Type) + "/" + e.PostID
	}
	return fmt.Sprintf("%s/%s/%s/%d", e.Type, e.ThreadID, e.Status, e.At.UnixNano())
}

// findPost reads a thread's post by ID with list (newest first), a few
// pages back at most; ErrNotFound when it is not there.
func findPost(ctx context.Context, id string, list func(ctx context.Context, p connectors.PageRequest) (connectors.Page[connectors.Post], error)) (connectors.Post, error) {
	p := connectors.PageRequest{Limit: connectors.MaxLimit}
	for range 10 {
		page, err := list(ctx, p)
		if err != nil {
			return connectors.Post{}, err
		}
		for _, post := range page.Items {
			if post.ID == id {
				return post, nil
			}
		}
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	return connectors.Post{}, fmt.Errorf("notify: post %s: %w", id, connectors.ErrNotFound)
}

// itemLabel names the item of an item thread in l's language, such as
// "invoice INV-0001", read through the contact's scope with their
// company's items; its ID when the CRM no longer has it.
func (n *Notifier) itemLabel(ctx context.Context, l *i18n.Localizer, contactID string, item connectors.ItemRef) (string, error) {
	scope := connectors.Scope{ContactID: contactID, WithCompany: true}
	label := item.ID
	var err error
	switch item.Kind {
	case connectors.ThreadInvoice:
		var inv connectors.Invoice
		if inv, err = n.o.Connector.GetInvoice(ctx, scope, item.ID); err == nil {
			label = inv.Number
		}
	case connectors.ThreadQuote:
		var q connectors.Quote
		if q, err = n.o.Connector.GetQuote(ctx, scope, item.ID); err == nil {
			label = q.Number
		}
	case connectors.ThreadTask:
		var t connectors.Task
		if t, err = n.o.Connector.GetTask(ctx, scope, item.ID); err == nil {
			label = t.Title
		}
	}
	if err != nil && !isNotFound(err) {
		return "", fmt.Errorf("notify: item: %w", err)
	}
	return l.T("emails.item."+string(item.Kind), "Label", label), nil
}

// staffRecipients are the addresses told of a thread: its assignee's
// (from the staff directory), else its category's, else the default.
func (n *Notifier) staffRecipients(ctx context.Context, t connectors.Thread) ([]string, error) {
	if t.Assignee.ID != "" {
		m, err := n.o.Store.StaffMember(ctx, t.Assignee.ID)
		switch {
		case err == nil && m.Email != "":
			return []string{(&netmail.Address{Name: m.Name, Address: m.Email}).String()}, nil
		case err != nil && !isNotFound(err):
			return nil, fmt.Errorf("notify: staff member: %w", err)
		}
	}
	return n.categoryStaff(t.Category), nil
}

// clientPosted tells the staff of a client's new ticket, reply, message
// or reopening, with the client's text.
func (n *Notifier) clientPosted(ctx context.Context, e connectors.ConversationEvent) error {
	t, err := n.o.Inbox.InboxThread(ctx, e.ThreadID)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var post connectors.Post
	if e.PostID != "" {
		post, err = findPost(ctx, e.PostID, func(ctx context.Context, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
			return n.o.Inbox.InboxPosts(ctx, t.ID, p)
		})
		if err != nil {
			return err
		}
	}
	client, err := n.o.Connector.GetContact(ctx, e.ContactID)
	if err != nil && !isNotFound(err) {
		return fmt.Errorf("notify: contact: %w", err)
	}
	who := client.Name()
	if who == "" {
		who = e.ContactID
	}
	to, err := n.staffRecipients(ctx, t)
	if err != nil {
		return err
	}
	l := n.o.Renderer.Localizer(n.o.Renderer.DefaultLanguage())
	item := ""
	if t.Kind.IsItem() {
		if item, err = n.itemLabel(ctx, l, e.ContactID, t.Item); err != nil {
			return err
		}
	}
	return n.ToStaff(ctx, "staff/"+eventKey(e), to, func(l *i18n.Localizer) emails.Content {
		c := staffContent(l, e, t, post, client, who, item, n.URL(StaffPath+"/threads/"+t.ID))
		c.Facts = append(c.Facts, n.attachmentFact(ctx, l, post.ID)...)
		return c
	})
}

// staffContent is the staff's email of a client's post or reopening.
func staffContent(l *i18n.Localizer, e connectors.ConversationEvent, t connectors.Thread, post connectors.Post,
	client connectors.Contact, who, item, link string) emails.Content {
	what := "replied"
	switch {
	case t.Kind.IsItem():
		what = "message"
	case e.Type == connectors.EventTicketOpened:
		what = "opened"
	case e.Type == connectors.EventStatusChanged:
		what = "reopened"
	}
	args := []any{"Contact", who, "Subject", t.Subject, "Item", item}
	c := emails.Content{
		Subject: l.T("emails.staff."+what+"_subject", args...),
		Intro:   []string{l.T("emails.staff."+what+"_intro", args...)},
		Action:  emails.Action{Label: l.T("emails.staff.open"), URL: link},
	}
	if what == "opened" && t.Form != "" {
		c.Subject, c.Intro = l.T("forms.email.subject", args...), []string{l.T("forms.email.intro", args...)}
	}
	if post.Body != "" {
		c.QuoteBy, c.Quote = l.T("emails.wrote", "Name", post.AuthorName), post.Body
	}
	contact := who
	if client.Email != "" {
		contact += " <" + client.Email + ">"
	}
	c.Facts = append(c.Facts, emails.Fact{Label: l.T("emails.fact.client"), Value: contact})
	if t.Category != "" {
		c.Facts = append(c.Facts, emails.Fact{Label: l.T("emails.fact.category"), Value: t.Category})
	}
	c.Facts = append(c.Facts, emails.Fact{Label: l.T("emails.fact.status"), Value: l.T("tickets.status." + string(t.Status))})
	return c
}
