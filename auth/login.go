package auth

import (
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gin-gonic/gin"
	"golang.org/x/oauth2"
)

// login starts the authorization code flow: it stores state, nonce, PKCE
// verifier and the next path in the flow cookie and redirects to the
// provider.
func (s *Service) login(c *gin.Context) {
	rp := s.party()
	if rp == nil {
		s.outcome(OutcomeProviderDown)
		s.page(c, Page{Status: http.StatusServiceUnavailable, Title: "auth.provider_down.title",
			Message: "auth.provider_down.detail", Retry: s.loginURL(c.Query("next"))})
		return
	}
	f := flow{
		State: randomToken(), Nonce: randomToken(), Verifier: oauth2.GenerateVerifier(),
		Next: s.safeNext(c.Query("next")), Expires: time.Now().Add(flowTTL).Unix(),
	}
	v, err := s.sealer.seal(s.cookies.flow, f)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.setCookie(c, s.cookies.flow, v, time.Unix(f.Expires, 0))
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusFound, rp.oauth.AuthCodeURL(f.State, oauth2.S256ChallengeOption(f.Verifier), oidc.Nonce(f.Nonce)))
}

// loginURL is the login route with next as a query parameter.
func (s *Service) loginURL(next string) string {
	return s.opts.RoutePrefix + "/auth/login?next=" + urlQueryEscape(s.safeNext(next))
}
