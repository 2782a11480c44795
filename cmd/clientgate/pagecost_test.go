package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/jetpackcrm/jetpacktest"
)

// jetpackLatency is the average answer time measured on a real Jetpack CRM
// (API.md: about 86 ms per call).
const jetpackLatency = 86 * time.Millisecond

// TestJetpackPageCost serves the portal from the Jetpack CRM test server
// (answering in jetpackLatency) and counts the CRM calls and the time of
// every page, with the cache off, and with it on (first and second visit).
// A warm page must make no CRM call, and a page without the cache at most
// pageBudget's; the figures are logged for the notes.
func TestJetpackPageCost(t *testing.T) {
	if testing.Short() {
		t.Skip("measures page costs against a CRM answering in 86ms")
	}
	for _, cached := range []bool{false, true} {
		t.Run(fmt.Sprintf("cache=%v", cached), func(t *testing.T) {
			crm := testJetpack(t)
			seed := connectortest.StandardSeed()
			crm.Seed(seed)
			email := seed.Contacts[0].Contact.Email
			pc := serveJetpack(t, crm, email, cached)
			if resp, page := pc.signIn(email); resp.StatusCode != http.StatusOK {
				t.Fatalf("sign-in: %d\n%s", resp.StatusCode, page)
			}
			crm.SetLatency(jetpackLatency)
			visits := 1
			if cached {
				visits = 2
			}
			for _, path := range pagePaths(t, pc) {
				for visit := 1; visit <= visits; visit++ {
					calls, took := pageCost(t, pc, crm, path)
					t.Logf("%-32s visit %d: %d CRM calls, %v", path, visit, calls, took.Round(time.Millisecond))
					if cached && visit == 2 && calls != 0 {
						t.Errorf("%s: a warm page made %d CRM calls", path, calls)
					}
					if budget := pageBudget(path); !cached && calls > budget {
						t.Errorf("%s: %d CRM calls, budget %d", path, calls, budget)
					}
					// A page's calls are made at once: the access check's
					// and the page's own (prefetched) overlap.
					if !cached && calls > 1 && crm.MaxConcurrent() < 2 {
						t.Errorf("%s: %d CRM calls made one after the other", path, calls)
					}
				}
			}
		})
	}
}

// pageBudget is how many CRM calls a page may make without the cache.
// Jetpack's customer_search answers the contact with its invoices and
// payments, and a request makes an identical read once
// (connectors.ReadOnce): the access check, the invoices, an invoice and
// its payments are one call. Quotes and tasks have endpoints of their own
// (one more call); the dashboard reads both.
func pageBudget(path string) int {
	switch {
	case path == "/clients/":
		return 3
	case strings.HasPrefix(path, "/clients/invoices"), path == "/clients/transactions", path == "/clients/details":
		return 1
	}
	return 2
}

// serveJetpack starts serve on the Jetpack CRM test server, with a
// provider that lets email sign in.
func serveJetpack(t *testing.T, crm *jetpacktest.Server, email string, cached bool) *portalClient {
	t.Helper()
	addr := freeAddr(t)
	op := startProviderFor(t, []string{addr}, devoidc.Person{Email: email, Name: "Client"})
	env := append(baseEnv(t), "CLIENTGATE_LISTEN_ADDR="+addr, "CLIENTGATE_METRICS_ADDR=",
		"CLIENTGATE_DATA_DIR="+t.TempDir(), "CLIENTGATE_CONNECTOR_TYPE=jetpackcrm",
		"CLIENTGATE_CONNECTOR_JETPACKCRM_URL="+crm.URL, "CLIENTGATE_CONNECTOR_JETPACKCRM_API_KEY=k",
		"CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET=s", fmt.Sprintf("CLIENTGATE_CACHE_ENABLED=%v", cached),
		"CLIENTGATE_AUTH_ISSUER="+op.Issuer(), "CLIENTGATE_AUTH_CLIENT_ID=portal",
		"CLIENTGATE_AUTH_CLIENT_SECRET=portal-secret", "CLIENTGATE_AUTH_SESSION_KEYS="+sessionKey,
		"CLIENTGATE_AUTH_REDIRECT_URL=http://"+addr+"/auth/callback")
	startBinary(t, env, false, "serve")
	pc := newPortalClient(t, addr)
	waitReady(t, pc.base)
	return pc
}

// pagePaths lists the portal's pages, with one invoice's detail.
func pagePaths(t *testing.T, pc *portalClient) []string {
	t.Helper()
	_, body := pc.get("/api/v1/invoices")
	var page struct {
		Items []struct{ ID string } `json:"items"`
	}
	if err := json.Unmarshal([]byte(body), &page); err != nil || len(page.Items) == 0 {
		t.Fatalf("no invoices to open: %v %s", err, body)
	}
	return []string{"/clients/", "/clients/invoices", "/clients/invoices/" + page.Items[0].ID,
		"/clients/quotes", "/clients/transactions", "/clients/tasks", "/clients/details"}
}

// pageCost fetches one page and returns the CRM calls it made and its time.
func pageCost(t *testing.T, pc *portalClient, crm *jetpacktest.Server, path string) (int, time.Duration) {
	t.Helper()
	crm.ResetCalls()
	start := time.Now()
	resp, body := pc.get(path)
	took := time.Since(start)
	if resp.StatusCode != http.StatusOK || strings.Contains(body, "Something went wrong") {
		t.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	calls := 0
	for _, n := range crm.Calls() {
		calls += n
	}
	return calls, took
}
