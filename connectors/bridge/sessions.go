package bridge

import (
	"context"
	"time"
)

// Session is a signed-in browser's server-side record. The browser's
// cookie holds a random secret; the store keeps only its hash (ID), so
// reading the table yields no usable cookie.
type Session struct {
	// ID is the hex SHA-256 of the cookie's secret.
	ID string `json:"id"`
	Identity
	// ContactID is the contact the person signs in as; "" for a staff
	// member who is not also a client.
	ContactID string `json:"contact_id"`
	// Staff records that the ID token made the person staff at sign-in
	// (staff.claim and staff.values), which the staff inbox requires on
	// every request. A session needs a contact, Staff, or both.
	Staff bool   `json:"staff"`
	Email string `json:"email"`
	Name  string `json:"name"`
	// SID is the provider's session ID (the ID token's sid claim), used by
	// back-channel logout; "" when the provider sent none.
	SID string `json:"sid,omitempty"`
	// CSRF is the token state-changing requests must carry.
	CSRF string `json:"-"`
	// IDToken is kept for the id_token_hint of RP-initiated logout.
	IDToken   string    `json:"-"`
	UserAgent string    `json:"user_agent"`
	Created   time.Time `json:"created"`
	LastSeen  time.Time `json:"last_seen"`
	// Expires is the absolute end; IdleUntil moves on with LastSeen.
	Expires   time.Time `json:"expires"`
	IdleUntil time.Time `json:"idle_until"`
}

// SessionFilter selects sessions; the zero value selects none. Set fields
// combine with AND, except All, which selects every session.
type SessionFilter struct {
	All bool
	// ID selects one session by its ID.
	ID        string
	ContactID string
	// Email matches the session's email, ignoring case.
	Email string
	// Issuer with Subject and/or SID selects an identity's sessions, or
	// one provider session (back-channel logout).
	Issuer  string
	Subject string
	SID     string
}

// IsZero reports whether the filter selects nothing.
func (f SessionFilter) IsZero() bool { return f == SessionFilter{} }

// SessionStore keeps server-side sessions and the IDs of logout tokens
// already used. Methods wrap connectors.ErrNotFound for a missing record
// and connectors.ErrInvalid for a record that cannot be stored.
type SessionStore interface {
	// CreateSession stores a new session.
	CreateSession(ctx context.Context, s Session) error
	// SessionByID returns a session that has not expired at now, or
	// ErrNotFound.
	SessionByID(ctx context.Context, id string, now time.Time) (Session, error)
	// TouchSession records use at lastSeen and moves the idle end to
	// idleUntil; ErrNotFound when the session is gone.
	TouchSession(ctx context.Context, id string, lastSeen, idleUntil time.Time) error
	// DeleteSessions deletes the sessions the filter selects and returns
	// their IDs; a zero filter deletes nothing.
	DeleteSessions(ctx context.Context, f SessionFilter) ([]string, error)
	// Sessions lists the sessions the filter selects, newest first.
	Sessions(ctx context.Context, f SessionFilter) ([]Session, error)
	// SweepSessions deletes sessions expired (absolutely or idle) at now
	// and logout token IDs remembered until before now; it returns how
	// many sessions it deleted.
	SweepSessions(ctx context.Context, now time.Time) (int, error)
	// UseTokenID remembers a token ID (a logout token's jti) of issuer
	// until until; it reports false when the ID was already remembered,
	// so that each token is accepted once.
	UseTokenID(ctx context.Context, issuer, jti string, until time.Time) (bool, error)
}
