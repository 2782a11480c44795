package portal

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// TestStaffPagesAreNotForClients: a client (cookie or bearer), a bearer
// token claiming staff, and a visitor never see the staff pages.
func TestStaffPagesAreNotForClients(t *testing.T) {
	e := newConvEnv(t, nil)
	th := e.openTicket("ann", "Secret subject")
	for _, path := range []string{"/staff/", "/staff/threads/" + th.ID, "/staff/invite"} {
		for name, r := range map[string]req{
			"client":       {path: path, as: "bob"},
			"bearer staff": {path: path, as: "bob", bearer: true, staff: true},
		} {
			w := e.do(r)
			if w.Code != http.StatusNotFound {
				t.Errorf("%s %s: %d", name, path, w.Code)
			}
			wantNoBody(t, w, "Secret subject")
		}
		if w := e.do(req{path: path}); w.Code != http.StatusFound {
			t.Errorf("visitor %s: %d, want a redirect to sign in", path, w.Code)
		}
	}
	for _, path := range []string{"/staff/threads/" + th.ID + "/reply", "/staff/threads/" + th.ID + "/status", "/staff/threads/" + th.ID + "/assign", "/staff/invite"} {
		wantStatus(t, e.postAs(path, "bob", false, url.Values{"body": {"x"}, "status": {"closed"}, "email": {"ann@example.com"}}), http.StatusNotFound)
	}
	if got, _ := e.conv.InboxThread(context.Background(), th.ID); got.Posts != 1 || got.Status != connectors.TicketOpen {
		t.Errorf("a client changed the thread: %+v", got)
	}
	if len(e.invites.invited) != 0 {
		t.Error("a client sent an invitation")
	}
}

// TestStaffAnswers: staff find a ticket in the inbox, reply, change the
// status and assign it; the client sees the reply, and each action is in
// the thread's history with who, what and when.
func TestStaffAnswers(t *testing.T) {
	e := newConvEnv(t, nil)
	th := e.openTicket("ann", "Broken link")
	if err := e.store.SaveStaffMember(context.Background(), bridge.StaffRecord{ID: "https://idp.test|sub-alex", Name: "Alex Agent", LastSeen: time.Now()}); err != nil {
		t.Fatal(err)
	}
	inbox := e.do(req{path: "/staff/?status=open", staff: true})
	wantStatus(t, inbox, http.StatusOK)
	wantBody(t, inbox, "Broken link", "Ann Lee", "1 new reply")
	wantNoBody(t, e.do(req{path: "/staff/?status=closed", staff: true}), "Broken link")
	wantBody(t, e.do(req{path: "/staff/?unread=1&kind=ticket&category=Billing&contact=ann", staff: true}), "Broken link", "Threads of Ann Lee")

	base := "/staff/threads/" + th.ID
	wantStatus(t, e.postAs(base+"/reply", "", true, url.Values{"body": {""}, "status": {"waiting_on_client"}}), http.StatusUnprocessableEntity)
	loc := location(t, e.postAs(base+"/reply", "", true, url.Values{"body": {"Fixed, <i>please</i> check."}, "status": {"waiting_on_client"}}))
	if loc != base+"?done=replied" {
		t.Errorf("after replying: %s", loc)
	}
	location(t, e.postAs(base+"/assign", "", true, url.Values{"assignee": {"https://idp.test|sub-alex"}}))
	location(t, e.postAs(base+"/status", "", true, url.Values{"status": {"closed"}}))
	wantStatus(t, e.postAs(base+"/assign", "", true, url.Values{"assignee": {"https://idp.test|nobody"}}), http.StatusBadRequest)
	wantStatus(t, e.postAs(base+"/status", "", true, url.Values{"status": {"done"}}), http.StatusBadRequest)

	client := e.do(req{path: "/clients/tickets/" + th.ID, as: "ann"})
	wantBody(t, client, "Fixed, &lt;i&gt;please&lt;/i&gt; check.", "Sam Staff", "Closed", "Alex Agent")
	page := e.do(req{path: base, staff: true})
	wantBody(t, page, "Replied", "Changed the status", "Assigned", "Status: Open → Waiting for the client", "Status: Waiting for the client → Closed",
		"Assigned: Nobody → Alex Agent", "Sam Staff")
	hist, err := e.conv.ThreadHistory(context.Background(), th.ID, 10)
	if err != nil || len(hist) != 3 {
		t.Fatalf("history %+v, %v", hist, err)
	}
	for _, h := range hist {
		if h.Actor != "staff:"+staffID || h.At.IsZero() || h.ContactID != "ann" {
			t.Errorf("audit entry %+v", h)
		}
	}
	if got, _ := e.conv.InboxThread(context.Background(), th.ID); got.Unread != 0 {
		t.Errorf("viewing did not mark the thread read for staff: %+v", got)
	}
}

// TestStaffWithoutContact: a staff member without a contact is sent from
// the client pages to the inbox and refused by the client API.
func TestStaffWithoutContact(t *testing.T) {
	e := newConvEnv(t, nil)
	w := e.do(req{path: "/clients/invoices", staff: true})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/staff/" {
		t.Errorf("client page for staff only: %d %s", w.Code, w.Header().Get("Location"))
	}
	api := e.do(req{path: "/api/v1/invoices", staff: true})
	wantStatus(t, api, http.StatusForbidden)
	wantBody(t, api, "no client account")
	nav := e.do(req{path: "/staff/", staff: true})
	wantBody(t, nav, `href="/staff/invite"`, "Sign out")
	wantNoBody(t, nav, "My client portal")
	wantBody(t, e.do(req{path: "/staff/", as: "ann", staff: true}), "My client portal")
}

