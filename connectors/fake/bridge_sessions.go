package fake

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

var _ bridge.SessionStore = (*Bridge)(nil)

// initSessions makes the session maps; callers hold mu.
func (b *Bridge) initSessions() {
	if b.sessions == nil {
		b.sessions = map[string]bridge.Session{}
		b.tokenIDs = map[[2]string]time.Time{}
	}
}

// CreateSession stores a new session; ErrInvalid without ID, identity,
// contact (or staff status) or CSRF token, or when the ID is taken.
func (b *Bridge) CreateSession(ctx context.Context, s bridge.Session) error {
	if err := check(ctx, "create session"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.initSessions()
	if _, taken := b.sessions[s.ID]; taken || s.ID == "" || s.Issuer == "" || s.Subject == "" || (s.ContactID == "" && !s.Staff) || s.CSRF == "" {
		return fmt.Errorf("fake: bridge create session: %w", connectors.ErrInvalid)
	}
	b.sessions[s.ID] = s
	return nil
}

// SessionByID returns a session live at now.
func (b *Bridge) SessionByID(ctx context.Context, id string, now time.Time) (bridge.Session, error) {
	if err := check(ctx, "session"); err != nil {
		return bridge.Session{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.sessions[id]
	if !ok || !now.Before(s.Expires) || !now.Before(s.IdleUntil) {
		return bridge.Session{}, fmt.Errorf("fake: bridge session: %w", connectors.ErrNotFound)
	}
	return s, nil
}

// TouchSession records use.
func (b *Bridge) TouchSession(ctx context.Context, id string, lastSeen, idleUntil time.Time) error {
	if err := check(ctx, "touch session"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.sessions[id]
	if !ok {
		return fmt.Errorf("fake: bridge touch session: %w", connectors.ErrNotFound)
	}
	s.LastSeen, s.IdleUntil = lastSeen, idleUntil
	b.sessions[id] = s
	return nil
}

// matches reports whether f selects s.
func matches(f bridge.SessionFilter, s bridge.Session) bool {
	if f.All {
		return true
	}
	if f.IsZero() {
		return false
	}
	eq := func(want, got string) bool { return want == "" || want == got }
	return eq(f.ID, s.ID) && eq(f.ContactID, s.ContactID) && eq(f.Issuer, s.Issuer) && eq(f.Subject, s.Subject) && eq(f.SID, s.SID) &&
		(f.Email == "" || strings.EqualFold(f.Email, s.Email))
}

// DeleteSessions deletes the selected sessions and returns their IDs.
func (b *Bridge) DeleteSessions(ctx context.Context, f bridge.SessionFilter) ([]string, error) {
	if err := check(ctx, "delete sessions"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var ids []string
	for id, s := range b.sessions {
		if matches(f, s) {
			ids = append(ids, id)
			delete(b.sessions, id)
		}
	}
	return ids, nil
}

// Sessions lists the selected sessions, newest first.
func (b *Bridge) Sessions(ctx context.Context, f bridge.SessionFilter) ([]bridge.Session, error) {
	if err := check(ctx, "sessions"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []bridge.Session
	for _, s := range b.sessions {
		if matches(f, s) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(x, y bridge.Session) int {
		return cmp.Or(y.Created.Compare(x.Created), cmp.Compare(x.ID, y.ID))
	})
	return out, nil
}

// SweepSessions deletes expired sessions and token IDs.
func (b *Bridge) SweepSessions(ctx context.Context, now time.Time) (int, error) {
	if err := check(ctx, "sweep sessions"); err != nil {
		return 0, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for id, s := range b.sessions {
		if !now.Before(s.Expires) || !now.Before(s.IdleUntil) {
			delete(b.sessions, id)
			n++
		}
	}
	for k, until := range b.tokenIDs {
		if !now.Before(until) {
			delete(b.tokenIDs, k)
		}
	}
	return n, nil
}

// UseTokenID remembers a token ID; false when it was already known.
func (b *Bridge) UseTokenID(ctx context.Context, issuer, jti string, until time.Time) (bool, error) {
	if err := check(ctx, "use token id"); err != nil {
		return false, err
	}
	if issuer == "" || jti == "" {
		return false, fmt.Errorf("fake: bridge use token id: %w", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.initSessions()
	k := [2]string{issuer, jti}
	if _, seen := b.tokenIDs[k]; seen {
		return false, nil
	}
	b.tokenIDs[k] = until
	return true, nil
}
