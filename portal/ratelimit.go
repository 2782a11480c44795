package portal

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/httprate"

	"clientgate/auth"
)

// RateLimits bound how many requests one session and one client address
// may make per Window; a zero count leaves that class unlimited. Writes
// (POST, PUT, PATCH, DELETE) count against their own, smaller limits.
// The counters live in each replica's memory: behind N replicas a client
// may get up to N times the limit (see README, "Rate limits").
type RateLimits struct {
	// Window is the sliding window the counts are over (default 1m).
	Window time.Duration
	// SignInPerAddress bounds /auth/* requests (sign-in, callback,
	// sign-out, back-channel logout) per client address.
	SignInPerAddress int
	// ReadsPerSession and WritesPerSession bound a signed-in session's
	// (or bearer identity's) pages and API calls.
	ReadsPerSession, WritesPerSession int
	// ReadsPerAddress and WritesPerAddress bound everything one client
	// address sends to the portal and the API, signed in or not.
	ReadsPerAddress, WritesPerAddress int
	// OnLimited, when set, is called with the limit's name ("signin",
	// "session_read", ...) each time a request is refused, for metrics.
	OnLimited func(limit string)
}

// limiter is one class of limit.
type limiter struct {
	name string
	rl   *httprate.RateLimiter
}

// limiters are the portal's classes of limits; nil entries are off.
type limiters struct {
	signIn, sessionRead, sessionWrite, addrRead, addrWrite *limiter
	window                                                 time.Duration
	onLimited                                              func(string)
}

func newLimiters(o RateLimits) *limiters {
	if o.Window <= 0 {
		o.Window = time.Minute
	}
	mk := func(name string, n int) *limiter {
		if n <= 0 {
			return nil
		}
		return &limiter{name: name, rl: httprate.NewRateLimiter(n, o.Window,
			httprate.WithResponseHeaders(httprate.ResponseHeaders{RetryAfter: "Retry-After"}))}
	}
	return &limiters{
		signIn:      mk("signin", o.SignInPerAddress),
		sessionRead: mk("session_read", o.ReadsPerSession), sessionWrite: mk("session_write", o.WritesPerSession),
		addrRead: mk("address_read", o.ReadsPerAddress), addrWrite: mk("address_write", o.WritesPerAddress),
		window: o.Window, onLimited: o.OnLimited,
	}
}

// isWrite reports whether a request changes state.
func isWrite(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// errRateLimited answers a request over a limit.
var errRateLimited = messageError(http.StatusTooManyRequests, "error.rate_limited")

// over reports whether key used up l (and answers the request when so).
func (s *server) over(c *gin.Context, l *limiter, key string) bool {
	if l == nil || !l.rl.OnLimit(c.Writer, c.Request, key) {
		return false
	}
	if c.Writer.Header().Get("Retry-After") == "" {
		c.Header("Retry-After", strconv.Itoa(int(s.limits.window.Seconds())))
	}
	if s.limits.onLimited != nil {
		s.limits.onLimited(l.name)
	}
	s.fail(c, errRateLimited)
	return true
}

// limitSignIn bounds the sign-in routes per client address.
func (s *server) limitSignIn(c *gin.Context) {
	if s.over(c, s.limits.signIn, httprate.CanonicalizeIP(c.ClientIP())) {
		return
	}
	c.Next()
}

// limitAddress bounds pages and API calls per client address, before
// any sign-in work is done.
func (s *server) limitAddress(c *gin.Context) {
	l := s.limits.addrRead
	if isWrite(c.Request) {
		l = s.limits.addrWrite
	}
	if s.over(c, l, httprate.CanonicalizeIP(c.ClientIP())) {
		return
	}
	c.Next()
}

// limitSession bounds pages and API calls per session (or bearer
// identity); it runs after the Authenticator.
func (s *server) limitSession(c *gin.Context) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		c.Next()
		return
	}
	key := "s:" + p.SessionID
	if p.SessionID == "" {
		key = "b:" + p.Actor()
	}
	l := s.limits.sessionRead
	if isWrite(c.Request) {
		l = s.limits.sessionWrite
	}
	if s.over(c, l, key) {
		return
	}
	c.Next()
}
