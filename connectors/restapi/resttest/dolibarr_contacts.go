package resttest

import (
	"net/http"
	"regexp"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// dolEmailFilter reads sqlfilters=(t.email:=:'...').
var dolEmailFilter = regexp.MustCompile(`^\(t\.email:=:'([^']*)'\)$`)

// dolContactKeys maps socpeople keys onto contact fields.
var dolContactKeys = map[string]connectors.Field{
	"firstname": connectors.FieldFirstName, "lastname": connectors.FieldLastName,
	"phone_pro": connectors.FieldWorkPhone, "phone_perso": connectors.FieldHomePhone, "phone_mobile": connectors.FieldMobilePhone,
	"address": connectors.FieldAddressLine1, "zip": connectors.FieldAddressPostCode, "town": connectors.FieldAddressCity,
}

func dolContact(c connectors.Contact) map[string]any {
	out := map[string]any{
		"id": c.ID, "entity": "1", "ref": c.ID, "socid": nilIfEmpty(c.CompanyID), "email": c.Email,
		"civility_code": nil, "country_code": nilIfEmpty(c.Address.Country), "statut": flag(c.PortalAccess),
		"status": flag(c.PortalAccess), "date_creation": dolDate(c.CreatedAt),
		"date_modification": dolDate(c.UpdatedAt), "default_lang": nilIfEmpty(c.Locale),
		"no_email": "0", "array_options": []any{}, "contacts_ids": nil,
	}
	for key, f := range dolContactKeys {
		out[key] = c.Get(f)
	}
	return out
}

func (d *Dolibarr) listContacts(w http.ResponseWriter, r *http.Request) {
	m := dolEmailFilter.FindStringSubmatch(r.URL.Query().Get("sqlfilters"))
	if m == nil {
		dolError(w, http.StatusBadRequest, "Error when validating parameter sqlfilters")
		return
	}
	dolPage(w, r, "contacts", d.Store.ContactsByEmail(m[1]), dolContact)
}

func (d *Dolibarr) getContact(w http.ResponseWriter, r *http.Request) {
	c, ok := d.Store.Contact(r.PathValue("id"))
	if !ok {
		dolError(w, http.StatusNotFound, "Contact not found")
		return
	}
	writeJSON(w, http.StatusOK, dolContact(c))
}

func (d *Dolibarr) putContact(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		dolError(w, http.StatusBadRequest, "Bad request")
		return
	}
	patch := connectors.ContactPatch{}
	for key, f := range dolContactKeys {
		if v := gjson.GetBytes(body, key); v.Exists() {
			patch[f] = v.String()
		}
	}
	c, ok := d.Store.UpdateContact(r.PathValue("id"), func(c *connectors.Contact) { *c = patch.ApplyTo(*c) })
	if !ok {
		dolError(w, http.StatusNotFound, "Contact not found")
		return
	}
	writeJSON(w, http.StatusOK, dolContact(c))
}

// postContact is POST /contacts: lastname is mandatory (the API's
// $FIELDS), the other keys sent are stored, and the answer is the new
// contact's ID.
func (d *Dolibarr) postContact(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		dolError(w, http.StatusBadRequest, "Bad request")
		return
	}
	if !gjson.GetBytes(body, "lastname").Exists() {
		dolError(w, http.StatusBadRequest, "lastname field missing")
		return
	}
	c := connectors.Contact{Email: gjson.GetBytes(body, "email").String()}
	for key, f := range dolContactKeys {
		if v := gjson.GetBytes(body, key); v.Exists() {
			c = connectors.ContactPatch{f: v.String()}.ApplyTo(c)
		}
	}
	created := d.Store.CreateContact(c)
	writeJSON(w, http.StatusOK, gjson.Parse(created.ID).Value())
}

func (d *Dolibarr) getThirdparty(w http.ResponseWriter, r *http.Request) {
	c, ok := d.Store.Company(r.PathValue("id"))
	if !ok {
		dolError(w, http.StatusNotFound, "Thirdparty not found")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": c.ID, "entity": "1", "name": c.Name, "name_alias": "", "email": c.Email, "phone": c.Phone,
		"address": c.Address.Line1, "zip": c.Address.PostCode, "town": c.Address.City,
		"country_code": nilIfEmpty(c.Address.Country), "client": "1", "fournisseur": "0", "status": "1",
	})
}
