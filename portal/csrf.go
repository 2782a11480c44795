package portal

import (
	"crypto/subtle"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
)

// headerCSRF is the header that may carry the CSRF token.
const headerCSRF = "X-CSRF-Token"

// errCSRF answers a state-changing request without the right token.
var errCSRF = &httpError{Status: http.StatusForbidden, Title: "Forbidden",
	Detail: "The form has expired or did not come from this site. Please go back, reload the page and try again."}

// checkCSRF requires, for a state-changing request with a cookie session,
// the principal's CSRF token in the X-CSRF-Token header or the csrf_token
// form field. Bearer requests are exempt.
func (s *server) checkCSRF(c *gin.Context) {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		c.Next()
		return
	}
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		s.fail(c, errUnauthenticated)
		return
	}
	if p.Bearer {
		c.Next()
		return
	}
	got := c.GetHeader(headerCSRF)
	if got == "" && c.ContentType() == "application/x-www-form-urlencoded" {
		if err := c.Request.ParseForm(); err != nil {
			s.fail(c, bodyError(err))
			return
		}
		got = c.Request.PostForm.Get("csrf_token")
	}
	if p.CSRFToken == "" || subtle.ConstantTimeCompare([]byte(got), []byte(p.CSRFToken)) != 1 {
		s.fail(c, errCSRF)
		return
	}
	c.Next()
}

// bodyError maps a failure reading a request body: too large is 413,
// anything else 400.
func bodyError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &httpError{Status: http.StatusRequestEntityTooLarge, Title: "Request too large",
			Detail: "The request body is larger than this portal accepts.", err: err}
	}
	return &httpError{Status: http.StatusBadRequest, Title: "Bad request",
		Detail: "The request body could not be read.", err: err}
}
