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
var errCSRF = messageError(http.StatusForbidden, "error.csrf")

// checkCSRF requires, for a state-changing request with a cookie session,
// the principal's CSRF token in the X-CSRF-Token header or the csrf_token
// form field (the first part of a multipart form, see multipartToken).
// Bearer requests are exempt.
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
	if got == "" && c.ContentType() == "multipart/form-data" {
		var err error
		if got, err = multipartToken(c); err != nil {
			s.fail(c, bodyError(err))
			return
		}
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
		return &httpError{Status: http.StatusRequestEntityTooLarge, Title: "error.too_large.title",
			Detail: "error.too_large.detail", err: err}
	}
	return &httpError{Status: http.StatusBadRequest, Title: "error.bad_body.title",
		Detail: "error.bad_body.detail", err: err}
}
