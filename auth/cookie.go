package auth

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// cookieNames are the session and sign-in flow cookies' names. With Secure
// cookies they carry the __Host- prefix, which pins them to this host and
// path "/".
type cookieNames struct {
	session string
	flow    string
}

func newCookieNames(secure bool) cookieNames {
	if secure {
		return cookieNames{session: "__Host-clientgate_session", flow: "__Host-clientgate_flow"}
	}
	return cookieNames{session: "clientgate_session", flow: "clientgate_flow"}
}

// setCookie writes an HttpOnly, SameSite=Lax cookie for path "/" that
// expires at exp.
func (s *Service) setCookie(c *gin.Context, name, value string, exp time.Time) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: name, Value: value, Path: "/", Expires: exp,
		MaxAge: max(1, int(time.Until(exp).Seconds())), Secure: s.secure,
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
}

// clearCookie deletes a cookie.
func (s *Service) clearCookie(c *gin.Context, name string) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: name, Value: "", Path: "/", MaxAge: -1, Secure: s.secure,
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
}

// readSealed opens the named cookie into v; false when it is missing or
// does not decrypt.
func (s *Service) readSealed(c *gin.Context, name string, v any) bool {
	raw, err := c.Cookie(name)
	if err != nil || raw == "" {
		return false
	}
	return s.sealer.open(name, raw, v) == nil
}
