package connectortest

import (
	"context"
	"strings"

	"clientgate/connectors"
)

// CheckUpdateContact checks UpdateContact on a seeded contact: patched
// fields change (non-ASCII kept, "" clears), untouched fields keep their
// values, the result is what GetContact reads back, a bad patch is
// ErrInvalid and changes nothing, and an unknown contact is ErrNotFound.
// It changes the backend: give it its own Open.
func CheckUpdateContact(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	if !c.Capabilities().UpdateContact {
		return
	}
	w := open(r, c, seed)
	if w == nil {
		return
	}
	ctx := context.Background()
	id := w.contacts[keyZoe].ID
	before, err := c.GetContact(ctx, id)
	if !noErr(r, "GetContact before update", err) {
		return
	}
	patch := connectors.ContactPatch{
		connectors.FieldFirstName:   "  Zoë-Marie ",
		connectors.FieldAddressCity: "München",
		connectors.FieldMobilePhone: "",
	}
	after, err := c.UpdateContact(ctx, id, patch)
	if !noErr(r, "UpdateContact", err) {
		return
	}
	want := map[connectors.Field]string{
		connectors.FieldFirstName: "Zoë-Marie", connectors.FieldAddressCity: "München", connectors.FieldMobilePhone: "",
	}
	for _, f := range connectors.PatchableFields {
		v, patched := want[f]
		if !patched {
			v = before.Get(f)
		}
		eq(r, "UpdateContact result "+string(f), after.Get(f), v)
	}
	eq(r, "UpdateContact keeps the ID", after.ID, id)
	if !strings.EqualFold(after.Email, before.Email) {
		r.Errorf("UpdateContact changed the email from %q to %q", before.Email, after.Email)
	}
	checkReadBack(r, c, id, after)
	checkBadPatches(r, c, id, after)
	_, err = c.UpdateContact(ctx, "no-such-contact-4f1c9b", connectors.ContactPatch{connectors.FieldFirstName: "X"})
	wantErr(r, "UpdateContact of unknown contact", err, connectors.ErrNotFound)
}

// checkReadBack checks that GetContact returns want.
func checkReadBack(r Reporter, c connectors.Connector, id string, want connectors.Contact) {
	r.Helper()
	got, err := c.GetContact(context.Background(), id)
	if !noErr(r, "GetContact after update", err) {
		return
	}
	for _, f := range connectors.PatchableFields {
		eq(r, "GetContact after update "+string(f), got.Get(f), want.Get(f))
	}
}

// checkBadPatches sends patches no backend may store and checks they are
// ErrInvalid and leave the contact as it was.
func checkBadPatches(r Reporter, c connectors.Connector, id string, was connectors.Contact) {
	r.Helper()
	bad := map[string]connectors.ContactPatch{
		"unknown field":  {connectors.Field("email"): "evil@example.com"},
		"control chars":  {connectors.FieldFirstName: "Zoë\x00\x1b[31m"},
		"too long":       {connectors.FieldLastName: strings.Repeat("x", connectors.MaxFieldLength+1)},
		"invalid utf-8":  {connectors.FieldAddressLine1: "\xff\xfe"},
		"one bad of two": {connectors.FieldFirstName: "Fine", connectors.FieldHomePhone: "0\n1"},
	}
	for name, p := range bad {
		_, err := c.UpdateContact(context.Background(), id, p)
		wantErr(r, "UpdateContact with "+name, err, connectors.ErrInvalid)
	}
	checkReadBack(r, c, id, was)
}
