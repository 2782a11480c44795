package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// resolve applies the link policy to a verified identity and returns the
// contact it signs in as and the outcome: a stored link wins; else a
// verified email that matches exactly one contact is linked; no match
// provisions a contact when enabled; several matches are refused and
// recorded. The contact's portal access is checked last.
func (s *Service) resolve(ctx context.Context, id bridge.Identity, cl claims) (string, string, access, error) {
	contactID, outcome, err := s.linkedContact(ctx, id, cl)
	if err != nil {
		return "", "", access{}, err
	}
	acc, err := s.checkAccess(ctx, contactID)
	if err != nil {
		return "", "", access{}, err
	}
	return contactID, outcome, acc, nil
}

// linkedContact finds or makes the identity's link.
func (s *Service) linkedContact(ctx context.Context, id bridge.Identity, cl claims) (string, string, error) {
	l, err := s.opts.Bridge.LinkFor(ctx, id)
	switch {
	case err == nil:
		return l.ContactID, OutcomeSuccess, nil
	case !errors.Is(err, connectors.ErrNotFound):
		return "", "", fmt.Errorf("%w: link lookup: %w", errBackend, err)
	case cl.Email == "":
		return "", "", refuseNoContact("")
	case !bool(cl.EmailVerified) && !s.opts.AllowUnverifiedEmail:
		return "", "", refuseUnverified(cl.Email)
	}
	c, err := s.opts.Connector.FindContactByEmail(ctx, cl.Email)
	switch {
	case err == nil:
		return c.ID, OutcomeSuccess, s.saveLink(ctx, id, c.ID, cl.Email, bridge.ViaEmail)
	case errors.Is(err, connectors.ErrAmbiguous):
		return "", "", s.conflict(ctx, id, cl.Email)
	case errors.Is(err, connectors.ErrNotFound):
		return s.provision(ctx, id, cl)
	}
	return "", "", fmt.Errorf("%w: find contact: %w", errBackend, err)
}

// provision creates a contact for a new person when auto-provisioning is on.
func (s *Service) provision(ctx context.Context, id bridge.Identity, cl claims) (string, string, error) {
	if !s.opts.AutoProvision {
		return "", "", refuseNoContact(cl.Email)
	}
	first, last := cl.names()
	c, err := s.opts.Connector.CreateContact(ctx, connectors.NewContact{Email: cl.Email, FirstName: first, LastName: last})
	if errors.Is(err, connectors.ErrUnsupported) {
		s.opts.Logger.ErrorContext(ctx, "auth: auto-provisioning is on but the connector cannot create contacts", "connector", s.opts.Connector.Name())
		return "", "", refuseNoContact(cl.Email)
	}
	if err != nil {
		return "", "", fmt.Errorf("%w: create contact: %w", errBackend, err)
	}
	s.opts.Logger.InfoContext(ctx, "auth: provisioned contact", "contact_id", c.ID, "issuer", id.Issuer, "subject", id.Subject)
	if err := s.saveLink(ctx, id, c.ID, cl.Email, bridge.ViaProvisioned); err != nil {
		return "", "", err
	}
	if s.opts.OnProvisioned != nil {
		s.opts.OnProvisioned(ctx, c)
	}
	return c.ID, OutcomeProvisioned, nil
}

func (s *Service) saveLink(ctx context.Context, id bridge.Identity, contactID, email, via string) error {
	l := bridge.Link{Identity: id, ContactID: contactID, Email: email, Via: via, CreatedAt: time.Now().UTC()}
	if err := s.opts.Bridge.SaveLink(ctx, l); err != nil {
		return fmt.Errorf("%w: save link: %w", errBackend, err)
	}
	return nil
}

// conflict records an ambiguous email for the operator and refuses.
func (s *Service) conflict(ctx context.Context, id bridge.Identity, email string) error {
	now := time.Now().UTC()
	err := s.opts.Bridge.RecordConflict(ctx, bridge.Conflict{Identity: id, Email: email, FirstSeen: now, LastSeen: now, Count: 1})
	if err != nil {
		s.opts.Logger.ErrorContext(ctx, "auth: record link conflict", "err", err.Error())
	}
	s.opts.Logger.WarnContext(ctx, "auth: link conflict: email matches several contacts", "issuer", id.Issuer, "subject", id.Subject, "email", email)
	return refuseAmbiguous(email)
}

// access is what checkAccess read: the contact and its settings.
type access struct {
	contact  connectors.Contact
	settings bridge.ContactSettings
}

// grant puts what the access check read on p, for the portal.
func (a access) grant(p Principal) Principal {
	p.Checked, p.Contact, p.Settings = true, a.contact, a.settings
	return p
}

// checkAccess refuses a contact whose portal access is off in the bridge
// settings or in the CRM, or who no longer exists.
func (s *Service) checkAccess(ctx context.Context, contactID string) (access, error) {
	set, err := s.opts.Bridge.ContactSettings(ctx, contactID)
	if err != nil {
		return access{}, fmt.Errorf("%w: contact settings: %w", errBackend, err)
	}
	return s.contactAccess(ctx, contactID, set)
}

// contactAccess refuses a contact whose portal access is off in set or in
// the CRM, or who no longer exists; it reads the contact through the
// (cached) connector.
func (s *Service) contactAccess(ctx context.Context, contactID string, set bridge.ContactSettings) (access, error) {
	if set.PortalDisabled {
		return access{}, refuseDisabled()
	}
	c, err := s.opts.Connector.GetContact(ctx, contactID)
	if errors.Is(err, connectors.ErrNotFound) {
		return access{}, refuseDisabled()
	}
	if err != nil {
		return access{}, fmt.Errorf("%w: get contact: %w", errBackend, err)
	}
	if !c.PortalAccess {
		return access{}, refuseDisabled()
	}
	return access{contact: c, settings: set}, nil
}
