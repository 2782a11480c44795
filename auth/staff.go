package auth

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"clientgate/connectors/bridge"
)

// isStaff reports whether the ID token's claims make the person staff:
// StaffClaim (a dotted path into objects) holds one of StaffValues, as a
// string or in a list.
func (s *Service) isStaff(cl claims) bool {
	if s.opts.StaffClaim == "" || len(s.opts.StaffValues) == 0 || cl.all == nil {
		return false
	}
	var v any = cl.all
	for _, name := range strings.Split(s.opts.StaffClaim, ".") {
		obj, ok := v.(map[string]any)
		if !ok {
			return false
		}
		v = obj[name]
	}
	switch x := v.(type) {
	case string:
		return slices.Contains(s.opts.StaffValues, x)
	case []any:
		return slices.ContainsFunc(x, func(e any) bool {
			str, ok := e.(string)
			return ok && slices.Contains(s.opts.StaffValues, str)
		})
	}
	return false
}

// resolveStaff finds the contact a staff member also signs in as: only a
// stored link (an operator's, or one made when they signed in as a
// client) whose contact may use the portal. Staff sign-in never looks
// contacts up by email, never creates one and never records a conflict,
// so the staff need no CRM contact; without a usable link they are
// signed in as staff only ("").
func (s *Service) resolveStaff(ctx context.Context, id bridge.Identity) (string, error) {
	l, err := s.opts.Bridge.LinkFor(ctx, id)
	switch {
	case isNotFound(err):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("%w: link lookup: %w", errBackend, err)
	}
	if _, err := s.checkAccess(ctx, l.ContactID); err != nil {
		if _, refused := asRefusal(err); refused {
			return "", nil
		}
		return "", err
	}
	return l.ContactID, nil
}

// recordStaff keeps the staff member in the staff directory, for
// assigning threads and emailing assignees; a failure is logged.
func (s *Service) recordStaff(ctx context.Context, id bridge.Identity, cl claims) {
	m := bridge.StaffRecord{ID: Principal{Identity: id}.Actor(), Name: cl.Name, Email: cl.Email, LastSeen: time.Now().UTC()}
	if m.Name == "" {
		m.Name = cl.Email
	}
	if err := s.opts.Bridge.SaveStaffMember(ctx, m); err != nil {
		s.opts.Logger.ErrorContext(ctx, "auth: recording a staff sign-in failed", "err", err.Error())
	}
}

// signInAs applies the link policy, or for staff resolveStaff, and
// returns the session to start with the sign-in's outcome.
func (s *Service) signInAs(ctx context.Context, id bridge.Identity, cl claims) (bridge.Session, string, error) {
	ss := bridge.Session{Identity: id, Email: cl.Email, Name: cl.Name, SID: cl.SID}
	if !s.isStaff(cl) {
		contactID, outcome, _, err := s.resolve(ctx, id, cl)
		ss.ContactID = contactID
		return ss, outcome, err
	}
	contactID, err := s.resolveStaff(ctx, id)
	if err != nil {
		return ss, "", err
	}
	s.recordStaff(ctx, id, cl)
	ss.ContactID, ss.Staff = contactID, true
	s.opts.Logger.InfoContext(ctx, "auth: staff signed in", "issuer", id.Issuer, "subject", id.Subject, "client", contactID != "")
	return ss, OutcomeStaff, nil
}
