package auth

import (
	"clientgate/connectors/bridge"

	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// problemPath shows a failed sign-in at an address of its own: the
// callback redirects there, so that reloading shows the same page rather
// than replaying a callback whose flow cookie is gone.
const problemPath = "/auth/problem"

// problemTTL is how long such an address keeps showing its page.
const problemTTL = 24 * time.Hour

// problemPurpose binds sealed problem values to this use.
const problemPurpose = "clientgate_problem"

// shownProblem is what a problem address carries, sealed: the page's
// message IDs and arguments, status and retry link.
type shownProblem struct {
	Status  int    `json:"s"`
	Title   string `json:"t"`
	Message string `json:"m"`
	Next    string `json:"n,omitempty"`
	Email   string `json:"e,omitempty"`
	Retry   string `json:"r,omitempty"`
	// SignOut offers to sign out of the provider, to use another account.
	SignOut bool  `json:"o,omitempty"`
	Expires int64 `json:"x"`
}

// showProblem redirects to the problem address of r.
func (s *Service) showProblem(c *gin.Context, r *refusal, retry string) {
	sp := shownProblem{Status: r.status, Title: r.title, Message: r.message, Next: r.next, Retry: retry,
		SignOut: r.outcome != OutcomeBackendError && r.status == http.StatusForbidden,
		Expires: time.Now().Add(problemTTL).Unix()}
	if len(r.args) == 2 {
		sp.Email, _ = r.args[1].(string)
	}
	v, err := s.sealer.seal(problemPurpose, sp)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusSeeOther, s.opts.RoutePrefix+problemPath+"?p="+urlQueryEscape(v))
	c.Abort()
}

// problemPage answers GET /auth/problem: the page a failed sign-in sealed
// into its address, or "sign-in expired" for an address that is too old
// or was tampered with.
func (s *Service) problemPage(c *gin.Context) {
	var sp shownProblem
	if s.sealer.open(problemPurpose, c.Query("p"), &sp) != nil || time.Now().Unix() > sp.Expires || sp.Status < 400 {
		s.page(c, Page{Status: http.StatusBadRequest, Title: "auth.expired.title", Message: "auth.expired.detail",
			Retry: s.loginURL("")})
		return
	}
	p := Page{Status: sp.Status, Title: sp.Title, Message: sp.Message, Next: sp.Next, Retry: sp.Retry}
	if sp.Email != "" {
		p.Args = []any{"Email", sp.Email}
	}
	if sp.SignOut {
		if rp := s.party(); rp != nil && rp.endSession != "" {
			p.ProviderSignOut = s.endSessionURL(bridge.Session{})
		}
	}
	s.page(c, p)
}
