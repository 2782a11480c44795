package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	netmail "net/mail"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/mail"
	"clientgate/portal/emails"
	"clientgate/portal/i18n"
)

// recipientKey is a message key for one recipient: key plus a short hash
// of the address (keys stay short whatever the address).
func recipientKey(key, addr string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(addr))))
	return key + "/" + hex.EncodeToString(sum[:6])
}

// ToStaff queues the content to each address, one message each, in the
// staff's language (the portal's default) with the staff's footer.
// Addresses the outbox refuses are logged and skipped.
func (n *Notifier) ToStaff(ctx context.Context, key string, to []string, build func(l *i18n.Localizer) emails.Content) error {
	r := n.o.Renderer
	lang := r.DefaultLanguage()
	l := r.Localizer(lang)
	c := build(l)
	c.Lang = lang
	if c.Reason == "" {
		c.Reason = l.T("emails.reason.staff", "Business", r.Business())
	}
	m, err := r.Render(c)
	if err != nil {
		return err
	}
	for _, addr := range to {
		m.To = []string{addr}
		if err := n.queue(ctx, recipientKey(key, addr), m); err != nil {
			return err
		}
	}
	if len(to) == 0 {
		n.o.Logger.WarnContext(ctx, "notify: no staff address to tell (set email.staff_to)", "key", key)
	}
	return nil
}

// ToCategory is ToStaff to the staff of a ticket category
// (email.category_to), else email.staff_to.
func (n *Notifier) ToCategory(ctx context.Context, key, category string, build func(l *i18n.Localizer) emails.Content) error {
	return n.ToStaff(ctx, key, n.categoryStaff(category), build)
}

// categoryStaff are the addresses of a category, else the default ones.
func (n *Notifier) categoryStaff(category string) []string {
	if to := n.o.CategoryTo[category]; category != "" && len(to) > 0 {
		return to
	}
	return n.o.StaffTo
}

// ToContact queues the content to a contact, built in their language
// (their saved preference, else their CRM locale), with the client's
// footer and their unsubscribe link. It sends nothing (sent false, no
// error) when the contact turned emails off, has no email address or no
// portal access. Build gets the contact as the CRM holds it.
func (n *Notifier) ToContact(ctx context.Context, key, contactID string,
	build func(l *i18n.Localizer, c connectors.Contact) emails.Content) (sent bool, err error) {
	c, reason, err := n.reachable(ctx, contactID)
	if err != nil || reason != "" {
		if reason != "" {
			n.o.Logger.InfoContext(ctx, "notify: not emailing the contact", "contact_id", contactID, "reason", reason, "key", key)
		}
		return false, err
	}
	return n.sendContact(ctx, key, c, build)
}

// Reasons a contact is not emailed, as the invitation's field errors
// say them.
const (
	reasonNoEmail  = "has no email address"
	reasonNoAccess = "has no portal access"
	reasonOptedOut = "has turned emails off"
)

// reachable reads the contact and says why they are not to be emailed
// ("" when they are).
func (n *Notifier) reachable(ctx context.Context, contactID string) (connectors.Contact, string, error) {
	c, err := n.o.Connector.GetContact(ctx, contactID)
	if errors.Is(err, connectors.ErrNotFound) {
		return c, reasonNoAccess, nil
	}
	if err != nil {
		return c, "", fmt.Errorf("notify: contact: %w", err)
	}
	set, err := n.o.Store.ContactSettings(ctx, contactID)
	if err != nil {
		return c, "", fmt.Errorf("notify: contact settings: %w", err)
	}
	prefs, err := n.o.Store.EmailPreferences(ctx, contactID)
	switch {
	case err != nil:
		return c, "", fmt.Errorf("notify: email preferences: %w", err)
	case strings.TrimSpace(c.Email) == "":
		return c, reasonNoEmail, nil
	case !c.PortalAccess || set.PortalDisabled:
		return c, reasonNoAccess, nil
	case prefs.OptOut:
		return c, reasonOptedOut, nil
	}
	return c, "", nil
}

// sendContact renders and queues a contact's email.
func (n *Notifier) sendContact(ctx context.Context, key string, c connectors.Contact,
	build func(l *i18n.Localizer, c connectors.Contact) emails.Content) (bool, error) {
	prefs, err := n.o.Store.Preferences(ctx, c.ID)
	if err != nil {
		return false, fmt.Errorf("notify: preferences: %w", err)
	}
	token, err := n.o.Store.UnsubscribeToken(ctx, c.ID)
	if err != nil {
		return false, fmt.Errorf("notify: unsubscribe token: %w", err)
	}
	r := n.o.Renderer
	lang := r.Language(prefs.Language, c.Locale)
	l := r.Localizer(lang)
	content := build(l, c)
	content.Lang = lang
	if content.Reason == "" {
		content.Reason = l.T("emails.reason.client", "Business", r.Business())
	}
	content.Unsubscribe = n.ClientURL("/unsubscribe/" + token)
	m, err := r.Render(content)
	if err != nil {
		return false, err
	}
	m.To = []string{(&netmail.Address{Name: c.Name(), Address: c.Email}).String()}
	key = recipientKey(key, c.Email)
	queued, err := n.o.Outbox.Send(ctx, key, m)
	if errors.Is(err, connectors.ErrInvalid) {
		n.o.Logger.ErrorContext(ctx, "notify: message refused; not sent", "key", key, "err", err)
		return false, nil
	}
	return queued, err
}

// queue queues one message; a message the outbox refuses as malformed
// (a bad address in the configuration) is logged and skipped, since no
// retry can help.
func (n *Notifier) queue(ctx context.Context, key string, m mail.Message) error {
	_, err := n.o.Outbox.Send(ctx, key, m)
	if errors.Is(err, connectors.ErrInvalid) {
		n.o.Logger.ErrorContext(ctx, "notify: message refused; not sent", "key", key, "err", err)
		return nil
	}
	return err
}
