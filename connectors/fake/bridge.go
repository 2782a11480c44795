package fake

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// Bridge is an in-memory bridge.Store. The zero value is not usable; call
// NewBridge.
type Bridge struct {
	mu        sync.Mutex
	links     map[bridge.Identity]linkRec
	conflicts map[bridge.Identity]bridge.Conflict
	settings  map[string]bridge.ContactSettings
	tokens    map[string]string // contact ID → token
	owners    map[string]string // token → contact ID
	audit     []bridge.AuditEntry
	sessions  map[string]bridge.Session // by ID; see bridge_sessions.go
	tokenIDs  map[[2]string]time.Time   // (issuer, jti) → until
	seq       int64
	now       func() time.Time
	pay       ledger
	prefs     prefState  // preferences and form drafts (bridge_prefs.go)
	files     fileState  // file records (bridge_files.go)
	staff     staffState // staff directory and email preferences (bridge_staff.go)
}

// linkRec is a link with its insertion number, to order equal times.
type linkRec struct {
	link bridge.Link
	seq  int64
}

// NewBridge returns an empty in-memory bridge.Store.
func NewBridge() *Bridge {
	return &Bridge{
		links:     map[bridge.Identity]linkRec{},
		conflicts: map[bridge.Identity]bridge.Conflict{},
		settings:  map[string]bridge.ContactSettings{},
		tokens:    map[string]string{},
		owners:    map[string]string{},
		now:       func() time.Time { return time.Now().UTC() },
	}
}

var _ bridge.Store = (*Bridge)(nil)

// check returns the context's error, wrapped, when ctx has ended.
func check(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("fake: bridge %s: %w", op, err)
	}
	return nil
}

// ContactSettings returns a contact's settings, or the zero value with
// ContactID set.
func (b *Bridge) ContactSettings(ctx context.Context, contactID string) (bridge.ContactSettings, error) {
	if err := check(ctx, "contact settings"); err != nil {
		return bridge.ContactSettings{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.settings[contactID]
	if !ok {
		return bridge.ContactSettings{ContactID: contactID}, nil
	}
	s.Modules = maps.Clone(s.Modules)
	return s, nil
}

// SaveContactSettings stores a contact's settings; ErrInvalid without a
// contact ID.
func (b *Bridge) SaveContactSettings(ctx context.Context, s bridge.ContactSettings) error {
	if err := check(ctx, "save contact settings"); err != nil {
		return err
	}
	if s.ContactID == "" {
		return fmt.Errorf("fake: bridge save contact settings: no contact id: %w", connectors.ErrInvalid)
	}
	s.Modules = maps.Clone(s.Modules)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.settings[s.ContactID] = s
	return nil
}

// CalendarToken returns the contact's feed token, creating a random one
// when there is none.
func (b *Bridge) CalendarToken(ctx context.Context, contactID string) (string, error) {
	if err := check(ctx, "calendar token"); err != nil {
		return "", err
	}
	if contactID == "" {
		return "", fmt.Errorf("fake: bridge calendar token: no contact id: %w", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if tok, ok := b.tokens[contactID]; ok {
		return tok, nil
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("fake: bridge calendar token: %w", err)
	}
	tok := base64.RawURLEncoding.EncodeToString(raw)
	b.tokens[contactID], b.owners[tok] = tok, contactID
	return tok, nil
}

// RevokeCalendarToken deletes the contact's token; revoking when there is
// none is not an error.
func (b *Bridge) RevokeCalendarToken(ctx context.Context, contactID string) error {
	if err := check(ctx, "revoke calendar token"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if tok, ok := b.tokens[contactID]; ok {
		delete(b.owners, tok)
		delete(b.tokens, contactID)
	}
	return nil
}

// ContactByCalendarToken returns the contact a token belongs to.
func (b *Bridge) ContactByCalendarToken(ctx context.Context, token string) (string, error) {
	if err := check(ctx, "contact by calendar token"); err != nil {
		return "", err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	id, ok := b.owners[token]
	if !ok || token == "" {
		return "", fmt.Errorf("fake: bridge calendar token: %w", connectors.ErrNotFound)
	}
	return id, nil
}

// Record appends an audit entry, setting its ID, and At when zero.
func (b *Bridge) Record(ctx context.Context, e bridge.AuditEntry) error {
	if err := check(ctx, "record"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.seq++
	e.ID = b.seq
	e.At = utc(e.At)
	if e.At.IsZero() {
		e.At = b.now()
	}
	e.Changes = slices.Clone(e.Changes)
	b.audit = append(b.audit, e)
	return nil
}

// AuditLog lists a contact's entries, newest first, at most limit (all
// when limit is 0 or less).
func (b *Bridge) AuditLog(ctx context.Context, contactID string, limit int) ([]bridge.AuditEntry, error) {
	if err := check(ctx, "audit log"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	var out []bridge.AuditEntry
	for _, e := range b.audit {
		if e.ContactID == contactID {
			e.Changes = slices.Clone(e.Changes)
			out = append(out, e)
		}
	}
	b.mu.Unlock()
	slices.SortFunc(out, func(x, y bridge.AuditEntry) int {
		if c := y.At.Compare(x.At); c != 0 {
			return c
		}
		return cmp.Compare(y.ID, x.ID)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
