package resttest

import (
	"bytes"
	"crypto/subtle"
	"io"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// HubSpot answers like HubSpot's CRM API (v3 objects, v4 associations)
// in the shapes of its developer guides (contacts, companies, invoices,
// line items, meetings, search, associations v4): objects as {"id",
// "properties", "createdAt", "updatedAt", "archived"} with every property
// a string, "associations" when asked for; search as POST .../search
// with filterGroups (also on the associations.contact and
// associations.company pseudo-properties), one sort, limit and after in
// the body, answered as {total, results, paging.next.after};
// contact-to-company and invoice-to-line-item associations from the v4
// API; line items read in a batch; errors as {"status": "error",
// "category": ...}; a private app's bearer token. Tasks are meetings
// associated with their contact; invoices are associated with their
// contact, or with their company when they belong to no one person.
type HubSpot struct {
	// URL is the API's root.
	URL string
	// Token is the private app access token.
	Token string
	// Store holds the data.
	Store *Store
}

// NewHubSpot starts a HubSpot server loaded with seed and closes it when t
// ends.
func NewHubSpot(t testing.TB, seed connectortest.Seed) *HubSpot {
	h := &HubSpot{Token: "pat-eu1-" + randomHex(), Store: NewStore(seed, "10%d")}
	srv := httptest.NewServer(h.routes())
	t.Cleanup(srv.Close)
	h.URL = srv.URL
	return h
}

func (h *HubSpot) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /crm/v3/objects/contacts", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"results": []any{}})
	})
	mux.HandleFunc("POST /crm/v3/objects/contacts/search", h.searchContacts)
	mux.HandleFunc("POST /crm/v3/objects/contacts", h.createContact)
	mux.HandleFunc("GET /crm/v3/objects/contacts/{id}", h.getContact)
	mux.HandleFunc("PATCH /crm/v3/objects/contacts/{id}", h.patchContact)
	mux.HandleFunc("GET /crm/v4/objects/contacts/{id}/associations/companies", h.contactCompanies)
	mux.HandleFunc("GET /crm/v3/objects/companies/{id}", h.getCompany)
	mux.HandleFunc("POST /crm/v3/objects/invoices/search", func(w http.ResponseWriter, r *http.Request) {
		hsSearch(w, r, hsObjects(h.Store.listInvoices("", "", true), hsInvoice))
	})
	mux.HandleFunc("GET /crm/v3/objects/invoices/{id}", hsGet(h.Store.getInvoice, hsInvoice))
	mux.HandleFunc("GET /crm/v4/objects/invoices/{id}/associations/line_items", h.invoiceLineItems)
	mux.HandleFunc("POST /crm/v3/objects/line_items/batch/read", h.readLineItems)
	mux.HandleFunc("POST /crm/v3/objects/meetings/search", func(w http.ResponseWriter, r *http.Request) {
		hsSearch(w, r, hsObjects(h.Store.listTasks("", true), hsMeeting))
	})
	mux.HandleFunc("GET /crm/v3/objects/meetings/{id}", hsGet(h.Store.getTask, hsMeeting))
	return h.bearer(mux)
}

