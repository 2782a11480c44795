package connectortest

import (
	"context"
	"strings"

	"clientgate/connectors"
)

// malformedIDs are IDs no backend may resolve to a record.
func malformedIDs() []string {
	return []string{"", " ", "../1", "..%2F1", "1 OR 1=1", "1' OR '1'='1", "-1", "0", "%00", "\x00",
		"null", "*", "ünïcödé", strings.Repeat("9", 4096)}
}

// unknownContactIDs are contact IDs that name no contact.
func unknownContactIDs() []string {
	return append([]string{"no-such-contact-4f1c9b"}, malformedIDs()...)
}

// CheckContacts checks FindContactByEmail (case ignored, ErrNotFound for
// an unknown email), GetContact (fields, ErrNotFound for unknown and
// malformed IDs) and GetCompany.
func CheckContacts(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	w := open(r, c, seed)
	if w == nil {
		return
	}
	ctx := context.Background()
	for _, sc := range seed.Contacts {
		want := sc.Contact
		id := w.contacts[want.ID].ID
		for _, email := range []string{want.Email, strings.ToLower(want.Email), strings.ToUpper(want.Email)} {
			got, err := c.FindContactByEmail(ctx, email)
			if noErr(r, "FindContactByEmail "+email, err) && got.ID != id {
				r.Errorf("FindContactByEmail %s: got contact %q, want %q", email, got.ID, id)
			}
		}
		got, err := c.GetContact(ctx, id)
		if noErr(r, "GetContact "+want.Email, err) {
			compareContact(r, "GetContact", got, want)
			eq(r, "GetContact ID", got.ID, id)
		}
	}
	for _, email := range []string{"nobody@example.com", "", "zoe.angstrom@example", "%@example.com", "*"} {
		_, err := c.FindContactByEmail(ctx, email)
		wantErr(r, "FindContactByEmail unknown "+quoted(email), err, connectors.ErrNotFound)
	}
	for _, id := range unknownContactIDs() {
		_, err := c.GetContact(ctx, id)
		wantErr(r, "GetContact unknown "+quoted(id), err, connectors.ErrNotFound)
	}
	checkCompanies(r, w)
}

func compareContact(r Reporter, where string, got, want connectors.Contact) {
	r.Helper()
	where += " " + want.Email
	if got.ID == "" {
		r.Errorf("%s: empty ID", where)
	}
	if !strings.EqualFold(got.Email, want.Email) {
		r.Errorf("%s: email %q, want %q", where, got.Email, want.Email)
	}
	eq(r, where+" first name", got.FirstName, want.FirstName)
	eq(r, where+" last name", got.LastName, want.LastName)
	if got.Prefix != "" {
		eq(r, where+" prefix", got.Prefix, want.Prefix)
	}
	checkUTC(r, where, got.CreatedAt, got.UpdatedAt)
}

// checkCompanies checks GetCompany and that contacts of one company share
// its ID, when the connector has the CompanyItems capability.
func checkCompanies(r Reporter, w *world) {
	r.Helper()
	ctx := context.Background()
	if !w.caps.CompanyItems {
		return
	}
	companyOf := map[string]string{} // seed company key → backend company ID
	for _, sc := range w.seed.Contacts {
		got, err := w.c.GetCompany(ctx, w.scope(sc.Contact.ID, true))
		if sc.Contact.CompanyID == "" {
			wantErr(r, "GetCompany of "+sc.Contact.Email+" without company", err, connectors.ErrNotFound)
			continue
		}
		if !noErr(r, "GetCompany of "+sc.Contact.Email, err) {
			continue
		}
		for _, co := range w.seed.Companies {
			if co.Company.ID == sc.Contact.CompanyID {
				eq(r, "GetCompany name of "+sc.Contact.Email, got.Name, co.Company.Name)
			}
		}
		if prev, seen := companyOf[sc.Contact.CompanyID]; seen && prev != got.ID {
			r.Errorf("GetCompany: colleagues see companies %q and %q", prev, got.ID)
		}
		companyOf[sc.Contact.CompanyID] = got.ID
		eq(r, "contact "+sc.Contact.Email+" company ID", w.contacts[sc.Contact.ID].CompanyID, got.ID)
	}
	for _, id := range unknownContactIDs() {
		_, err := w.c.GetCompany(ctx, connectors.Scope{ContactID: id, WithCompany: true})
		wantErr(r, "GetCompany of unknown contact "+quoted(id), err, connectors.ErrNotFound)
	}
}
