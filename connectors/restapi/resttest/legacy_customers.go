package resttest

import (
	"net/http"
	"net/mail"
	"strconv"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

func itoa(n int) string { return strconv.Itoa(n) }

func zeroIfEmpty(id string) string {
	if id == "" {
		return "0"
	}
	return id
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// legacyFields maps the flat customer keys onto contact fields.
var legacyFields = map[string]connectors.Field{
	"title": connectors.FieldPrefix, "fname": connectors.FieldFirstName, "lname": connectors.FieldLastName,
	"home_tel": connectors.FieldHomePhone, "work_tel": connectors.FieldWorkPhone, "mobile_tel": connectors.FieldMobilePhone,
	"addr1": connectors.FieldAddressLine1, "addr2": connectors.FieldAddressLine2, "city": connectors.FieldAddressCity,
	"county": connectors.FieldAddressRegion, "postcode": connectors.FieldAddressPostCode, "country": connectors.FieldAddressCountry,
	"sec_addr1": connectors.FieldSecondLine1, "sec_addr2": connectors.FieldSecondLine2, "sec_city": connectors.FieldSecondCity,
	"sec_county": connectors.FieldSecondRegion, "sec_postcode": connectors.FieldSecondPostCode, "sec_country": connectors.FieldSecondCountry,
}

func legacyCustomer(c connectors.Contact) map[string]any {
	out := map[string]any{"id": c.ID, "email": c.Email, "status": c.Status,
		"company_id": zeroIfEmpty(c.CompanyID), "created": unix(c.CreatedAt), "lastupdated": unix(c.UpdatedAt),
		"portal": flag(c.PortalAccess)}
	for key, f := range legacyFields {
		out[key] = c.Get(f)
	}
	return out
}

func (l *Legacy) findCustomers(w http.ResponseWriter, r *http.Request) {
	out := []any{}
	for _, c := range l.Store.ContactsByEmail(r.URL.Query().Get("email")) {
		out = append(out, legacyCustomer(c))
	}
	writeJSON(w, http.StatusOK, map[string]any{"customers": out, "count": itoa(len(out))})
}

func (l *Legacy) getCustomer(w http.ResponseWriter, r *http.Request) {
	c, ok := l.Store.Contact(r.PathValue("id"))
	if !ok {
		fail(w, http.StatusNotFound, "customer not found")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"customer": legacyCustomer(c)})
}

func (l *Legacy) createCustomer(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		fail(w, http.StatusBadRequest, "bad body")
		return
	}
	email := gjson.GetBytes(body, "email").String()
	if _, err := mail.ParseAddress(email); err != nil {
		fail(w, http.StatusBadRequest, "bad email")
		return
	}
	c := l.Store.CreateContact(connectors.Contact{Email: email, Status: "Lead",
		FirstName: gjson.GetBytes(body, "fname").String(), LastName: gjson.GetBytes(body, "lname").String()})
	writeJSON(w, http.StatusOK, map[string]any{"customer": legacyCustomer(c)})
}

func (l *Legacy) updateCustomer(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		fail(w, http.StatusBadRequest, "bad body")
		return
	}
	patch := connectors.ContactPatch{}
	for key, f := range legacyFields {
		if v := gjson.GetBytes(body, key); v.Exists() {
			patch[f] = v.String()
		}
	}
	c, ok := l.Store.UpdateContact(r.PathValue("id"), func(c *connectors.Contact) { *c = patch.ApplyTo(*c) })
	if !ok {
		fail(w, http.StatusNotFound, "customer not found")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"customer": legacyCustomer(c)})
}

func (l *Legacy) getCompany(w http.ResponseWriter, r *http.Request) {
	c, ok := l.Store.Company(r.PathValue("id"))
	if !ok {
		fail(w, http.StatusNotFound, "company not found")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"company": map[string]any{"id": c.ID, "name": c.Name,
		"email": c.Email, "tel": c.Phone, "addr1": c.Address.Line1, "city": c.Address.City,
		"postcode": c.Address.PostCode, "country": c.Address.Country}})
}
