package notify

import (
	"context"
	"errors"

	"clientgate/connectors"
	"clientgate/portal/emails"
	"clientgate/portal/i18n"
)

// clientThread reads the event's thread through the contact's own scope:
// the only way a client's email learns anything.
func (n *Notifier) clientThread(ctx context.Context, e connectors.ConversationEvent) (connectors.Thread, connectors.Scope, error) {
	scope := connectors.Scope{ContactID: e.ContactID}
	if e.Kind.IsItem() {
		t, err := n.o.Conversations.ItemThread(ctx, scope, e.Item)
		return t, scope, err
	}
	t, err := n.o.Conversations.GetTicket(ctx, scope, e.ThreadID)
	return t, scope, err
}

// clientLink is the thread's page for the client.
func (n *Notifier) clientLink(t connectors.Thread) string {
	if t.Kind.IsItem() {
		return n.ClientURL("/" + string(t.Item.Kind) + "s/" + t.Item.ID + "#messages")
	}
	return n.ClientURL("/tickets/" + t.ID)
}

// staffPosted tells the client of a staff reply, with its text.
func (n *Notifier) staffPosted(ctx context.Context, e connectors.ConversationEvent) error {
	t, scope, err := n.clientThread(ctx, e)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	post, err := findPost(ctx, e.PostID, func(ctx context.Context, p connectors.PageRequest) (connectors.Page[connectors.Post], error) {
		return n.o.Conversations.ListPosts(ctx, scope, t.ID, p)
	})
	if err != nil {
		return err
	}
	_, err = n.ToContact(ctx, "client/"+eventKey(e), e.ContactID, func(l *i18n.Localizer, c connectors.Contact) emails.Content {
		item, _ := n.itemLabelOrID(ctx, l, e.ContactID, t)
		args := []any{"Staff", post.AuthorName, "Subject", t.Subject, "Item", item}
		what, open := "reply", "open_ticket"
		if t.Kind.IsItem() {
			what, open = "message", "open_item"
		}
		return emails.Content{
			Subject:  l.T("emails.client."+what+"_subject", args...),
			Greeting: l.T("emails.greeting", "Name", c.Name()),
			Intro:    []string{l.T("emails.client."+what+"_intro", args...)},
			QuoteBy:  l.T("emails.wrote", "Name", post.AuthorName),
			Quote:    post.Body,
			Facts: append([]emails.Fact{{Label: l.T("emails.fact.status"), Value: l.T("tickets.status." + string(t.Status))}},
				n.attachmentFact(ctx, l, post.ID)...),
			Action: emails.Action{Label: l.T("emails.client." + open), URL: n.clientLink(t)},
			Outro:  []string{l.T("emails.answer_in_portal")},
		}
	})
	return err
}

// staffChangedStatus tells the client that staff changed their thread's
// status.
func (n *Notifier) staffChangedStatus(ctx context.Context, e connectors.ConversationEvent) error {
	t, _, err := n.clientThread(ctx, e)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	_, err = n.ToContact(ctx, "client/"+eventKey(e), e.ContactID, func(l *i18n.Localizer, c connectors.Contact) emails.Content {
		item, _ := n.itemLabelOrID(ctx, l, e.ContactID, t)
		args := []any{"Subject", t.Subject, "Item", item, "Status", l.T("tickets.status." + string(e.Status))}
		what, open := "status", "open_ticket"
		if t.Kind.IsItem() {
			what, open = "item_status", "open_item"
		}
		return emails.Content{
			Subject:  l.T("emails.client."+what+"_subject", args...),
			Greeting: l.T("emails.greeting", "Name", c.Name()),
			Intro:    []string{l.T("emails.client."+what+"_intro", args...)},
			Action:   emails.Action{Label: l.T("emails.client." + open), URL: n.clientLink(t)},
		}
	})
	return err
}

// itemLabelOrID is itemLabel of an item thread ("" for a ticket), its ID
// when the CRM fails (the label is a courtesy; the email goes anyway).
func (n *Notifier) itemLabelOrID(ctx context.Context, l *i18n.Localizer, contactID string, t connectors.Thread) (string, error) {
	if !t.Kind.IsItem() {
		return "", nil
	}
	label, err := n.itemLabel(ctx, l, contactID, t.Item)
	if err != nil {
		return l.T("emails.item."+string(t.Item.Kind), "Label", t.Item.ID), err
	}
	return label, nil
}

// isNotFound reports a connector's or store's "not found".
func isNotFound(err error) bool { return errors.Is(err, connectors.ErrNotFound) }
