package auth_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// staffSite is a site where the groups claim portal-staff makes staff
// and the staff pages live at /staff.
func staffSite(more ...func(*auth.Options)) *site {
	return &site{base: "/clients", opts: func(o *auth.Options) {
		o.StaffClaim, o.StaffValues, o.StaffPath = "groups", []string{"portal-staff"}, "/staff"
		for _, f := range more {
			f(o)
		}
	}}
}

// TestStaffSignInWithoutContact: a staff member with no contact (and
// auto-provisioning on) signs in as staff only; no contact is created or
// looked up by email, the staff directory records them, and sign-in may
// come back to /staff.
func TestStaffSignInWithoutContact(t *testing.T) {
	e := newEnv(t, staffSite(func(o *auth.Options) { o.AutoProvision = true }))
	e.addContact(sam.Email) // a contact with the staff member's email is not taken
	b := e.browser()
	if got := b.expectRedirect(b.signIn("/clients", sam, "/staff/threads?x=1")); got != e.url("/staff/threads?x=1") {
		t.Errorf("after sign-in at %s, want /staff/threads?x=1", got)
	}
	if e.outcomes.last() != auth.OutcomeStaff {
		t.Errorf("outcome %q", e.outcomes.last())
	}
	p := principalOf(t, b, "/clients/me")
	if !p.Staff || p.ContactID != "" || p.Email != sam.Email || p.CSRFToken == "" {
		t.Errorf("principal = %+v", p)
	}
	if _, err := e.br.LinkFor(t.Context(), bridge.Identity{Issuer: e.op.Issuer(), Subject: sam.Subject}); err == nil {
		t.Error("staff sign-in stored a link")
	}
	m, err := e.br.StaffMember(t.Context(), e.op.Issuer()+"|"+sam.Subject)
	if err != nil || m.Name != "Sam Staff" || m.Email != sam.Email || m.LastSeen.IsZero() {
		t.Errorf("staff directory = %+v, %v", m, err)
	}
	if api := principalOf(t, b, "/clients/api/me"); !api.Staff || api.ContactID != "" {
		t.Errorf("API principal of a staff cookie = %+v", api)
	}
}

// TestStaffWhoIsAlsoAClient: a stored link gives a staff member their
// contact too; when that contact's access is switched off mid-session the
// session goes on as staff only instead of ending.
func TestStaffWhoIsAlsoAClient(t *testing.T) {
	e := newEnv(t, staffSite())
	c := e.addContact("sam.client@example.com")
	id := bridge.Identity{Issuer: e.op.Issuer(), Subject: sam.Subject}
	if err := e.br.SaveLink(t.Context(), bridge.Link{Identity: id, ContactID: c.ID, Via: bridge.ViaOperator, CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", sam, ""))
	if p := principalOf(t, b, "/clients/me"); !p.Staff || p.ContactID != c.ID {
		t.Fatalf("principal = %+v, want staff and contact %s", p, c.ID)
	}
	if err := e.br.SaveContactSettings(t.Context(), bridge.ContactSettings{ContactID: c.ID, PortalDisabled: true}); err != nil {
		t.Fatal(err)
	}
	if p := principalOf(t, b, "/clients/me"); !p.Staff || p.ContactID != "" {
		t.Errorf("after the contact's access went off: %+v, want staff only", p)
	}
	if err := e.br.DeleteLink(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	if p := principalOf(t, b, "/clients/me"); !p.Staff || p.ContactID != "" {
		t.Errorf("after the link went: %+v, want staff only", p)
	}
}

// TestStaffClaimMustMatch: a client without the value, a provider
// sending no claim, or a configuration without staff values never makes
// anyone staff; clients still sign in by the link policy.
func TestStaffClaimMustMatch(t *testing.T) {
	e := newEnv(t, staffSite())
	ca := e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	if p := principalOf(t, b, "/clients/me"); p.Staff || p.ContactID != ca.ID {
		t.Errorf("client principal = %+v", p)
	}
	for name, edit := range map[string]func(*auth.Options){
		"other value":     func(o *auth.Options) { o.StaffValues = []string{"admins"} },
		"other claim":     func(o *auth.Options) { o.StaffClaim = "roles" },
		"nested claim":    func(o *auth.Options) { o.StaffClaim = "groups.inner" },
		"no staff values": func(o *auth.Options) { o.StaffValues = nil },
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, staffSite(edit))
			b := e.browser()
			expectPage(t, e, b, b.signIn("/clients", sam, ""), http.StatusForbidden, "There is no portal access", auth.OutcomeNoContact)
		})
	}
}

// TestStaffNextStaysInside: without a staff path, /staff is no place to
// come back to.
func TestStaffNextStaysInside(t *testing.T) {
	e := newEnv(t, staffSite(func(o *auth.Options) { o.StaffPath = "" }))
	b := e.browser()
	if got := b.expectRedirect(b.signIn("/clients", sam, "/staff/")); got != e.url("/clients/") {
		t.Errorf("next /staff/ without a staff path ends at %s", got)
	}
}

// TestBearerIsNeverStaff: an API token carrying the staff group is a
// client's (or nobody's) credential, never staff.
func TestBearerIsNeverStaff(t *testing.T) {
	e := newEnv(t, staffSite())
	c := e.addContact(sam.Email)
	tok, err := e.op.Sign(e.op.Claims(sam, apiAudience, time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, e.url("/clients/api/me"), nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp := e.browser().do(req)
	text := body(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("bearer: %d %s", resp.StatusCode, text)
	}
	contains(t, text, `"Staff":false`)
	contains(t, text, `"ContactID":"`+c.ID+`"`)
}

// TestOnProvisioned: the hook hears of every contact created on sign-in,
// once, after its link is stored.
func TestOnProvisioned(t *testing.T) {
	got := make(chan connectors.Contact, 4)
	e := newEnv(t, &site{base: "/clients", opts: func(o *auth.Options) {
		o.AutoProvision = true
		o.OnProvisioned = func(_ context.Context, c connectors.Contact) { got <- c }
	}})
	e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	b2 := e.browser()
	b2.expectRedirect(b2.signIn("/clients", erin, ""))
	b3 := e.browser()
	b3.expectRedirect(b3.signIn("/clients", erin, ""))
	select {
	case c := <-got:
		if c.Email != erin.Email || c.ID == "" {
			t.Errorf("provisioned %+v", c)
		}
	default:
		t.Fatal("the hook was not called")
	}
	if len(got) != 0 {
		t.Errorf("%d more calls: only erin's first sign-in created a contact", len(got))
	}
}
