package connectortest

import (
	"context"
	"strings"

	"clientgate/connectors"
)

// CheckCreateContact checks CreateContact: the new contact is found by
// email and by ID, a bad email is ErrInvalid, and an email already taken
// (in any case) is ErrConflict. It changes the backend: give it its own
// Open.
func CheckCreateContact(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	if !c.Capabilities().CreateContact {
		return
	}
	ctx := context.Background()
	nc := connectors.NewContact{Email: "new.client@example.com", FirstName: "Núria", LastName: "O'Brien & Co"}
	got, err := c.CreateContact(ctx, nc)
	if !noErr(r, "CreateContact", err) {
		return
	}
	if got.ID == "" || !strings.EqualFold(got.Email, nc.Email) {
		r.Errorf("CreateContact: got ID %q email %q, want an ID and %q", got.ID, got.Email, nc.Email)
	}
	eq(r, "CreateContact first name", got.FirstName, nc.FirstName)
	eq(r, "CreateContact last name", got.LastName, nc.LastName)
	found, err := c.FindContactByEmail(ctx, strings.ToUpper(nc.Email))
	if noErr(r, "FindContactByEmail of the created contact", err) {
		eq(r, "FindContactByEmail of the created contact", found.ID, got.ID)
	}
	byID, err := c.GetContact(ctx, got.ID)
	if noErr(r, "GetContact of the created contact", err) {
		eq(r, "GetContact of the created contact", byID.LastName, nc.LastName)
	}
	for _, bad := range []string{"", "not-an-email", "a@", "@example.com", "two@@example.com", "x@example.com\r\nBcc: y@example.com"} {
		_, err := c.CreateContact(ctx, connectors.NewContact{Email: bad, FirstName: "Bad"})
		wantErr(r, "CreateContact with email "+quoted(bad), err, connectors.ErrInvalid)
	}
	taken := []string{strings.ToUpper(nc.Email)}
	if len(seed.Contacts) > 0 {
		taken = append(taken, strings.ToLower(seed.Contacts[0].Contact.Email))
	}
	for _, email := range taken {
		_, err := c.CreateContact(ctx, connectors.NewContact{Email: email, FirstName: "Twin"})
		wantErr(r, "CreateContact with taken email "+email, err, connectors.ErrConflict)
	}
}

// CheckAmbiguous checks that FindContactByEmail is ErrAmbiguous when two
// contacts share an email in different case. Use it with AmbiguousSeed.
func CheckAmbiguous(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	for _, sc := range seed.Contacts {
		for _, email := range []string{sc.Contact.Email, strings.ToUpper(sc.Contact.Email)} {
			_, err := c.FindContactByEmail(context.Background(), email)
			wantErr(r, "FindContactByEmail of a shared email "+email, err, connectors.ErrAmbiguous)
		}
	}
}
