package fake

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"slices"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// staffState holds the fake bridge's staff directory and email
// preferences; its zero value is ready to use.
type staffState struct {
	members map[string]bridge.StaffRecord
	optOut  map[string]bool
	tokens  map[string]string // contact → unsubscribe token
}

// SaveStaffMember records a staff sign-in.
func (b *Bridge) SaveStaffMember(ctx context.Context, m bridge.StaffRecord) error {
	if err := check(ctx, "save staff member"); err != nil {
		return err
	}
	if m.ID == "" {
		return fmt.Errorf("fake: bridge save staff member: %w: no ID", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.staff.members == nil {
		b.staff.members = map[string]bridge.StaffRecord{}
	}
	b.staff.members[m.ID] = m
	return nil
}

// StaffMembers lists the staff by name.
func (b *Bridge) StaffMembers(ctx context.Context) ([]bridge.StaffRecord, error) {
	if err := check(ctx, "staff members"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]bridge.StaffRecord, 0, len(b.staff.members))
	for _, m := range b.staff.members {
		out = append(out, m)
	}
	slices.SortFunc(out, func(x, y bridge.StaffRecord) int { return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID)) })
	return out, nil
}

// StaffMember returns one member by ID.
func (b *Bridge) StaffMember(ctx context.Context, id string) (bridge.StaffRecord, error) {
	if err := check(ctx, "staff member"); err != nil {
		return bridge.StaffRecord{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	m, ok := b.staff.members[id]
	if !ok {
		return m, fmt.Errorf("fake: bridge staff member: %w", connectors.ErrNotFound)
	}
	return m, nil
}

// EmailPreferences returns a contact's email preferences.
func (b *Bridge) EmailPreferences(ctx context.Context, contactID string) (bridge.EmailPreferences, error) {
	if err := check(ctx, "email preferences"); err != nil {
		return bridge.EmailPreferences{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return bridge.EmailPreferences{ContactID: contactID, OptOut: b.staff.optOut[contactID]}, nil
}

// SetEmailOptOut stores a contact's choice.
func (b *Bridge) SetEmailOptOut(ctx context.Context, contactID string, optOut bool) error {
	if err := check(ctx, "set email opt-out"); err != nil {
		return err
	}
	if contactID == "" {
		return fmt.Errorf("fake: bridge set email opt-out: %w: no contact", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.staff.optOut == nil {
		b.staff.optOut = map[string]bool{}
	}
	b.staff.optOut[contactID] = optOut
	return nil
}

// UnsubscribeToken returns a contact's unsubscribe token, making one.
func (b *Bridge) UnsubscribeToken(ctx context.Context, contactID string) (string, error) {
	if err := check(ctx, "unsubscribe token"); err != nil {
		return "", err
	}
	if contactID == "" {
		return "", fmt.Errorf("fake: bridge unsubscribe token: %w: no contact", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.staff.tokens == nil {
		b.staff.tokens = map[string]string{}
	}
	if tok, ok := b.staff.tokens[contactID]; ok {
		return tok, nil
	}
	raw := make([]byte, 32)
	rand.Read(raw)
	tok := base64.RawURLEncoding.EncodeToString(raw)
	b.staff.tokens[contactID] = tok
	return tok, nil
}

// ContactByUnsubscribeToken returns the contact a token belongs to.
func (b *Bridge) ContactByUnsubscribeToken(ctx context.Context, token string) (string, error) {
	if err := check(ctx, "contact by unsubscribe token"); err != nil {
		return "", err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for id, tok := range b.staff.tokens {
		if tok == token && token != "" {
			return id, nil
		}
	}
	return "", fmt.Errorf("fake: bridge contact by unsubscribe token: %w", connectors.ErrNotFound)
}