// TestStaffInvite: the invitation form finds the contact by email,
// explains each refusal, sends once a day and records who invited.
func TestStaffInvite(t *testing.T) {
	e := newConvEnv(t, nil)
	for email, want := range map[string]string{
		"":                   "This is not an email address.",
		"nobody@example.com": "No contact has this email address.",
	} {
		w := e.postAs("/staff/invite", "", true, url.Values{"email": {email}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, want)
	}
	if loc := location(t, e.postAs("/staff/invite", "", true, url.Values{"email": {"ann@example.com"}})); loc != "/staff/invite?done=sent" {
		t.Errorf("after inviting: %s", loc)
	}
	if loc := location(t, e.postAs("/staff/invite", "", true, url.Values{"email": {"ann@example.com"}})); loc != "/staff/invite?done=already" {
		t.Errorf("after inviting again: %s", loc)
	}
	if len(e.invites.invited) != 1 || e.invites.invited[0] != "ann" {
		t.Errorf("invited %v", e.invites.invited)
	}
	audit := e.audit("ann")
	if len(audit) != 1 || audit[0].Action != "contact.invite" || audit[0].Actor != "staff:"+staffID {
		t.Errorf("audit %+v", audit)
	}
	var verr connectors.ValidationError
	verr.Add("email", "has turned emails off")
	e.invites.err = &verr
	wantBody(t, e.postAs("/staff/invite", "", true, url.Values{"email": {"bob@example.com"}}), "turned emails from the portal off")
	e.invites.err = errors.New("queue down")
	wantStatus(t, e.postAs("/staff/invite", "", true, url.Values{"email": {"bob@example.com"}}), http.StatusInternalServerError)

	off := newConvEnv(t, func(o *Options) { o.Invites = nil })
	wantBody(t, off.do(req{path: "/staff/invite", staff: true}), "Email is not set up")
	wantStatus(t, off.postAs("/staff/invite", "", true, url.Values{"email": {"ann@example.com"}}), http.StatusNotFound)
}

// TestEmailPreference: the details page and PATCH /me turn emails off and
// on; the choice is audited.
func TestEmailPreference(t *testing.T) {
	e := newConvEnv(t, nil)
	wantBody(t, e.do(req{path: "/clients/details", as: "ann"}), `name="emails"`, `<option value="on" selected>`)
	location(t, e.postAs("/clients/preferences", "ann", false, url.Values{"emails": {"off"}, "back": {"/clients/details"}}))
	if p, _ := e.store.EmailPreferences(context.Background(), "ann"); !p.OptOut {
		t.Error("the form did not turn emails off")
	}
	wantBody(t, e.do(req{path: "/api/v1/me", as: "ann"}), `"emails":"off"`)
	w := e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", csrf: "csrf-ann", json: `{"preferences":{"emails":"on"}}`})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `"emails":"on"`)
	w = e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", csrf: "csrf-ann", json: `{"preferences":{"emails":"maybe"}}`})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `"preferences.emails":"must be on or off"`)
	var actions []string
	for _, a := range e.audit("ann") {
		actions = append(actions, a.Action)
	}
	if strings.Join(actions, ",") != "contact.emails_on,contact.emails_off" {
		t.Errorf("audit actions %v", actions)
	}
	wantNoBody(t, newConvEnv(t, func(o *Options) { o.Invites = nil }).do(req{path: "/clients/details", as: "ann"}), `name="emails"`)
}

// TestUnsubscribeLink: the link works without signing in, only with the
// contact's own token, and the GET alone changes nothing.
func TestUnsubscribeLink(t *testing.T) {
	e := newConvEnv(t, nil)
	tok, err := e.store.UnsubscribeToken(context.Background(), "ann")
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, e.do(req{path: "/clients/unsubscribe/" + tok}), http.StatusOK)
	if p, _ := e.store.EmailPreferences(context.Background(), "ann"); p.OptOut {
		t.Fatal("GET unsubscribed")
	}
	for _, bad := range []string{"x", tok + "x", strings.Repeat("A", 100), "%00"} {
		wantStatus(t, e.do(req{path: "/clients/unsubscribe/" + bad}), http.StatusNotFound)
		wantStatus(t, e.do(req{method: http.MethodPost, path: "/clients/unsubscribe/" + bad, form: url.Values{}}), http.StatusNotFound)
	}
	w := e.do(req{method: http.MethodPost, path: "/clients/unsubscribe/" + tok, form: url.Values{"List-Unsubscribe": {"One-Click"}}})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Emails stopped")
	if p, _ := e.store.EmailPreferences(context.Background(), "ann"); !p.OptOut {
		t.Error("the one-click POST did not unsubscribe")
	}
	if p, _ := e.store.EmailPreferences(context.Background(), "bob"); p.OptOut {
		t.Error("another contact was unsubscribed")
	}
}
