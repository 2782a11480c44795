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
// the logo's origin.
func contentSecurityPolicy(logoOrigin string) string {
	img := "'self'"
	if logoOrigin != "" {
		img += " " + logoOrigin
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'", // portal.js only: menu, copy button, time zone detection
		"style-src 'self'",
		"img-src " + img,
		"object-src 'none'",
		"base-uri 'none'",
		"frame-ancestors 'none'",
	}, "; ")
}

// securityHeaders sets the security headers on every answer and bounds the
// request body.
func (s *server) securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", s.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	if c.Request.Body != nil {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxBodyBytes)
	}
	c.Next()
}
