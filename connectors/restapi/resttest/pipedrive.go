package resttest

import (
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// Pipedrive answers like Pipedrive's REST API v1 (/api/v1) in the shapes
// of its reference: every answer wrapped as {"success": true, "data":
// ...}, persons with arrays of emails and phones, org_id as an object,
// times as "2006-01-02 15:04:05" in UTC, activities with due_date,
// due_time and duration, start/limit paging with
// additional_data.pagination.more_items_in_collection, and the API token
// in the api_token query parameter. Pipedrive has no invoices or quotes.
type Pipedrive struct {
	// URL is the server's root; the API lives under /api/v1.
	URL string
	// Token is the API token every request must carry.
	Token string
	// Store holds the data.
	Store *Store
}

// NewPipedrive starts a Pipedrive server loaded with seed and closes it
// when t ends.
func NewPipedrive(t testing.TB, seed connectortest.Seed) *Pipedrive {
	p := &Pipedrive{Token: randomHex(), Store: NewStore(seed, "%d")}
	srv := httptest.NewServer(p.routes())
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

func (p *Pipedrive) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/users/me", func(w http.ResponseWriter, _ *http.Request) {
		pdOK(w, map[string]any{"id": 1, "name": "API user", "email": "api@example.com", "active_flag": true}, nil)
	})
	mux.HandleFunc("GET /api/v1/persons/search", p.searchPersons)
	mux.HandleFunc("GET /api/v1/persons/{id}", p.getPerson)
	mux.HandleFunc("GET /api/v1/organizations/{id}", p.getOrganization)
	mux.HandleFunc("GET /api/v1/persons/{id}/activities", p.personActivities)
	mux.HandleFunc("GET /api/v1/activities/{id}", p.getActivity)
	return p.tokened(mux)
}

func (p *Pipedrive) tokened(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.URL.Query().Get("api_token")), []byte(p.Token)) != 1 {
			pdFail(w, http.StatusUnauthorized, "You need to be authorized to make this request.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func pdOK(w http.ResponseWriter, data any, additional any) {
	out := map[string]any{"success": true, "data": data}
	if additional != nil {
		out["additional_data"] = additional
	}
	writeJSON(w, http.StatusOK, out)
}

func pdFail(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]any{"success": false, "error": msg, "errorCode": code})
}

// pdTime writes a time as Pipedrive does, or nil.
func pdTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

func (p *Pipedrive) org(id string) any {
	c, ok := p.Store.Company(id)
	if !ok {
		return nil
	}
	return map[string]any{"name": c.Name, "people_count": 1, "owner_id": 1, "address": nil, "active_flag": true, "value": c.ID}
}

func pdPerson(p *Pipedrive, c connectors.Contact) map[string]any {
	var phones []any
	for _, ph := range []struct{ label, v string }{{"work", c.WorkPhone}, {"home", c.HomePhone}, {"mobile", c.MobilePhone}} {
		if ph.v != "" {
			phones = append(phones, map[string]any{"label": ph.label, "value": ph.v, "primary": len(phones) == 0})
		}
	}
	if phones == nil {
		phones = []any{map[string]any{"value": "", "primary": true}}
	}
	return map[string]any{
		"id": c.ID, "company_id": 1, "active_flag": c.PortalAccess, "name": strings.TrimSpace(c.FirstName + " " + c.LastName),
		"first_name": c.FirstName, "last_name": c.LastName, "org_id": p.org(c.CompanyID),
		"email": []any{map[string]any{"label": "work", "value": c.Email, "primary": true}}, "phone": phones,
		"add_time": pdTime(c.CreatedAt), "update_time": pdTime(c.UpdatedAt), "visible_to": "3",
	}
}

func (p *Pipedrive) searchPersons(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if len(q.Get("term")) < 2 || q.Get("fields") != "email" || q.Get("exact_match") != "true" {
		pdFail(w, http.StatusBadRequest, "term must be at least 2 characters; this server searches emails exactly")
		return
	}
	items := []any{}
	for _, c := range p.Store.ContactsByEmail(q.Get("term")) {
		var org any
		if co, ok := p.Store.Company(c.CompanyID); ok {
			org = map[string]any{"id": co.ID, "name": co.Name, "address": nil}
		}
		items = append(items, map[string]any{"result_score": 1.0, "item": map[string]any{
			"id": c.ID, "type": "person", "name": strings.TrimSpace(c.FirstName + " " + c.LastName),
			"phones": []any{}, "emails": []any{c.Email}, "visible_to": 3, "owner": map[string]any{"id": 1},
			"organization": org, "custom_fields": []any{}, "notes": []any{},
		}})
	}
	pdOK(w, map[string]any{"items": items}, pdPagination(0, 100, false))
}

func pdPagination(start, limit int, more bool) map[string]any {
	return map[string]any{"pagination": map[string]any{"start": start, "limit": limit, "more_items_in_collection": more}}
}

func (p *Pipedrive) getPerson(w http.ResponseWriter, r *http.Request) {
	c, ok := p.Store.Contact(r.PathValue("id"))
	if !ok {
		pdFail(w, http.StatusNotFound, "Person not found")
		return
	}
	pdOK(w, pdPerson(p, c), nil)
}

func (p *Pipedrive) getOrganization(w http.ResponseWriter, r *http.Request) {
	c, ok := p.Store.Company(r.PathValue("id"))
	if !ok {
		pdFail(w, http.StatusNotFound, "Organization not found")
		return
	}
	pdOK(w, map[string]any{"id": c.ID, "name": c.Name, "active_flag": true, "address": nilIfEmpty(c.Address.Line1),
		"address_route": nilIfEmpty(c.Address.Line1), "address_locality": nilIfEmpty(c.Address.City),
		"address_postal_code": nilIfEmpty(c.Address.PostCode), "address_country": nilIfEmpty(c.Address.Country)}, nil)
}
