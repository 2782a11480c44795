package auth_test

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

func TestUnverifiedEmail(t *testing.T) {
	e := newEnv(t)
	e.addContact(carol.Email)
	b := e.browser()
	page := expectPage(t, e, b, b.signIn("/clients", carol, ""), http.StatusForbidden, "has not verified the email address carol@example.com", auth.OutcomeUnverifiedEmail)
	if strings.Contains(page, "Try signing in again") {
		t.Error("refusal offers a pointless retry")
	}
	if links, _ := e.br.Links(t.Context()); len(links) != 0 {
		t.Errorf("links = %+v", links)
	}
}

func TestAllowUnverifiedEmail(t *testing.T) {
	e := newEnv(t, &site{base: "/clients", opts: func(o *auth.Options) { o.AllowUnverifiedEmail = true }})
	c := e.addContact(carol.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", carol, ""))
	if p := principalOf(t, b, "/clients/me"); p.ContactID != c.ID {
		t.Errorf("contact = %s, want %s", p.ContactID, c.ID)
	}
}

func TestAmbiguousEmailRecordsConflict(t *testing.T) {
	e := newEnv(t)
	e.addContact(dave.Email)
	e.addContact(strings.ToUpper(dave.Email))
	b := e.browser()
	expectPage(t, e, b, b.signIn("/clients", dave, ""), http.StatusForbidden, "belongs to more than one client record", auth.OutcomeAmbiguous)
	conflicts, err := e.br.Conflicts(t.Context())
	if err != nil || len(conflicts) != 1 {
		t.Fatalf("conflicts = %+v, %v", conflicts, err)
	}
	want := bridge.Identity{Issuer: e.op.Issuer(), Subject: dave.Subject}
	if c := conflicts[0]; c.Identity != want || c.Email != dave.Email {
		t.Errorf("conflict = %+v", c)
	}
	contains(t, e.logs.String(), "link conflict")
}

func TestStoredLinkWins(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	chosen := e.addContact("someone-else@example.com")
	id := bridge.Identity{Issuer: e.op.Issuer(), Subject: alice.Subject}
	if err := e.br.SaveLink(t.Context(), bridge.Link{Identity: id, ContactID: chosen.ID, Via: bridge.ViaOperator}); err != nil {
		t.Fatal(err)
	}
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	if p := principalOf(t, b, "/clients/me"); p.ContactID != chosen.ID {
		t.Errorf("contact = %s, want the linked %s", p.ContactID, chosen.ID)
	}
	// Removing the link ends the session on the next request.
	if err := e.br.DeleteLink(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	if loc := b.expectRedirect(b.get(e.url("/clients/me"))); !strings.HasPrefix(loc, e.url("/auth/login")) {
		t.Errorf("after unlinking: %q", loc)
	}
	if b.cookie(sessionCookie) != nil {
		t.Error("session cookie kept after unlinking")
	}
}

func TestPortalAccessOff(t *testing.T) {
	t.Run("off in the CRM", func(t *testing.T) {
		e := newEnv(t)
		e.crm.AddContact(connectors.Contact{Email: alice.Email, PortalAccess: false})
		b := e.browser()
		expectPage(t, e, b, b.signIn("/clients", alice, ""), http.StatusForbidden, "Portal access is switched off", auth.OutcomeAccessDisabled)
	})
	t.Run("off in the bridge settings, even with a link", func(t *testing.T) {
		e := newEnv(t)
		c := e.addContact(alice.Email)
		id := bridge.Identity{Issuer: e.op.Issuer(), Subject: alice.Subject}
		if err := e.br.SaveLink(t.Context(), bridge.Link{Identity: id, ContactID: c.ID, Via: bridge.ViaOperator}); err != nil {
			t.Fatal(err)
		}
		if err := e.br.SaveContactSettings(t.Context(), bridge.ContactSettings{ContactID: c.ID, PortalDisabled: true}); err != nil {
			t.Fatal(err)
		}
		b := e.browser()
		expectPage(t, e, b, b.signIn("/clients", alice, ""), http.StatusForbidden, "Portal access is switched off", auth.OutcomeAccessDisabled)
	})
	t.Run("turned off during a session", func(t *testing.T) {
		e := newEnv(t)
		c := e.addContact(alice.Email)
		b := e.browser()
		b.expectRedirect(b.signIn("/clients", alice, ""))
		principalOf(t, b, "/clients/me")
		if err := e.br.SaveContactSettings(t.Context(), bridge.ContactSettings{ContactID: c.ID, PortalDisabled: true}); err != nil {
			t.Fatal(err)
		}
		cookie := b.cookie(sessionCookie).Value
		expectPage(t, e, b, b.get(e.url("/clients/me")), http.StatusForbidden, "Portal access is switched off", "")
		// Switching access off ended the session: a copy of the cookie is
		// worth nothing, even once access is switched on again.
		if err := e.br.SaveContactSettings(t.Context(), bridge.ContactSettings{ContactID: c.ID}); err != nil {
			t.Fatal(err)
		}
		b.setCookie(sessionCookie, cookie)
		resp := b.get(e.url("/clients/api/me"))
		contains(t, body(t, resp), `"type":"urn:clientgate:problem:unauthenticated"`)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("API status %d", resp.StatusCode)
		}
	})
}

func TestCRMDownKeepsSession(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	e.crm.SetError("GetContact", connectors.ErrUnavailable)
	resp := b.get(e.url("/clients/me"))
	contains(t, body(t, resp), "Temporarily unavailable")
	if resp.StatusCode != http.StatusServiceUnavailable || b.cookie(sessionCookie) == nil {
		t.Errorf("status %d, cookie kept: %v", resp.StatusCode, b.cookie(sessionCookie) != nil)
	}
	e.crm.SetError("GetContact", nil)
	principalOf(t, b, "/clients/me")
}

func TestAutoProvisioning(t *testing.T) {
	t.Run("off", func(t *testing.T) {
		e := newEnv(t)
		b := e.browser()
		expectPage(t, e, b, b.signIn("/clients", erin, ""), http.StatusForbidden, "There is no portal access for erin@example.com", auth.OutcomeNoContact)
		if _, err := e.crm.FindContactByEmail(t.Context(), erin.Email); err == nil {
			t.Error("a contact was created")
		}
	})
	t.Run("on", func(t *testing.T) {
		e := newEnv(t, &site{base: "/clients", opts: func(o *auth.Options) { o.AutoProvision = true }})
		b := e.browser()
		b.expectRedirect(b.signIn("/clients", erin, ""))
		if e.outcomes.last() != auth.OutcomeProvisioned {
			t.Errorf("outcome = %q", e.outcomes.last())
		}
		c, err := e.crm.FindContactByEmail(t.Context(), erin.Email)
		if err != nil || c.FirstName != "Erin" || c.LastName != "New" {
			t.Fatalf("provisioned contact = %+v, %v", c, err)
		}
		if p := principalOf(t, b, "/clients/me"); p.ContactID != c.ID {
			t.Errorf("contact = %s, want %s", p.ContactID, c.ID)
		}
		l, err := e.br.LinkFor(t.Context(), bridge.Identity{Issuer: e.op.Issuer(), Subject: erin.Subject})
		if err != nil || l.Via != bridge.ViaProvisioned {
			t.Errorf("link = %+v, %v", l, err)
		}
	})
	t.Run("on but unsupported by the connector", func(t *testing.T) {
		e := newEnv(t, &site{base: "/clients", opts: func(o *auth.Options) { o.AutoProvision = true }})
		e.crm.SetCapabilities(connectors.Capabilities{})
		b := e.browser()
		expectPage(t, e, b, b.signIn("/clients", erin, ""), http.StatusForbidden, "There is no portal access", auth.OutcomeNoContact)
	})
}

func TestProviderDownAtStart(t *testing.T) {
	e := newEnv(t)
	e.down.Store(true)
	opts := auth.Options{Issuer: e.op.Issuer(), ClientID: clientID, ClientSecret: clientSecret,
		RedirectURL: e.url("/auth/callback"), SessionKeys: [][]byte{key1}, PublicURL: e.srv.URL,
		BasePath: "/late", Connector: e.crm, Bridge: e.br, OnSignIn: e.outcomes.add,
		Logger:     slog.New(slog.NewTextHandler(e.logs, nil)),
		HTTPClient: &http.Client{Transport: switchable{e.down}, Timeout: 5 * time.Second}}
	svc, err := auth.New(t.Context(), opts)
	if err != nil {
		t.Fatalf("New with the provider down: %v", err)
	}
	if svc.Ready(t.Context()) == nil {
		t.Fatal("ready while the provider is down")
	}
	srv := newSiteServer(t, svc)
	resp, err := http.Get(srv.URL + "/auth/login?next=/")
	if err != nil {
		t.Fatal(err)
	}
	page := body(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(page, "Sign-in is not available yet") {
		t.Errorf("login while down: %d %s", resp.StatusCode, page)
	}
	if e.outcomes.last() != auth.OutcomeProviderDown {
		t.Errorf("outcome = %q", e.outcomes.last())
	}
	e.down.Store(false)
	e.waitReady(svc)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err = c.Get(srv.URL + "/auth/login")
	if err != nil {
		t.Fatal(err)
	}
	body(t, resp)
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || !strings.HasPrefix(loc, e.op.Issuer()) {
		t.Errorf("login once up: %d %q", resp.StatusCode, loc)
	}
}

// TestRecheckIntervalTrustsARecentCheck shows the memo at work: within
// RecheckInterval a removed link is not read again, and the contact's own
// portal access, read through the connector, still ends the session at once.
func TestRecheckIntervalTrustsARecentCheck(t *testing.T) {
	e := newEnv(t, &site{base: "/clients", opts: func(o *auth.Options) { o.RecheckInterval = time.Hour }})
	c := e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	principalOf(t, b, "/clients/me")
	if err := e.br.DeleteLink(t.Context(), bridge.Identity{Issuer: e.op.Issuer(), Subject: alice.Subject}); err != nil {
		t.Fatal(err)
	}
	if p := principalOf(t, b, "/clients/me"); p.ContactID != c.ID {
		t.Errorf("within the interval: contact %q, want %q", p.ContactID, c.ID)
	}
	c.PortalAccess = false
	e.crm.AddContact(c) // replaces the contact: access off in the CRM
	if resp := b.get(e.url("/clients/me")); resp.StatusCode != http.StatusForbidden {
		t.Errorf("access off in the CRM within the interval: %d, want 403", resp.StatusCode)
	}
}
