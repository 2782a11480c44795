package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors"
	"clientgate/connectors/files"
)

// TestAttackStaffInbox: a client reaches no staff page, with a cookie or
// with a bearer token that even carries the staff group; the staff
// member signs in without a contact and sees every client's thread, and
// the client API refuses them.
func TestAttackStaffInbox(t *testing.T) {
	e := startAttackEnv(t, nil)
	ticket := e.items[priya]["ticket"][0]
	zc := e.client(zoe)
	staffToken, err := e.op.Sign(e.op.Claims(devoidc.Person{Email: zoe, Groups: []string{"portal-staff"}}, attackAPIAudience, 5*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/staff/", "/staff/threads/" + ticket, "/staff/invite"} {
		if resp, body := e.send(zc, http.MethodGet, path, nil, nil); resp.StatusCode != http.StatusNotFound || strings.Contains(body, "Ticket of") {
			t.Errorf("client cookie %s: %d", path, resp.StatusCode)
		}
		resp, body := e.send(nil, http.MethodGet, path, nil, http.Header{"Authorization": {"Bearer " + staffToken}})
		if resp.StatusCode != http.StatusFound || strings.Contains(body, "Ticket of") {
			t.Errorf("bearer with the staff group %s: %d, want a redirect to sign in", path, resp.StatusCode)
		}
	}
	sc := newPortalClient(t, e.addr)
	resp, page := sc.signIn(demoStaff.Email)
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/staff/" {
		t.Fatalf("staff sign-in ends at %s (%d)", resp.Request.URL, resp.StatusCode)
	}
	for _, email := range []string{zoe, priya} {
		if !strings.Contains(page, "Ticket of "+email) {
			t.Errorf("the staff inbox lacks %s's ticket", email)
		}
	}
	if resp, _ := sc.get("/api/v1/invoices"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the client API for staff without a contact: %d", resp.StatusCode)
	}
	// Sharing a file is a write: without the staff session's token it is
	// refused and nothing is shared.
	before := len(e.items[priya]["file"])
	share := "/staff/contacts/" + e.ids[priya] + "/files"
	body := "--b0\r\nContent-Disposition: form-data; name=\"share\"\r\n\r\ncontact\r\n" + multipartFile
	for _, token := range []string{"", e.csrf(zc), "garbage"} {
		h := http.Header{"Content-Type": {"multipart/form-data; boundary=b0"}}
		if token != "" {
			h.Set("X-Csrf-Token", token)
		}
		if resp, _ := e.send(sc, http.MethodPost, share, strings.NewReader(body), h); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a staff share with token %q: %d", token, resp.StatusCode)
		}
	}
	if page, err := e.store.OwnerFiles(t.Context(), files.ContactOwner(e.ids[priya]), connectors.PageRequest{Limit: 100}); err != nil || len(page.Items) != before {
		t.Errorf("forged shares stored files: %d, want %d (%v)", len(page.Items), before, err)
	}
}
