package portal

import (
	"context"
	"time"

	gocache "github.com/patrickmn/go-cache"

	"clientgate/connectors/bridge"
)

// prefsMemoStore is the bridge store with contacts' preferences kept in
// memory for a while after they are read, since every page needs them.
// A save through it drops the contact's entry at once; a save on another
// replica shows here once the entry expires.
type prefsMemoStore struct {
	bridge.Store
	memo *gocache.Cache
}

// withPreferencesMemo returns store with its preferences kept for ttl
// (store itself when ttl is not positive).
func withPreferencesMemo(store bridge.Store, ttl time.Duration) bridge.Store {
	if store == nil || ttl <= 0 {
		return store
	}
	return prefsMemoStore{Store: store, memo: gocache.New(ttl, 4*ttl+time.Minute)}
}

// Preferences returns the contact's preferences, read at most ttl ago.
func (m prefsMemoStore) Preferences(ctx context.Context, contactID string) (bridge.Preferences, error) {
	if v, ok := m.memo.Get(contactID); ok {
		return v.(bridge.Preferences), nil
	}
	p, err := m.Store.Preferences(ctx, contactID)
	if err == nil {
		m.memo.SetDefault(contactID, p)
	}
	return p, err
}

// SavePreferences saves p and forgets the contact's kept entry (before
// and after, so that a read racing the save keeps no older value).
func (m prefsMemoStore) SavePreferences(ctx context.Context, p bridge.Preferences) error {
	m.memo.Delete(p.ContactID)
	defer m.memo.Delete(p.ContactID)
	return m.Store.SavePreferences(ctx, p)
}
