package jetpackcrm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"clientgate/connectors"
)

// UpdateContact applies the patch against create_customer's full-replace
// semantics: it reads the contact (one customer_search call when its
// email is remembered), sends every field back with the patch applied, the
// status unchanged and the custom fields kept (one create_customer call),
// then reads the contact back (one customer_search call) and fails if it
// was not stored as sent. Three CRM calls.
//
// The "sticky" key is deliberately not sent. Its meaning is inverted:
// absent, the CRM refuses to move a contact away from the protected
// status (Customer by default); any non-empty value lifts that protection.
// Sending the current status without "sticky" keeps it in every case and
// cannot downgrade a contact whom an operator made a Customer meanwhile.
func (c *Connector) UpdateContact(ctx context.Context, contactID string, p connectors.ContactPatch) (connectors.Contact, error) {
	if err := ctx.Err(); err != nil {
		return connectors.Contact{}, err
	}
	if err := validatePatch(p); err != nil {
		return connectors.Contact{}, err
	}
	current, err := c.contactData(ctx, contactID)
	if err != nil {
		return connectors.Contact{}, err
	}
	body := replaceBody(current, p)
	if err := c.write(ctx, contactID, body); err != nil {
		return connectors.Contact{}, err
	}
	stored, err := c.searchByID(ctx, contactID, current.text("email"))
	if err != nil {
		return connectors.Contact{}, fmt.Errorf("jetpackcrm: reading contact %q back after the update: %w", contactID, err)
	}
	if diff := verify(current, stored, p); len(diff) > 0 {
		return connectors.Contact{}, fmt.Errorf("%w: jetpackcrm: contact %q was not stored as sent (%s differ)",
			connectors.ErrUnavailable, contactID, strings.Join(diff, ", "))
	}
	return c.m.contact(stored), nil
}

// validatePatch adds the CRM's own limits to the patch's validation: its
// tables are utf8mb3 (no 4-byte characters such as emoji; the CRM answers
// a generic {"error":100}) and it strips anything between < and >.
func validatePatch(p connectors.ContactPatch) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var verr connectors.ValidationError
	for f, v := range p {
		checkValue(&verr, string(f), v)
	}
	return verr.OrNil()
}

func checkValue(verr *connectors.ValidationError, field, v string) {
	switch {
	case hasWideRune(v):
		verr.Add(field, "contains characters the CRM cannot store, such as emoji")
	case strings.ContainsAny(v, "<>"):
		verr.Add(field, "must not contain < or >")
	}
}

// replaceBody builds the full create_customer body: the ID, the email and
// status as stored, every standard field (patched or as stored) and every
// custom field as stored.
func replaceBody(current object, p connectors.ContactPatch) map[string]any {
	id, _ := strconv.ParseInt(current.id(), 10, 64)
	body := map[string]any{"id": id, "email": current.text("email"), "status": current.text("status")}
	if owner, ok := current.num("owner"); ok && owner > 0 {
		body["assign"] = owner
	}
	for f, key := range fieldKeys {
		body[key] = current.text(key)
		if v, ok := p[f]; ok {
			body[key] = v
		}
	}
	for key, raw := range current {
		if readOnlyKeys[key] || body[key] != nil || !isJSONString(raw) {
			continue
		}
		body[key] = current.text(key)
	}
	return body
}

func isJSONString(raw json.RawMessage) bool {
	return bytes.HasPrefix(bytes.TrimSpace(raw), []byte(`"`))
}

// write sends a create_customer update and checks the CRM's answer.
func (c *Connector) write(ctx context.Context, contactID string, body map[string]any) error {
	raw, err := c.post(ctx, "create_customer", body)
	if err != nil {
		return err
	}
	ans, err := decodeWrite("create_customer", raw)
	if err != nil {
		return err
	}
	if ans.id() != contactID {
		return fmt.Errorf("%w: jetpackcrm: create_customer updated contact %q instead of %q",
			connectors.ErrUnavailable, ans.id(), contactID)
	}
	return nil
}

// verify lists the fields whose stored value is not what was sent: a
// patched field must hold its new value, the email must not have moved,
// and other fields must be as before (or, for values written outside the
// API, as before with HTML tags stripped). The status is not compared: it
// was sent as read, so only the CRM's own protection of a Customer set
// meanwhile by an operator can make it differ.
func verify(before, after object, p connectors.ContactPatch) []string {
	var diff []string
	if !strings.EqualFold(before.text("email"), after.text("email")) {
		diff = append(diff, "email")
	}
	for _, f := range connectors.PatchableFields {
		key := fieldKeys[f]
		got := strings.TrimSpace(after.text(key))
		want, patched := p[f]
		old := strings.TrimSpace(before.text(key))
		switch {
		case patched && got != want:
			diff = append(diff, string(f))
		case !patched && got != old && got != strings.TrimSpace(stripTags(old)):
			diff = append(diff, string(f))
		}
	}
	return diff
}
