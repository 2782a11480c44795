package restapi

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"clientgate/connectors"
)

func (c *Connector) reader(ctx context.Context, name string) reader {
	return reader{op: name, currency: c.m.Currency, now: c.now, tr: traceFrom(ctx)}
}

// FindContactByEmail lists the contacts the find operation returns and
// keeps those whose email matches, ignoring case.
func (c *Connector) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	email = strings.TrimSpace(email)
	if !strings.Contains(email, "@") {
		// No contact has such an email, and some search endpoints refuse
		// short terms: do not ask.
		return connectors.Contact{}, fmt.Errorf("%w: restapi: %q is not an email address", connectors.ErrNotFound, email)
	}
	op := c.m.Operations.FindContactByEmail
	a, err := c.do(ctx, call{name: opFindContactByEmail, op: op, vars: map[string]string{"email": email}})
	if err != nil {
		return connectors.Contact{}, err
	}
	items, err := itemsOf(opFindContactByEmail, a.doc, op.Items)
	if err != nil {
		return connectors.Contact{}, err
	}
	traceFrom(ctx).rawItems(opFindContactByEmail, len(items))
	var found []connectors.Contact
	rd := c.reader(ctx, opFindContactByEmail)
	rd.vars = map[string]string{"email": email}
	for i, item := range items {
		ct, _, err := decode(rd, contactSchema, op.Fields, item, itemLoc(op.Items, i))
		if err != nil {
			return connectors.Contact{}, err
		}
		if strings.EqualFold(strings.TrimSpace(ct.Email), email) {
			found = append(found, ct)
		}
	}
	switch len(found) {
	case 0:
		return connectors.Contact{}, fmt.Errorf("%w: restapi: no contact with email %s", connectors.ErrNotFound, email)
	case 1:
		if !safeID(found[0].ID) {
			return connectors.Contact{}, &MappingError{Op: opFindContactByEmail, Field: "id", Problem: "the contact's ID cannot be used in a request"}
		}
		err := c.fillCompany(ctx, &found[0])
		return found[0], err
	}
	return connectors.Contact{}, fmt.Errorf("%w: restapi: %d contacts with email %s", connectors.ErrAmbiguous, len(found), email)
}

// GetContact fetches one contact and checks that the answer is that
// contact.
func (c *Connector) GetContact(ctx context.Context, contactID string) (connectors.Contact, error) {
	if !safeID(contactID) {
		return connectors.Contact{}, fmt.Errorf("%w: restapi: bad contact id", connectors.ErrNotFound)
	}
	op := c.m.Operations.GetContact
	a, err := c.do(ctx, call{name: opGetContact, op: op, vars: map[string]string{"contact_id": contactID}})
	if err != nil {
		return connectors.Contact{}, err
	}
	item, err := itemOf(opGetContact, a.doc, op.Item)
	if err != nil {
		return connectors.Contact{}, err
	}
	ct, _, err := decode(c.reader(ctx, opGetContact), contactSchema, op.Fields, item, op.Item)
	if err != nil {
		return connectors.Contact{}, err
	}
	if ct.ID != contactID {
		return connectors.Contact{}, &MappingError{Op: opGetContact, Field: "id", Location: joinPath(op.Item, op.Fields["id"].Path),
			Problem: "the answer is a different contact than the one asked for"}
	}
	if err := c.fillCompany(ctx, &ct); err != nil {
		return connectors.Contact{}, err
	}
	return ct, nil
}

// CreateContact refuses a bad or taken email, sends the create operation,
// reads the new contact's ID from the answer and returns the contact as
// stored.
func (c *Connector) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	op := c.m.Operations.CreateContact
	if op == nil {
		return connectors.Contact{}, unsupported(opCreateContact)
	}
	addr, err := mail.ParseAddress(nc.Email)
	if err != nil || addr.Address != strings.TrimSpace(nc.Email) {
		return connectors.Contact{}, fmt.Errorf("%w: restapi: bad email address", connectors.ErrInvalid)
	}
	switch _, err := c.FindContactByEmail(ctx, addr.Address); {
	case err == nil, errors.Is(err, connectors.ErrAmbiguous):
		return connectors.Contact{}, fmt.Errorf("%w: restapi: a contact with email %s exists", connectors.ErrConflict, addr.Address)
	case !errors.Is(err, connectors.ErrNotFound):
		return connectors.Contact{}, err
	}
	vars := map[string]string{"email": addr.Address, "first_name": nc.FirstName, "last_name": nc.LastName}
	a, err := c.do(ctx, call{name: opCreateContact, op: op, vars: vars})
	if err != nil {
		return connectors.Contact{}, err
	}
	item, err := itemOf(opCreateContact, a.doc, op.Item)
	if err != nil {
		return connectors.Contact{}, err
	}
	created, _, err := decode(c.reader(ctx, opCreateContact), contactSchema, op.Fields, item, op.Item)
	if err != nil {
		return connectors.Contact{}, err
	}
	return c.GetContact(ctx, created.ID)
}
