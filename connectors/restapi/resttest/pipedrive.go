package resttest

import (
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// Pipedrive answers like Pipedrive's REST API v2 (/api/v2), in the shapes
// of the models its official clients are generated from (PersonItem,
// PersonSearchItem, OrganizationItem, ActivityItem): every answer
// wrapped as {"success": true, "data": ...}, times in RFC 3339, persons
// with arrays of emails and phones and org_id as a number, search items
// under data.items[].item, activities with due_date, due_time and
// duration, cursor paging with additional_data.next_cursor, and the API
// token in the x-api-token header. The current user is read from API v1
// (/api/v1/users/me), which has no v2 counterpart. Pipedrive has no
// invoices or quotes.
type Pipedrive struct {
	// URL is the server's root; the API lives under /api.
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
	mux.HandleFunc("GET /api/v2/persons/search", p.searchPersons)
	mux.HandleFunc("GET /api/v2/persons/{id}", p.getPerson)
	mux.HandleFunc("POST /api/v2/persons", p.addPerson)
	mux.HandleFunc("GET /api/v2/organizations/{id}", p.getOrganization)
	mux.HandleFunc("GET /api/v2/activities", p.listActivities)
	mux.HandleFunc("GET /api/v2/activities/{id}", p.getActivity)
	return p.tokened(mux)
}

func (p *Pipedrive) tokened(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("x-api-token")), []byte(p.Token)) != 1 {
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
	writeJSON(w, code, map[string]any{"success": false, "error": msg})
}

// pdTime writes a time in RFC 3339, as every v2 timestamp, or nil.
func pdTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

// pdID writes a store ID as the JSON number Pipedrive IDs are, nil for
// none.
func pdID(id string) any {
	if id == "" {
		return nil
	}
	return gjson.Parse(id).Value()
}

// pdCursor and pdOffset turn an offset into the opaque next_cursor and
// back.
func pdCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(offset)))
}

func pdOffset(cursor string) (int, bool) {
	if cursor == "" {
		return 0, true
	}
	data, err := base64.RawURLEncoding.DecodeString(cursor)
	n, err2 := strconv.Atoi(string(data))
	return n, err == nil && err2 == nil && n >= 0
}

// pdPage cuts one page of n items from the cursor and limit parameters
// (limit at most 500) and returns the additional_data to answer with.
func pdPage(r *http.Request, n int) (from, to int, additional map[string]any, ok bool) {
	from, okc := pdOffset(r.URL.Query().Get("cursor"))
	limit, okl := intParam(r, "limit", 100)
	if !okc || !okl || limit < 1 || limit > 500 {
		return 0, 0, nil, false
	}
	to = min(from+limit, n)
	from = min(from, to)
	var next any
	if to < n {
		next = pdCursor(to)
	}
	return from, to, map[string]any{"next_cursor": next}, true
}

// pdOtherEmail is a second address each person here has, so that the
// email signed in with is not the first of the person's emails.
func pdOtherEmail(c connectors.Contact) string { return "home." + c.ID + "@example.net" }

// pdEmails writes the emails of a contact: the contact's own, primary,
// and a second one.
func pdEmails(c connectors.Contact) []any {
	return []any{
		map[string]any{"value": pdOtherEmail(c), "primary": false, "label": "home"},
		map[string]any{"value": c.Email, "primary": true, "label": "work"},
	}
}

// pdPhones writes the labelled phones of a contact.
func pdPhones(c connectors.Contact) []any {
	phones := []any{}
	for _, ph := range []struct{ label, v string }{{"work", c.WorkPhone}, {"home", c.HomePhone}, {"mobile", c.MobilePhone}} {
		if ph.v != "" {
			phones = append(phones, map[string]any{"value": ph.v, "primary": len(phones) == 0, "label": ph.label})
		}
	}
	return phones
}

