package auth

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// maxHintSize is the largest ID token kept in the session for the logout
// id_token_hint. A larger token is dropped, keeping the cookie well under
// 4 KB; logout then sends client_id instead, which providers accept.
const maxHintSize = 1500

// refreshEvery is how often a request re-issues the session cookie to
// slide the idle timeout.
const refreshEvery = time.Minute

// session is what the session cookie holds.
type session struct {
	Issuer    string `json:"iss"`
	Subject   string `json:"sub"`
	ContactID string `json:"cid"`
	Email     string `json:"em,omitempty"`
	Name      string `json:"nm,omitempty"`
	CSRF      string `json:"csrf"`
	IDToken   string `json:"idt,omitempty"`
	Created   int64  `json:"ct"`
	LastSeen  int64  `json:"ls"`
}

// expiry is when the session ends: the sooner of its absolute lifetime
// and its idle timeout.
func (s *Service) expiry(ss session) time.Time {
	abs := time.Unix(ss.Created, 0).Add(s.opts.SessionLifetime)
	idle := time.Unix(ss.LastSeen, 0).Add(s.opts.IdleTimeout)
	if idle.Before(abs) {
		return idle
	}
	return abs
}

// principal is the session's principal.
func (ss session) principal() Principal {
	return Principal{
		Identity:  bridge.Identity{Issuer: ss.Issuer, Subject: ss.Subject},
		ContactID: ss.ContactID, Email: ss.Email, Name: ss.Name, CSRFToken: ss.CSRF,
	}
}

// readSession returns the request's live session. A missing, tampered or
// expired cookie is no session (and an expired one is cleared).
func (s *Service) readSession(c *gin.Context) (session, bool) {
	raw, err := c.Cookie(s.cookies.session)
	if err != nil || raw == "" {
		return session{}, false
	}
	ss, ok := s.sessions.get(raw)
	if !ok {
		if s.sealer.open(s.cookies.session, raw, &ss) != nil {
			return session{}, false
		}
		s.sessions.put(raw, ss)
	}
	if ss.ContactID == "" || ss.CSRF == "" || !time.Now().Before(s.expiry(ss)) {
		s.clearCookie(c, s.cookies.session)
		return session{}, false
	}
	return ss, true
}

// writeSession seals ss into the session cookie.
func (s *Service) writeSession(c *gin.Context, ss session) error {
	if len(ss.IDToken) > maxHintSize {
		ss.IDToken = ""
	}
	v, err := s.sealer.seal(s.cookies.session, ss)
	if err != nil {
		return err
	}
	s.setCookie(c, s.cookies.session, v, s.expiry(ss))
	return nil
}

// touch slides the idle timeout, re-issuing the cookie at most once per
// refreshEvery.
func (s *Service) touch(c *gin.Context, ss session) {
	now := time.Now()
	if now.Sub(time.Unix(ss.LastSeen, 0)) < refreshEvery {
		return
	}
	ss.LastSeen = now.Unix()
	if err := s.writeSession(c, ss); err != nil {
		s.opts.Logger.ErrorContext(c.Request.Context(), "auth: refresh session", "err", err.Error())
	}
}
