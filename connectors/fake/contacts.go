package fake

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"clientgate/connectors"
)

// FindContactByEmail returns the one contact whose email matches,
// ignoring case and surrounding space.
func (f *Connector) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	if err := f.begin(ctx, "FindContactByEmail", nil); err != nil {
		return connectors.Contact{}, err
	}
	email = strings.TrimSpace(email)
	f.mu.Lock()
	defer f.mu.Unlock()
	matches := f.byEmail(email)
	switch {
	case email == "" || len(matches) == 0:
		return connectors.Contact{}, fmt.Errorf("fake: contact with email: %w", connectors.ErrNotFound)
	case len(matches) > 1:
		return connectors.Contact{}, fmt.Errorf("fake: %d contacts with email: %w", len(matches), connectors.ErrAmbiguous)
	}
	return matches[0], nil
}

// byEmail returns the contacts with the email, ignoring case. f.mu must
// be held.
func (f *Connector) byEmail(email string) []connectors.Contact {
	var out []connectors.Contact
	for _, c := range f.contacts {
		if strings.EqualFold(strings.TrimSpace(c.Email), email) {
			out = append(out, c)
		}
	}
	return out
}

// GetContact returns a contact by ID.
func (f *Connector) GetContact(ctx context.Context, contactID string) (connectors.Contact, error) {
	if err := f.begin(ctx, "GetContact", nil); err != nil {
		return connectors.Contact{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.contacts[contactID]
	if !ok {
		return connectors.Contact{}, fmt.Errorf("fake: contact: %w", connectors.ErrNotFound)
	}
	return c, nil
}

// CreateContact creates a contact with portal access and status "Lead".
func (f *Connector) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	err := f.begin(ctx, "CreateContact", func(c connectors.Capabilities) bool { return c.CreateContact })
	if err != nil {
		return connectors.Contact{}, err
	}
	email := strings.TrimSpace(nc.Email)
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email {
		verr := &connectors.ValidationError{}
		verr.Add("email", "is not a valid email address")
		return connectors.Contact{}, fmt.Errorf("fake: create contact: %w", verr)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.byEmail(email)) > 0 {
		return connectors.Contact{}, fmt.Errorf("fake: create contact: email taken: %w", connectors.ErrConflict)
	}
	now := f.now()
	c := connectors.Contact{
		ID: newID("ct"), Email: email, FirstName: strings.TrimSpace(nc.FirstName),
		LastName: strings.TrimSpace(nc.LastName), Status: "Lead", PortalAccess: true,
		CreatedAt: now, UpdatedAt: now,
	}
	f.contacts[c.ID] = c
	return c, nil
}

// UpdateContact validates and applies the patch (without changing the
// caller's map) and returns the contact as stored.
func (f *Connector) UpdateContact(ctx context.Context, contactID string, p connectors.ContactPatch) (connectors.Contact, error) {
	err := f.begin(ctx, "UpdateContact", func(c connectors.Capabilities) bool { return c.UpdateContact })
	if err != nil {
		return connectors.Contact{}, err
	}
	patch := make(connectors.ContactPatch, len(p))
	for k, v := range p {
		patch[k] = v
	}
	if err := patch.Validate(); err != nil {
		return connectors.Contact{}, fmt.Errorf("fake: update contact: %w", err)
	}
	if err := unwritable(f.Capabilities(), patch); err != nil {
		return connectors.Contact{}, fmt.Errorf("fake: update contact: %w", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.contacts[contactID]
	if !ok {
		return connectors.Contact{}, fmt.Errorf("fake: update contact: %w", connectors.ErrNotFound)
	}
	c = patch.ApplyTo(c)
	c.UpdatedAt = f.now()
	f.contacts[contactID] = c
	return c, nil
}

// GetCompany returns the company of the scope's contact.
func (f *Connector) GetCompany(ctx context.Context, s connectors.Scope) (connectors.Company, error) {
	if err := f.begin(ctx, "GetCompany", nil); err != nil {
		return connectors.Company{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	ct, ok := f.contacts[s.ContactID]
	if !ok || ct.CompanyID == "" {
		return connectors.Company{}, fmt.Errorf("fake: company: %w", connectors.ErrNotFound)
	}
	co, ok := f.companies[ct.CompanyID]
	if !ok {
		return connectors.Company{}, fmt.Errorf("fake: company: %w", connectors.ErrNotFound)
	}
	return co, nil
}

// visible reports whether an item owned by contactID or companyID is in
// scope s. f.mu must be held.
func (f *Connector) visible(s connectors.Scope, contactID, companyID string) bool {
	if contactID != "" && contactID == s.ContactID {
		return true
	}
	if companyID == "" || !s.WithCompany || !f.caps.CompanyItems {
		return false
	}
	ct, ok := f.contacts[s.ContactID]
	return ok && ct.CompanyID == companyID
}

// unwritable refuses a patch naming a field outside the capabilities'
// WritableFields, as a backend without that field would.
func unwritable(caps connectors.Capabilities, p connectors.ContactPatch) error {
	var verr connectors.ValidationError
	for f := range p {
		if !caps.CanWrite(f) {
			verr.Add(string(f), "cannot be changed in this CRM")
		}
	}
	return verr.OrNil()
}
