package main

import (
	"fmt"
	"log/slog"

	"clientgate/auth"
	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/sqlstore"
	"clientgate/portal"
	"clientgate/portal/emails"
	"clientgate/portal/notify"
)

// staffPath is where the portal serves the staff inbox.
const staffPath = "/staff"

// addNotifier builds the notifications on the queue when email is on:
// the store's conversation hook enqueues a job per event in the event's
// own transaction, and the jobs send through the outbox. Call it before
// start.
func (b *background) addNotifier(cfg *config.Config, conn connectors.Connector, store *sqlstore.Store, lib notify.Files, log *slog.Logger) error {
	if b.outbox == nil {
		return nil
	}
	n, err := newNotifier(cfg, b.outbox, conn, store, lib, log)
	if err != nil {
		return err
	}
	if err := n.Register(b.queue); err != nil {
		return err
	}
	store.SetConversationHook(notify.EnqueueEvent(b.queue))
	b.notifier = n
	return nil
}

// newNotifier builds the notifier with the email renderer of the
// configuration's branding, business and languages; lib (may be nil)
// names attachments and tells clients of shared files.
func newNotifier(cfg *config.Config, out notify.Sender, conn connectors.Connector, store *sqlstore.Store, lib notify.Files, log *slog.Logger) (*notify.Notifier, error) {
	b := cfg.Business
	r, err := emails.New(emails.Options{PortalName: cfg.Portal.Name, AccentColor: cfg.Portal.AccentColor,
		Business:  emails.Business{Name: b.Name, Address: b.Address, Email: b.Email, Phone: b.Phone, Website: b.Website},
		Languages: cfg.Portal.Languages, DefaultLanguage: cfg.Portal.DefaultLanguage})
	if err != nil {
		return nil, fmt.Errorf("email: %w", err)
	}
	return notify.New(notify.Options{Renderer: r, Outbox: out, Connector: conn, Conversations: store, Inbox: store,
		Store: store, PublicURL: cfg.PublicURL, BasePath: cfg.Portal.BasePath, StaffTo: cfg.Email.StaffTo,
		CategoryTo: cfg.Email.CategoryTo, Files: lib, CompanyItemsDefault: cfg.Portal.CompanyItemsDefault, Logger: log})
}

// conversationOptions gives the portal its tickets, messages and staff
// inbox (clientgate's own store, whatever the connector) and, with email
// on, invitations.
func conversationOptions(cfg *config.Config, o *portal.Options, store *sqlstore.Store, bg *background) {
	o.Conversations, o.Inbox, o.TicketCategories = store, store, cfg.Tickets.Categories
	o.Forms = portalForms(cfg.Forms)
	if bg != nil && bg.notifier != nil {
		o.Invites, o.FileNotices = bg.notifier, bg.notifier
	}
}

// staffAuthOptions makes the configured claim make staff, lets sign-in
// come back to the staff pages and, with email on, tells the staff of
// contacts created on a first sign-in; then applies tweak, if any.
func staffAuthOptions(cfg *config.Config, bg *background, log *slog.Logger, tweak func(*auth.Options)) func(*auth.Options) {
	return func(o *auth.Options) {
		o.StaffClaim, o.StaffValues, o.StaffPath = cfg.Staff.Claim, cfg.Staff.Values, staffPath
		if bg != nil && bg.notifier != nil {
			o.OnProvisioned = notify.EnqueueSignup(bg.queue, log)
		}
		if tweak != nil {
			tweak(o)
		}
	}
}
