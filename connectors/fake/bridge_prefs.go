package fake

import (
	"context"
	"fmt"
	"maps"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// prefState holds the fake bridge's preferences and form drafts; its
// zero value is ready to use.
type prefState struct {
	prefs  map[string]bridge.Preferences
	drafts map[string]bridge.FormDraft
}

// Preferences returns a contact's preferences, or the zero value with
// ContactID set.
func (b *Bridge) Preferences(ctx context.Context, contactID string) (bridge.Preferences, error) {
	if err := check(ctx, "preferences"); err != nil {
		return bridge.Preferences{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if p, ok := b.prefs.prefs[contactID]; ok {
		return p, nil
	}
	return bridge.Preferences{ContactID: contactID}, nil
}

// SavePreferences stores a contact's preferences.
func (b *Bridge) SavePreferences(ctx context.Context, p bridge.Preferences) error {
	if err := check(ctx, "save preferences"); err != nil {
		return err
	}
	if p.ContactID == "" {
		return fmt.Errorf("fake: bridge save preferences: %w: no contact", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.prefs.prefs == nil {
		b.prefs.prefs = map[string]bridge.Preferences{}
	}
	b.prefs.prefs[p.ContactID] = p
	return nil
}

// SaveFormDraft stores a draft and drops those created before expired.
func (b *Bridge) SaveFormDraft(ctx context.Context, d bridge.FormDraft, expired time.Time) error {
	if err := check(ctx, "save form draft"); err != nil {
		return err
	}
	if d.ID == "" {
		return fmt.Errorf("fake: bridge save form draft: %w: no id", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.prefs.drafts == nil {
		b.prefs.drafts = map[string]bridge.FormDraft{}
	}
	maps.DeleteFunc(b.prefs.drafts, func(_ string, old bridge.FormDraft) bool { return old.Created.Before(expired) })
	d.Values = maps.Clone(d.Values)
	b.prefs.drafts[d.ID] = d
	return nil
}

// TakeFormDraft returns and deletes a draft created at or after expired.
func (b *Bridge) TakeFormDraft(ctx context.Context, id string, expired time.Time) (bridge.FormDraft, error) {
	if err := check(ctx, "take form draft"); err != nil {
		return bridge.FormDraft{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	d, ok := b.prefs.drafts[id]
	delete(b.prefs.drafts, id)
	if !ok || d.Created.Before(expired) {
		return bridge.FormDraft{}, fmt.Errorf("fake: bridge form draft: %w", connectors.ErrNotFound)
	}
	return d, nil
}
