package main

import (
	"context"
	"fmt"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/sqlstore"
)

// demoStaff is the demo's staff member: the groups claim portal-staff
// makes them staff (the demo's staff.values), and they have no contact.
var demoStaff = devoidc.Person{Email: "sam.staff@demo-studio.example", Name: "Sam Staff (staff inbox)", Groups: []string{"portal-staff"}}

// demoStaffConfig makes portal-staff staff and offers ticket categories.
func demoStaffConfig(cfg *config.Config) {
	cfg.Staff.Values = []string{"portal-staff"}
	cfg.Tickets.Categories = []string{"General question", "Billing", "Appointments"}
	cfg.Forms = demoForms()
}

// demoEmail turns email on for the demo when smtpURL is set, such as a
// local Mailpit (smtp://127.0.0.1:1025?tls=none).
func demoEmail(cfg *config.Config, smtpURL, staffTo string) {
	if smtpURL == "" {
		return
	}
	cfg.Email.SMTPURL = smtpURL
	cfg.Email.From = "Demo Studio <portal@demo-studio.example>"
	cfg.Email.StaffTo = []string{staffTo}
}

// seedDemoConversations gives the demo a few tickets, one answered by the
// demo's staff member, unless the store has them already. It runs
// before serving: no notification is sent for them.
func seedDemoConversations(ctx context.Context, store *sqlstore.Store, issuer string) error {
	zoe, err := store.FindContactByEmail(ctx, "zoe@northwind.example")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if page, err := store.ListTickets(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{Limit: 1}); err != nil || len(page.Items) > 0 {
		return err
	}
	sam, err := store.FindContactByEmail(ctx, "sam@northwind.example")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	actor := bridge.StaffActor{ID: issuer + "|" + demoStaff.Sub(), Name: "Sam Staff"}
	if err := store.SaveStaffMember(ctx, bridge.StaffRecord{ID: actor.ID, Name: actor.Name, Email: demoStaff.Email, LastSeen: time.Now().UTC()}); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	t, err := store.CreateTicket(ctx, connectors.Scope{ContactID: zoe.ID}, connectors.NewTicket{Subject: "Zahlungsziel für INV-2025-047",
		Category: "Billing", AuthorName: zoe.Name(),
		Body: "Guten Tag,\nkönnten wir die Rechnung INV-2025-047 in zwei Raten bezahlen?\nViele Grüße\nZoë Ångström-Müller"})
	if err == nil {
		_, err = store.StaffReply(ctx, actor, t.ID, connectors.NewPost{Body: "Guten Tag Frau Ångström-Müller,\n" +
			"gern: die Hälfte bis Monatsende, den Rest vier Wochen später.\nBeste Grüße\nSam"}, "")
	}
	if err == nil {
		_, err = store.CreateTicket(ctx, connectors.Scope{ContactID: sam.ID}, connectors.NewTicket{Subject: "Portal access for our accountant",
			Category: "General question", AuthorName: sam.Name(),
			Body: "Hi, could our accountant get their own login to see the invoices?"})
	}
	if err == nil {
		err = seedPriya(ctx, store, actor)
	}
	if err != nil {
		return fmt.Errorf("demo: conversations: %w", err)
	}
	return nil
}

// seedPriya gives Priya an open ticket and an answered message on her
// invoice BB-0107.
func seedPriya(ctx context.Context, store *sqlstore.Store, actor bridge.StaffActor) error {
	priya, err := store.FindContactByEmail(ctx, "priya@brightside.example")
	if err != nil {
		return err
	}
	scope := connectors.Scope{ContactID: priya.ID}
	if _, err := store.CreateTicket(ctx, scope, connectors.NewTicket{Subject: "Paper for the new menus", Category: "General question",
		AuthorName: priya.Name(), Body: "Which paper would you recommend for menus that get wiped every day?"}); err != nil {
		return err
	}
	invoices, err := store.ListInvoices(ctx, scope, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err != nil {
		return err
	}
	for _, inv := range invoices.Items {
		if inv.Number != "BB-0107" {
			continue
		}
		item := connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: inv.ID}
		if _, err := store.PostMessage(ctx, scope, item, connectors.NewPost{Body: "Could you add our VAT number to this invoice?",
			AuthorName: priya.Name()}); err != nil {
			return err
		}
		t, err := store.ItemThread(ctx, scope, item)
		if err == nil {
			_, err = store.StaffReply(ctx, actor, t.ID, connectors.NewPost{Body: "Of course. The corrected invoice keeps its number."}, "")
		}
		return err
	}
	return nil
}

// demoUsage is the demo command's synopsis.
const demoUsage = "demo [--addr 127.0.0.1:8080] [--public-url URL] [--data DIR] [--stripe-mock URL] [--smtp-url URL] [--staff-to ADDRESS]"
