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
	patch, want := writablePatch(c.Capabilities())
	if len(patch) == 0 {
		r.Errorf("UpdateContact capability without a writable field (WritableFields %v)", c.Capabilities().WritableFields)
		return
	}
	after, err := c.UpdateContact(ctx, id, patch)
	if !noErr(r, "UpdateContact", err) {
		return
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
	checkUnwritable(r, c, id, after)
	_, err = c.UpdateContact(ctx, "no-such-contact-4f1c9b", patch)
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

// writablePatch is the patch CheckUpdateContact sends: a new first name
// (with spaces to trim and non-ASCII letters), a city and a cleared mobile
// phone, keeping those the connector can write; when it can write none of
// them, the first field it can write gets a new value. want is what each
// patched field must read afterwards.
func writablePatch(caps connectors.Capabilities) (connectors.ContactPatch, map[connectors.Field]string) {
	patch, want := connectors.ContactPatch{}, map[connectors.Field]string{}
	for _, p := range []struct {
		f       connectors.Field
		in, out string
	}{
		{connectors.FieldFirstName, "  Zoë-Marie ", "Zoë-Marie"},
		{connectors.FieldAddressCity, "München", "München"},
		{connectors.FieldMobilePhone, "", ""},
	} {
		if caps.CanWrite(p.f) {
			patch[p.f], want[p.f] = p.in, p.out
		}
	}
	if len(patch) > 0 {
		return patch, want
	}
	for _, f := range connectors.PatchableFields {
		if caps.CanWrite(f) {
			patch[f], want[f] = " Zoë-Änderung ", "Zoë-Änderung"
			break
		}
	}
	return patch, want
}

// checkUnwritable sends a patch naming a field the connector says it
// cannot write, and checks it is ErrInvalid and changes nothing.
func checkUnwritable(r Reporter, c connectors.Connector, id string, was connectors.Contact) {
	r.Helper()
	caps := c.Capabilities()
	for _, f := range connectors.PatchableFields {
		if caps.CanWrite(f) {
			continue
		}
		_, err := c.UpdateContact(context.Background(), id, connectors.ContactPatch{f: "Unwritable"})
		wantErr(r, "UpdateContact of unwritable field "+string(f), err, connectors.ErrInvalid)
		checkReadBack(r, c, id, was)
		return
	}
}
