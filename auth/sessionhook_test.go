package auth_test

import (
	"net/http"
	"testing"
)

// TestSessionHookRunsBeforeTheAccessCheck: the hook hears the session's
// contact before its access is checked; a refused contact's request stays
// refused, and a request without a session never reaches the hook.
func TestSessionHookRunsBeforeTheAccessCheck(t *testing.T) {
	e := newEnv(t)
	c := e.addContact(alice.Email)
	b := e.browser()
	if resp := b.get(e.url("/clients/hooked")); resp.Header.Get(hookedHeader) != "" {
		t.Fatal("the hook ran without a session")
	}
	b.expectRedirect(b.signIn("/clients", alice, ""))
	resp := b.get(e.url("/clients/hooked"))
	if resp.StatusCode != http.StatusOK || resp.Header.Get(hookedHeader) != c.ID {
		t.Fatalf("signed in: %d, hook heard %q, want %q", resp.StatusCode, resp.Header.Get(hookedHeader), c.ID)
	}
	c.PortalAccess = false
	e.crm.AddContact(c) // access off in the CRM
	resp = b.get(e.url("/clients/hooked"))
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("access off: %d, want 403", resp.StatusCode)
	}
	if resp.Header.Get(hookedHeader) != c.ID {
		t.Errorf("the hook did not hear the refused contact's session (%q)", resp.Header.Get(hookedHeader))
	}
}
