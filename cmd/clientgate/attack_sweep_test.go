package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors"
)

// bearer returns an API access token of the person with email.
func (e *attackEnv) bearer(email string) string {
	e.t.Helper()
	tok, err := e.op.Sign(e.op.Claims(devoidc.Person{Email: email}, attackAPIAudience, 5*time.Minute))
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// quoteStates returns the status of each of a contact's quotes.
func (e *attackEnv) quoteStates(email string) map[string]connectors.QuoteStatus {
	e.t.Helper()
	page, err := e.store.ListQuotes(context.Background(), connectors.Scope{ContactID: e.ids[email]}, connectors.PageRequest{Limit: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[string]connectors.QuoteStatus{}
	for _, q := range page.Items {
		out[q.ID] = q.Status
	}
	return out
}

// TestAttackCrossContactSweep: signed in as Zoë (cookie and bearer), every
// route that names an item answers "not found" for each of Priya's items,
// changes nothing, and no page or list shows Priya's items.
func TestAttackCrossContactSweep(t *testing.T) {
	e := startAttackEnv(t, nil)
	pc := e.client(zoe)
	token := e.csrf(pc)
	before := e.quoteStates(priya)
	n := 0
	for _, r := range sweepRoutes {
		for _, id := range e.items[priya][r.kind] {
			path := strings.ReplaceAll(r.path, "{id}", id)
			h := http.Header{"X-Csrf-Token": {token}}
			if r.method == http.MethodPost {
				h.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			resp, body := e.send(pc, r.method, path, nil, h)
			n++
			body = strings.ReplaceAll(body, path, "") // the problem's "instance" echoes the request
			if resp.StatusCode != http.StatusNotFound || strings.Contains(body, id) {
				t.Errorf("cookie %s %s: %d (id in body: %v)", r.method, path, resp.StatusCode, strings.Contains(body, id))
			}
			if strings.HasPrefix(path, "/api/") {
				resp, _ = e.send(nil, r.method, path, nil, http.Header{"Authorization": {"Bearer " + e.bearer(zoe)}})
				n++
				if resp.StatusCode != http.StatusNotFound {
					t.Errorf("bearer %s %s: %d", r.method, path, resp.StatusCode)
				}
			}
		}
	}
	for _, path := range listRoutes {
		resp, body := e.send(pc, http.MethodGet, path, nil, nil)
		n++
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		for _, ids := range e.items[priya] {
			for _, id := range ids {
				if strings.Contains(body, id) {
					t.Errorf("%s shows Priya's item %s", path, id)
				}
			}
		}
		if strings.Contains(body, priya) || strings.Contains(body, e.ids[priya]) {
			t.Errorf("%s shows Priya", path)
		}
	}
	after := e.quoteStates(priya)
	for id, st := range before {
		if after[id] != st {
			t.Errorf("Priya's quote %s changed from %s to %s", id, st, after[id])
		}
	}
	t.Logf("%d cross-contact requests", n)
}
