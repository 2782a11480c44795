package notify_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/jobs"
	"clientgate/portal/emails"
	"clientgate/portal/i18n"
	"clientgate/portal/notify"
)

// TestTicketConversationEmails: a new ticket goes to its category's
// staff, the staff's reply to the client in their language with a link
// to the ticket and an unsubscribe link, a reply after assignment to the
// assignee, a status change to the client; closing one's own ticket and
// assigning tell nobody. No email holds another contact's data.
func TestTicketConversationEmails(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	other, err := r.store.CreateTicket(ctx, scope("bob"), connectors.NewTicket{Subject: "Bob's secret", Body: "bob body"})
	if err != nil {
		t.Fatal(err)
	}
	tk, err := r.store.CreateTicket(ctx, scope("ann"), connectors.NewTicket{Subject: "Wrong amount", Category: "Billing",
		Body: "The total is <b>wrong</b>.", AuthorName: "Ann Lee"})
	if err != nil {
		t.Fatal(err)
	}
	opened := r.wait(billingTo, 1)[0]
	holds(t, "staff email", opened.Subject, "New ticket from Ann Lee: Wrong amount")
	holds(t, "staff email", opened.Text, "The total is <b>wrong</b>.", public+"/staff/threads/"+tk.ID, "ann@example.test", "Billing")
	holds(t, "staff email", opened.HTML, "The total is &lt;b&gt;wrong&lt;/b&gt;.")
	lacks(t, "staff email", opened.Text, "Bob's secret", "bob body")
	r.wait(staffTo, 1) // bob's ticket, uncategorised

	if _, err := r.store.StaffReply(ctx, staff, tk.ID, connectors.NewPost{Body: "We fixed it."}, ""); err != nil {
		t.Fatal(err)
	}
	reply := r.wait(r.ann.Email, 1)[0]
	holds(t, "reply email", reply.Subject, "Neue Antwort auf Ihre Anfrage: Wrong amount")
	holds(t, "reply email", reply.Text, "Guten Tag Ann Lee,", "We fixed it.", "Sam Staff", public+"/clients/tickets/"+tk.ID,
		public+"/clients/unsubscribe/", "Wartet auf Sie")
	lacks(t, "reply email", reply.Text+reply.HTML, "Bob's secret", "bob@example.test", other.ID)
	if reply.Header("List-Unsubscribe") == "" {
		t.Error("no List-Unsubscribe header")
	}
	if err := r.store.SaveStaffMember(ctx, bridge.StaffRecord{ID: "https://idp.test|alex", Name: "Alex", Email: "alex@staff.example.test", LastSeen: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.store.Assign(ctx, staff, tk.ID, connectors.StaffMember{ID: "https://idp.test|alex", Name: "Alex"}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.store.ReplyToTicket(ctx, scope("ann"), tk.ID, connectors.NewPost{Body: "Thanks!", AuthorName: "Ann Lee"}); err != nil {
		t.Fatal(err)
	}
	assigned := r.wait("alex@staff.example.test", 1)[0]
	holds(t, "assignee email", assigned.Subject, "New reply from Ann Lee: Wrong amount")
	holds(t, "assignee email", assigned.Text, "Thanks!")
	if _, _, err := r.store.SetStatus(ctx, staff, tk.ID, connectors.TicketClosed); err != nil {
		t.Fatal(err)
	}
	status := r.wait(r.ann.Email, 2)[1]
	holds(t, "status email", status.Subject, "Wrong amount", "Geschlossen")
	if _, _, err := r.store.ReopenTicket(ctx, scope("ann"), tk.ID); err != nil {
		t.Fatal(err)
	}
	reopened := r.wait("alex@staff.example.test", 2)[1]
	holds(t, "reopened email", reopened.Subject, "Ticket reopened by Ann Lee")
	if _, _, err := r.store.CloseTicket(ctx, scope("ann"), tk.ID); err != nil {
		t.Fatal(err)
	}
	r.wait(r.ann.Email, 2)
	r.wait(billingTo, 1)
}

// TestItemMessageEmails: a message about an invoice names the invoice for
// the staff and links the client to the invoice's page.
func TestItemMessageEmails(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	item := connectors.ItemRef{Kind: connectors.ThreadInvoice, ID: "inv1"}
	if _, err := r.store.PostMessage(ctx, scope("ann"), item, connectors.NewPost{Body: "Can I pay in two parts?", AuthorName: "Ann Lee"}); err != nil {
		t.Fatal(err)
	}
	got := r.wait(staffTo, 1)[0]
	holds(t, "staff email", got.Subject, "Message from Ann Lee about invoice INV-0001")
	holds(t, "staff email", got.Text, "Can I pay in two parts?")
	th, _ := r.store.ItemThread(ctx, scope("ann"), item)
	if _, err := r.store.StaffReply(ctx, staff, th.ID, connectors.NewPost{Body: "Yes."}, ""); err != nil {
		t.Fatal(err)
	}
	client := r.wait(r.ann.Email, 1)[0]
	holds(t, "client email", client.Subject, "Neue Nachricht zu Rechnung INV-0001")
	holds(t, "client email", client.Text, public+"/clients/invoices/inv1#messages", "Yes.")
}

// TestOptOutAndExactlyOnce: a contact who turned emails off gets none
// (the staff still do); the same event notified twice sends once.
func TestOptOutAndExactlyOnce(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	if err := r.store.SetEmailOptOut(ctx, "bob", true); err != nil {
		t.Fatal(err)
	}
	tk, err := r.store.CreateTicket(ctx, scope("bob"), connectors.NewTicket{Subject: "Quiet", Body: "b"})
	if err != nil {
		t.Fatal(err)
	}
	r.wait(staffTo, 1)
	if _, err := r.store.StaffReply(ctx, staff, tk.ID, connectors.NewPost{Body: "Answer"}, ""); err != nil {
		t.Fatal(err)
	}
	ann, err := r.store.CreateTicket(ctx, scope("ann"), connectors.NewTicket{Subject: "Twice", Body: "b"})
	if err != nil {
		t.Fatal(err)
	}
	post, err := r.store.StaffReply(ctx, staff, ann.ID, connectors.NewPost{Body: "Once"}, "")
	if err != nil {
		t.Fatal(err)
	}
	e := connectors.ConversationEvent{Type: connectors.EventStaffPosted, ContactID: "ann", ThreadID: ann.ID,
		Kind: connectors.ThreadTicket, PostID: post.ID, By: connectors.AuthorStaff, Status: connectors.TicketWaitingOnClient}
	for range 2 { // the hook enqueued it once; a job run again is the same
		if _, err := r.q.Enqueue(ctx, notify.ConversationArgs{Event: e}, jobs.EnqueueOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	r.wait(r.ann.Email, 1)
	if got, _ := r.rec.Delivered(ctx, r.bob.Email); len(got) != 0 {
		t.Errorf("%d emails to a contact who turned them off", len(got))
	}
}

// TestInviteAndSignup: an invitation links to the normal sign-in, once a
// day, never to a contact who turned emails off or has no access; the
// staff hear of a new sign-up.
func TestInviteAndSignup(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	queued, err := r.n.Invite(ctx, "ann")
	if err != nil || !queued {
		t.Fatalf("Invite = %v, %v", queued, err)
	}
	if again, err := r.n.Invite(ctx, "ann"); err != nil || again {
		t.Errorf("a second invitation today = %v, %v", again, err)
	}
	inv := r.wait(r.ann.Email, 1)[0]
	holds(t, "invitation", inv.Subject, "Ihr Kundenportal bei Acme Ltd ist bereit")
	holds(t, "invitation", inv.Text, public+"/auth/login?next=%2Fclients%2F", "ann@example.test")
	r.crm.AddContact(connectors.Contact{ID: "off", Email: "off@example.test", FirstName: "Off"})
	if err := r.store.SetEmailOptOut(ctx, "bob", true); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"bob": "has turned emails off", "off": "has no portal access", "nobody": "has no portal access"} {
		_, err := r.n.Invite(ctx, id)
		var verr *connectors.ValidationError
		if !errors.As(err, &verr) || verr.Fields["email"] != want {
			t.Errorf("Invite(%s) = %v, want %q", id, err, want)
		}
	}
	notify.EnqueueSignup(r.q, slog.New(slog.DiscardHandler))(ctx, r.bob)
	signup := r.wait(staffTo, 1)[0]
	holds(t, "sign-up email", signup.Subject, "New sign-up: Bob")
	holds(t, "sign-up email", signup.Text, "bob@example.test", public+"/staff/?contact=bob")
}

// TestOtherTeamsNotification: a notification of another area is a few
// lines with ToCategory and ToContact.
func TestOtherTeamsNotification(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	err := r.n.ToCategory(ctx, "payment.unsettled/pay1", "", func(l *i18n.Localizer) emails.Content {
		return emails.Content{Subject: "Payment pay1 needs a look", Intro: []string{"The CRM did not accept it."}}
	})
	if err != nil {
		t.Fatal(err)
	}
	sent, err := r.n.ToContact(ctx, "file.shared/f1", "ann", func(l *i18n.Localizer, c connectors.Contact) emails.Content {
		return emails.Content{Subject: "A file for " + c.Name(), Action: emails.Action{Label: "Open", URL: r.n.ClientURL("/files/f1")}}
	})
	if err != nil || !sent {
		t.Fatalf("ToContact = %v, %v", sent, err)
	}
	holds(t, "staff", r.wait(staffTo, 1)[0].Text, "The CRM did not accept it.")
	holds(t, "client", r.wait(r.ann.Email, 1)[0].Text, public+"/clients/files/f1", "Kundenportal von Acme Ltd")
}