// pdPerson writes a contact as a PersonItem. The postal address is there
// when contact sync is on, as the reference says.
func pdPerson(c connectors.Contact) map[string]any {
	out := map[string]any{
		"id": pdID(c.ID), "name": strings.TrimSpace(c.FirstName + " " + c.LastName),
		"first_name": c.FirstName, "last_name": c.LastName, "owner_id": 1, "org_id": pdID(c.CompanyID),
		"add_time": pdTime(c.CreatedAt), "update_time": pdTime(c.UpdatedAt),
		"emails": pdEmails(c), "phones": pdPhones(c),
		"is_deleted": !c.PortalAccess, "visible_to": 3, "label_ids": []any{}, "picture_id": nil, "custom_fields": map[string]any{},
	}
	if a := c.Address; a.City != "" || a.PostCode != "" || a.Country != "" {
		out["postal_address"] = map[string]any{"value": strings.TrimSpace(a.Line1 + ", " + a.PostCode + " " + a.City),
			"locality": nilIfEmpty(a.City), "postal_code": nilIfEmpty(a.PostCode), "country": nilIfEmpty(a.Country)}
	}
	return out
}

func (p *Pipedrive) searchPersons(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if len(q.Get("term")) < 1 || q.Get("fields") != "email" || q.Get("exact_match") != "true" {
		pdFail(w, http.StatusBadRequest, "this server searches emails exactly")
		return
	}
	found := p.Store.ContactsByEmail(q.Get("term"))
	from, to, additional, ok := pdPage(r, len(found))
	if !ok {
		pdFail(w, http.StatusBadRequest, "bad cursor or limit")
		return
	}
	items := []any{}
	for _, c := range found[from:to] {
		var org any
		if co, ok := p.Store.Company(c.CompanyID); ok {
			org = map[string]any{"id": pdID(co.ID), "name": co.Name, "address": nil}
		}
		items = append(items, map[string]any{"result_score": 1.0, "item": map[string]any{
			"id": pdID(c.ID), "type": "person", "name": strings.TrimSpace(c.FirstName + " " + c.LastName),
			"phones": []any{}, "emails": []any{pdOtherEmail(c), c.Email}, "visible_to": 3, "owner": map[string]any{"id": 1},
			"organization": org, "custom_fields": []any{}, "notes": []any{},
		}})
	}
	pdOK(w, map[string]any{"items": items}, additional)
}

func (p *Pipedrive) getPerson(w http.ResponseWriter, r *http.Request) {
	c, ok := p.Store.Contact(r.PathValue("id"))
	if !ok {
		pdFail(w, http.StatusNotFound, "Person not found")
		return
	}
	pdOK(w, pdPerson(c), nil)
}

// addPerson is POST /api/v2/persons with a name and emails. Pipedrive
// keeps first and last names apart; this server splits the name at its
// first space.
func (p *Pipedrive) addPerson(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	name := strings.TrimSpace(gjson.GetBytes(body, "name").String())
	email := gjson.GetBytes(body, "emails.#(primary==true).value").String()
	if err != nil || name == "" || email == "" {
		pdFail(w, http.StatusBadRequest, "name and a primary email are required")
		return
	}
	first, last, _ := strings.Cut(name, " ")
	c := p.Store.CreateContact(connectors.Contact{Email: email, FirstName: first, LastName: strings.TrimSpace(last)})
	pdOK(w, pdPerson(c), nil)
}

func (p *Pipedrive) getOrganization(w http.ResponseWriter, r *http.Request) {
	c, ok := p.Store.Company(r.PathValue("id"))
	if !ok {
		pdFail(w, http.StatusNotFound, "Organization not found")
		return
	}
	a := c.Address
	pdOK(w, map[string]any{"id": pdID(c.ID), "name": c.Name, "owner_id": 1, "is_deleted": false, "visible_to": 3,
		"add_time": pdTime(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)), "update_time": pdTime(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)),
		"address": map[string]any{"value": nilIfEmpty(strings.Trim(a.Line1+", "+a.PostCode+" "+a.City, ", ")),
			"locality": nilIfEmpty(a.City), "postal_code": nilIfEmpty(a.PostCode), "country": nilIfEmpty(a.Country)},
		"label_ids": []any{}, "custom_fields": map[string]any{}}, nil)
}
