package resttest

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"clientgate/connectors/connectortest"
)

func status(t *testing.T, req *http.Request) int {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestServersRequireCredentials(t *testing.T) {
	seed := connectortest.StandardSeed()
	legacy, modern := NewLegacy(t, seed), NewModern(t, seed)
	get := func(u string) *http.Request { r, _ := http.NewRequest(http.MethodGet, u, nil); return r }
	if got := status(t, get(legacy.URL+"/api/v1/status")); got != http.StatusForbidden {
		t.Errorf("legacy without key: %d", got)
	}
	if got := status(t, get(legacy.URL+"/api/v1/status?api_key="+legacy.APIKey)); got != http.StatusOK {
		t.Errorf("legacy with key: %d", got)
	}
	if got := status(t, get(modern.URL+"/v2/me")); got != http.StatusUnauthorized {
		t.Errorf("modern without token: %d", got)
	}
	form := url.Values{"grant_type": {"client_credentials"}}
	tok, _ := http.NewRequest(http.MethodPost, modern.URL+"/oauth/token", strings.NewReader(form.Encode()))
	tok.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	tok.SetBasicAuth(modern.ClientID, "wrong")
	if got := status(t, tok); got != http.StatusUnauthorized {
		t.Errorf("token with a wrong secret: %d", got)
	}
}

func TestStoreHidesNothingAndSorts(t *testing.T) {
	s := NewStore(connectortest.StandardSeed(), "id%d")
	zoe := s.ContactsByEmail("zoe.angstrom@example.com")
	if len(zoe) != 1 {
		t.Fatalf("ContactsByEmail: %v", zoe)
	}
	invs := s.listInvoices(zoe[0].ID, "", false)
	if len(invs) != 7 {
		t.Errorf("%d invoices, want 7 with the draft", len(invs))
	}
	for i := 1; i < len(invs); i++ {
		if invs[i].IssuedAt.After(invs[i-1].IssuedAt) {
			t.Errorf("invoices not newest first at %d", i)
		}
	}
}
