package resttest

import (
	"net/http"
	"net/mail"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

func modernAddress(a connectors.Address) map[string]any {
	return map[string]any{"street": a.Line1, "street2": a.Line2, "city": a.City,
		"region": a.Region, "postal_code": a.PostCode, "country": a.Country}
}

func modernContact(c connectors.Contact) map[string]any {
	var company any
	if c.CompanyID != "" {
		company = map[string]any{"id": c.CompanyID}
	}
	return map[string]any{
		"id": c.ID, "email": c.Email,
		"name":      map[string]any{"prefix": c.Prefix, "first": c.FirstName, "last": c.LastName},
		"lifecycle": c.Status, "company": company,
		"phones":    map[string]any{"home": c.HomePhone, "work": c.WorkPhone, "mobile": c.MobilePhone},
		"addresses": map[string]any{"primary": modernAddress(c.Address), "secondary": modernAddress(c.SecondAddress)},
		"locale":    c.Locale, "portal": map[string]any{"enabled": c.PortalAccess},
		"created_at": rfc3339(c.CreatedAt), "updated_at": rfc3339(c.UpdatedAt),
	}
}

func (m *Modern) findContacts(w http.ResponseWriter, r *http.Request) {
	out := []any{}
	for _, c := range m.Store.ContactsByEmail(r.URL.Query().Get("email")) {
		out = append(out, modernContact(c))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": out})
}

func (m *Modern) getContact(w http.ResponseWriter, r *http.Request) {
	c, ok := m.Store.Contact(r.PathValue("id"))
	if !ok {
		fail(w, http.StatusNotFound, "no such contact")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": modernContact(c)})
}

func (m *Modern) createContact(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		fail(w, http.StatusBadRequest, "bad body")
		return
	}
	doc := gjson.ParseBytes(body)
	email := doc.Get("data.email").String()
	if _, err := mail.ParseAddress(email); err != nil {
		fail(w, http.StatusUnprocessableEntity, "bad email")
		return
	}
	if len(m.Store.ContactsByEmail(email)) > 0 {
		fail(w, http.StatusConflict, "email taken")
		return
	}
	c := m.Store.CreateContact(connectors.Contact{Email: email, Status: "lead",
		FirstName: doc.Get("data.name.first").String(), LastName: doc.Get("data.name.last").String()})
	writeJSON(w, http.StatusCreated, map[string]any{"data": modernContact(c)})
}

// modernPatchPaths maps the PATCH body's paths onto contact fields.
var modernPatchPaths = map[string]connectors.Field{
	"name.prefix": connectors.FieldPrefix, "name.first": connectors.FieldFirstName, "name.last": connectors.FieldLastName,
	"phones.home": connectors.FieldHomePhone, "phones.work": connectors.FieldWorkPhone, "phones.mobile": connectors.FieldMobilePhone,
	"addresses.primary.street": connectors.FieldAddressLine1, "addresses.primary.street2": connectors.FieldAddressLine2,
	"addresses.primary.city": connectors.FieldAddressCity, "addresses.primary.region": connectors.FieldAddressRegion,
	"addresses.primary.postal_code": connectors.FieldAddressPostCode, "addresses.primary.country": connectors.FieldAddressCountry,
	"addresses.secondary.street": connectors.FieldSecondLine1, "addresses.secondary.street2": connectors.FieldSecondLine2,
	"addresses.secondary.city": connectors.FieldSecondCity, "addresses.secondary.region": connectors.FieldSecondRegion,
	"addresses.secondary.postal_code": connectors.FieldSecondPostCode, "addresses.secondary.country": connectors.FieldSecondCountry,
}

func (m *Modern) patchContact(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		fail(w, http.StatusBadRequest, "bad body")
		return
	}
	patch := connectors.ContactPatch{}
	data := gjson.GetBytes(body, "data")
	for path, f := range modernPatchPaths {
		if v := data.Get(path); v.Exists() {
			patch[f] = v.String()
		}
	}
	c, ok := m.Store.UpdateContact(r.PathValue("id"), func(c *connectors.Contact) { *c = patch.ApplyTo(*c) })
	if !ok {
		fail(w, http.StatusNotFound, "no such contact")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": modernContact(c)})
}

func (m *Modern) getCompany(w http.ResponseWriter, r *http.Request) {
	c, ok := m.Store.Company(r.PathValue("id"))
	if !ok {
		fail(w, http.StatusNotFound, "no such company")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{
		"id": c.ID, "name": c.Name, "email": c.Email, "phone": c.Phone, "address": modernAddress(c.Address)}})
}
