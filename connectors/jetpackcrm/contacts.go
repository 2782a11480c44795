package jetpackcrm

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"clientgate/connectors"
)

// FindContactByEmail looks the email up with customer_search?email=, an
// exact, case-insensitive match on the main email column. One CRM call.
func (c *Connector) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	email = strings.TrimSpace(email)
	if err := ctx.Err(); err != nil {
		return connectors.Contact{}, err
	}
	if email == "" || hasWideRune(email) {
		return connectors.Contact{}, fmt.Errorf("%w: jetpackcrm: no contact with email %q", connectors.ErrNotFound, email)
	}
	found, err := c.searchEmail(ctx, email)
	if err != nil {
		return connectors.Contact{}, err
	}
	switch len(found) {
	case 0:
		return connectors.Contact{}, fmt.Errorf("%w: jetpackcrm: no contact with email %q", connectors.ErrNotFound, email)
	case 1:
		return c.m.contact(found[0]), nil
	}
	return connectors.Contact{}, fmt.Errorf("%w: jetpackcrm: %d contacts with email %q", connectors.ErrAmbiguous, len(found), email)
}

// GetContact returns a contact by ID. The key-and-secret API has no by-ID
// endpoint: with the ID's email remembered it is one customer_search call,
// else see lookupByID.
func (c *Connector) GetContact(ctx context.Context, contactID string) (connectors.Contact, error) {
	if email, ok := c.emails.get(contactID); ok {
		obj, err := c.searchByID(ctx, contactID, email)
		if err == nil {
			return c.m.contact(obj), nil
		}
		if !isNotFound(err) {
			return connectors.Contact{}, err
		}
	}
	obj, err := c.lookupByID(ctx, contactID)
	if err != nil {
		return connectors.Contact{}, err
	}
	return c.m.contact(obj), nil
}

// searchEmail returns the contacts customer_search?email= answers with
// whose email equals email ignoring case (the object with its invoices and
// transactions), and remembers their IDs' emails.
func (c *Connector) searchEmail(ctx context.Context, email string) ([]object, error) {
	body, err := c.get(ctx, "customer_search", url.Values{"email": {email}})
	if err != nil {
		return nil, err
	}
	found, err := decodeSearch(body)
	if err != nil {
		return nil, err
	}
	var out []object
	for _, o := range found {
		if o.id() != "" && strings.EqualFold(strings.TrimSpace(o.text("email")), email) {
			c.emails.put(o.id(), o.text("email"))
			out = append(out, o)
		}
	}
	return out, nil
}

// searchByID fetches the contact with this ID through its (remembered)
// email: ErrNotFound, and the memo entry dropped, when the contact with
// that email is not this ID any more.
func (c *Connector) searchByID(ctx context.Context, contactID, email string) (object, error) {
	found, err := c.searchEmail(ctx, email)
	if err != nil {
		return nil, err
	}
	for _, o := range found {
		if o.id() == contactID {
			return o, nil
		}
	}
	c.emails.forget(contactID)
	return nil, fmt.Errorf("%w: jetpackcrm: contact %q", connectors.ErrNotFound, contactID)
}

// contactData returns the customer_search object (contact, invoices,
// transactions) of a contact ID: one call when the email is remembered,
// else the lookup's calls plus one.
func (c *Connector) contactData(ctx context.Context, contactID string) (object, error) {
	if email, ok := c.emails.get(contactID); ok {
		obj, err := c.searchByID(ctx, contactID, email)
		if !isNotFound(err) {
			return obj, err
		}
	}
	plain, err := c.lookupByID(ctx, contactID)
	if err != nil {
		return nil, err
	}
	return c.searchByID(ctx, contactID, plain.text("email"))
}

// emailOf returns a contact ID's email, from the memo or by lookup.
func (c *Connector) emailOf(ctx context.Context, contactID string) (string, error) {
	if email, ok := c.emails.get(contactID); ok {
		return email, nil
	}
	obj, err := c.lookupByID(ctx, contactID)
	if err != nil {
		return "", err
	}
	return obj.text("email"), nil
}