func (h *HubSpot) bearer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(tok), []byte(h.Token)) != 1 {
			hsError(w, http.StatusUnauthorized, "INVALID_AUTHENTICATION", "Authentication credentials not found.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func hsError(w http.ResponseWriter, code int, category, msg string) {
	writeJSON(w, code, map[string]any{"status": "error", "message": msg, "correlationId": "0d1c4f5e-3a8b-4c2d-9e7f-1a2b3c4d5e6f", "category": category})
}

func hsNotFound(w http.ResponseWriter) {
	hsError(w, http.StatusNotFound, "OBJECT_NOT_FOUND", "resource not found")
}

func hsTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// hsContactProps maps contact properties onto contact fields.
var hsContactProps = map[string]connectors.Field{
	"firstname": connectors.FieldFirstName, "lastname": connectors.FieldLastName, "phone": connectors.FieldWorkPhone,
	"mobilephone": connectors.FieldMobilePhone, "address": connectors.FieldAddressLine1, "city": connectors.FieldAddressCity,
	"state": connectors.FieldAddressRegion, "zip": connectors.FieldAddressPostCode, "country": connectors.FieldAddressCountry,
}

func hsContactObj(c connectors.Contact) hsObj {
	props := map[string]any{"email": strings.ToLower(c.Email), "createdate": hsTime(c.CreatedAt),
		"lastmodifieddate": hsTime(c.UpdatedAt), "lifecyclestage": strings.ToLower(c.Status)}
	for key, f := range hsContactProps {
		props[key] = nilIfEmpty(c.Get(f))
	}
	return hsObj{id: c.ID, props: props, created: c.CreatedAt, updated: c.UpdatedAt}
}

func hsContact(c connectors.Contact) map[string]any { return hsContactObj(c).render(nil, nil) }

// searchContacts answers the contacts search; this server finds them by
// email only, as the mapping does.
func (h *HubSpot) searchContacts(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	f := gjson.GetBytes(body, "filterGroups.0.filters.0")
	if err != nil || f.Get("propertyName").String() != "email" || f.Get("operator").String() != "EQ" {
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "this server searches contacts by email only")
		return
	}
	var objs []hsObj
	for _, c := range h.Store.ContactsByEmail(f.Get("value").String()) {
		objs = append(objs, hsContactObj(c))
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	hsSearch(w, r, objs)
}

func (h *HubSpot) getContact(w http.ResponseWriter, r *http.Request) {
	c, ok := h.Store.Contact(r.PathValue("id"))
	if !ok {
		hsNotFound(w)
		return
	}
	writeJSON(w, http.StatusOK, hsContact(c))
}

func (h *HubSpot) createContact(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	email := gjson.GetBytes(body, "properties.email").String()
	if _, perr := mail.ParseAddress(email); err != nil || perr != nil {
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "Property values were not valid")
		return
	}
	if len(h.Store.ContactsByEmail(email)) > 0 {
		hsError(w, http.StatusConflict, "CONFLICT", "Contact already exists")
		return
	}
	c := h.Store.CreateContact(connectors.Contact{Email: email, Status: "lead",
		FirstName: gjson.GetBytes(body, "properties.firstname").String(), LastName: gjson.GetBytes(body, "properties.lastname").String()})
	writeJSON(w, http.StatusCreated, hsContact(c))
}

func (h *HubSpot) patchContact(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "Invalid input JSON")
		return
	}
	patch := connectors.ContactPatch{}
	for key, f := range hsContactProps {
		if v := gjson.GetBytes(body, "properties."+key); v.Exists() {
			patch[f] = v.String()
		}
	}
	c, ok := h.Store.UpdateContact(r.PathValue("id"), func(c *connectors.Contact) { *c = patch.ApplyTo(*c) })
	if !ok {
		hsNotFound(w)
		return
	}
	writeJSON(w, http.StatusOK, hsContact(c))
}

func (h *HubSpot) contactCompanies(w http.ResponseWriter, r *http.Request) {
	c, ok := h.Store.Contact(r.PathValue("id"))
	if !ok {
		hsNotFound(w)
		return
	}
	var ids []string
	if c.CompanyID != "" {
		ids = []string{c.CompanyID}
	}
	hsAssociated(w, ids, hsAssocType(1, "Primary"), hsAssocType(279, nil))
}

func (h *HubSpot) getCompany(w http.ResponseWriter, r *http.Request) {
	c, ok := h.Store.Company(r.PathValue("id"))
	if !ok {
		hsNotFound(w)
		return
	}
	o := hsObj{id: c.ID, created: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), props: map[string]any{
		"name": c.Name, "phone": nilIfEmpty(c.Phone), "address": nilIfEmpty(c.Address.Line1), "city": nilIfEmpty(c.Address.City),
		"zip": nilIfEmpty(c.Address.PostCode), "country": nilIfEmpty(c.Address.Country),
	}}
	writeJSON(w, http.StatusOK, o.render(csv(r, "properties"), nil))
}
