package portal

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// maxBodyBytes bounds every request body.
const maxBodyBytes = 64 << 10

// contentSecurityPolicy builds the CSP: everything from our own origin
// (scripts only from our static files, never inline), images also from
// the logo's origin, and forms that may end only here or at formAction's
// origins (browsers apply form-action to the redirect after a post too:
// the provider's end-session endpoint after sign-out, a payment
// provider's checkout).
func contentSecurityPolicy(logoOrigin string, formAction []string) string {
	img := "'self'"
	if logoOrigin != "" {
		img += " " + logoOrigin
	}
	forms := strings.Join(append([]string{"'self'"}, formAction...), " ")
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'", // portal.js only: menu, copy button, time zone detection
		"style-src 'self'",
		"img-src " + img,
		"object-src 'none'",
		"form-action " + forms,
		"base-uri 'none'",
		"frame-ancestors 'none'",
	}, "; ")
}

// bodyLimit is the most a request's body may hold: maxBodyBytes, or more
// for a multipart request to a route that takes uploads (registered in
// s.uploads; the same routes' JSON and forms keep the small limit).
func (s *server) bodyLimit(c *gin.Context) int64 {
	if n, ok := s.uploads[c.FullPath()]; ok && c.ContentType() == "multipart/form-data" {
		return n
	}
	return maxBodyBytes
}

// Values of the fixed security headers.
var (
	nosniff    = []string{"nosniff"}
	sameOrigin = []string{"same-origin"}
	frameDeny  = []string{"DENY"}
)

// securityHeaders sets the security headers on every answer and bounds the
// request body.
func (s *server) securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	// The values are shared by every answer (h.Set would allocate each):
	// headers are replaced or deleted, never changed in place.
	h["Content-Security-Policy"] = s.policy()
	if s.hsts != nil {
		h["Strict-Transport-Security"] = s.hsts
	}
	h["X-Content-Type-Options"] = nosniff
	h["Referrer-Policy"] = sameOrigin
	h["X-Frame-Options"] = frameDeny
	if c.Request.Body != nil {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.bodyLimit(c))
	}
	c.Next()
}
