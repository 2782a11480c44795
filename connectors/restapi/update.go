package restapi

import (
	"context"
	"fmt"
	"slices"

	"clientgate/connectors"
)

// UpdateContact validates the patch, refuses fields the body template
// cannot carry, sends the update operation with only the patched fields,
// and returns the contact as stored afterwards.
func (c *Connector) UpdateContact(ctx context.Context, contactID string, p connectors.ContactPatch) (connectors.Contact, error) {
	op := c.m.Operations.UpdateContact
	if op == nil {
		return connectors.Contact{}, unsupported(opUpdateContact)
	}
	if !safeID(contactID) {
		return connectors.Contact{}, fmt.Errorf("%w: restapi: bad contact id", connectors.ErrNotFound)
	}
	if err := p.Validate(); err != nil {
		return connectors.Contact{}, err
	}
	carried := writable(op)
	var verr connectors.ValidationError
	vars := map[string]string{"contact_id": contactID}
	for f, v := range p {
		if !slices.Contains(carried, f) {
			verr.Add(string(f), "cannot be changed in this CRM")
		}
		vars[string(f)] = v
	}
	if err := verr.OrNil(); err != nil {
		return connectors.Contact{}, err
	}
	if _, err := c.GetContact(ctx, contactID); err != nil {
		return connectors.Contact{}, err
	}
	omit := func(name string) bool {
		_, patched := p[connectors.Field(name)]
		return name != "contact_id" && !patched
	}
	if _, err := c.do(ctx, call{name: opUpdateContact, op: op, vars: vars, omit: omit}); err != nil {
		return connectors.Contact{}, err
	}
	return c.GetContact(ctx, contactID)
}
