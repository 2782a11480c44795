package auth

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// maxHintSize is the largest ID token kept in the session for the logout
// id_token_hint; logout sends client_id alone without it, which
// providers accept.
const maxHintSize = 8192

// maxUserAgent bounds the user agent kept in a session record.
const maxUserAgent = 256

// refreshEvery is how often, at most, a session's last use is written to
// the store (which slides its idle timeout).
const refreshEvery = time.Minute

// secretSize is the length in bytes of a session cookie's random secret.
const secretSize = 32

// errNoSession means the request carries no live session.
var errNoSession = errors.New("auth: no session")

// sessionID returns the store's ID of a cookie secret: its hex SHA-256.
// It returns "" for a value that is not a secret this package made, so
// that garbage never reaches the store.
func sessionID(secret string) string {
	raw, err := base64.RawURLEncoding.DecodeString(secret)
	if err != nil || len(raw) != secretSize || len(secret) != base64.RawURLEncoding.EncodedLen(secretSize) {
		return ""
	}
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// live reports whether ss may be used at now.
func live(ss bridge.Session, now time.Time) bool {
	return now.Before(ss.Expires) && now.Before(ss.IdleUntil) && (ss.ContactID != "" || ss.Staff) && ss.CSRF != ""
}

// principal is the session's principal.
func principal(ss bridge.Session) Principal {
	return Principal{Identity: ss.Identity, ContactID: ss.ContactID, Email: ss.Email, Name: ss.Name,
		CSRFToken: ss.CSRF, SessionID: ss.ID, Staff: ss.Staff}
}

// readSession returns the request's live session: from the replica's
// memory when it was read recently, else from the store. A missing,
// malformed, unknown or expired cookie is errNoSession (and is cleared);
// a store failure is returned as such.
func (s *Service) readSession(c *gin.Context) (bridge.Session, error) {
	raw, err := c.Cookie(s.cookies.session)
	if err != nil || raw == "" {
		return bridge.Session{}, errNoSession
	}
	ss, err := s.lookupSession(c.Request.Context(), sessionID(raw))
	if errors.Is(err, errNoSession) {
		s.clearCookie(c, s.cookies.session)
	}
	return ss, err
}

// lookupSession finds a live session by ID.
func (s *Service) lookupSession(ctx context.Context, id string) (bridge.Session, error) {
	if id == "" {
		return bridge.Session{}, errNoSession
	}
	now := time.Now()
	if ss, ok := s.sessions.get(id); ok && live(ss, now) {
		return ss, nil
	}
	ss, err := s.opts.Bridge.SessionByID(ctx, id, now)
	switch {
	case errors.Is(err, connectors.ErrNotFound):
		s.sessions.del(id)
		return bridge.Session{}, errNoSession
	case err != nil:
		return bridge.Session{}, fmt.Errorf("%w: session: %w", errBackend, err)
	case !live(ss, now):
		return bridge.Session{}, errNoSession
	}
	s.sessions.put(id, ss)
	return ss, nil
}

// startSession stores a new session for a sign-in and sets its cookie. A
// session the browser held before is ended (no session fixation).
func (s *Service) startSession(c *gin.Context, ss bridge.Session) error {
	if old, err := c.Cookie(s.cookies.session); err == nil {
		if id := sessionID(old); id != "" {
			s.endSessions(c.Request.Context(), bridge.SessionFilter{ID: id})
		}
	}
	secret := randomToken()
	now := time.Now()
	ss.ID = sessionID(secret)
	ss.CSRF = randomToken()
	ss.Created, ss.LastSeen = now, now
	ss.Expires = now.Add(s.opts.SessionLifetime)
	ss.IdleUntil = minTime(now.Add(s.opts.IdleTimeout), ss.Expires)
	ss.UserAgent = truncate(c.Request.UserAgent(), maxUserAgent)
	if len(ss.IDToken) > maxHintSize {
		ss.IDToken = ""
	}
	if err := s.opts.Bridge.CreateSession(c.Request.Context(), ss); err != nil {
		return fmt.Errorf("%w: create session: %w", errBackend, err)
	}
	s.sessions.put(ss.ID, ss)
	s.setCookie(c, s.cookies.session, secret, ss.Expires)
	return nil
}

// touch records use of the session at most once per refreshEvery, which
// slides its idle timeout. A failure is logged; the request goes on.
func (s *Service) touch(ctx context.Context, ss bridge.Session) {
	now := time.Now()
	if now.Sub(ss.LastSeen) < refreshEvery {
		return
	}
	ss.LastSeen, ss.IdleUntil = now, minTime(now.Add(s.opts.IdleTimeout), ss.Expires)
	if err := s.opts.Bridge.TouchSession(ctx, ss.ID, ss.LastSeen, ss.IdleUntil); err != nil {
		s.opts.Logger.WarnContext(ctx, "auth: recording session use failed", "err", err.Error())
		return
	}
	s.sessions.put(ss.ID, ss)
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// truncate cuts s to at most n bytes on a rune boundary; text that
// CheckText refuses is dropped.
func truncate(s string, n int) string {
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "")
	}
	if connectors.CheckText(s, connectors.TextRule{}) != nil {
		return ""
	}
	return s
}
