package portal

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// EndSessionOriginer is what an Authenticator implements when sign-out
// ends at another origin (the OpenID provider's end-session endpoint),
// which the CSP's form-action must then allow. *auth.Service implements
// it; the origin may change once the provider is discovered.
type EndSessionOriginer interface {
	// EndSessionOrigin returns "scheme://host[:port]", or "".
	EndSessionOrigin() string
}

// cspCache is the CSP built for one end-session origin.
type cspCache struct {
	origin string
	csp    []string // the header's value, shared by every answer
}

// policy returns the CSP, rebuilt only when the end-session origin
// changes (once, at discovery).
func (s *server) policy() []string {
	origin := ""
	if o, ok := s.auth.(EndSessionOriginer); ok {
		origin = o.EndSessionOrigin()
	}
	if c := s.cspNow.Load(); c != nil && c.origin == origin {
		return c.csp
	}
	actions := s.formActions
	if origin != "" && !containsString(actions, origin) {
		actions = append(append([]string(nil), actions...), origin)
	}
	c := &cspCache{origin: origin, csp: []string{contentSecurityPolicy(s.brand.logoOrigin, actions)}}
	s.cspNow.Store(c)
	return c.csp
}

func containsString(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// checkOrigins keeps the origins ("https://checkout.example.com") a form
// may end at, refusing anything else.
func checkOrigins(origins []string) ([]string, error) {
	var out []string
	for _, o := range origins {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Path != "" || u.RawQuery != "" ||
			u.User != nil || strings.ContainsAny(o, " ;,'\\\"") {
			return nil, errorf("form action origin %q must be an origin such as https://checkout.example.com", o)
		}
		out = append(out, u.Scheme+"://"+u.Host)
	}
	return out, nil
}

// hstsHeader is Strict-Transport-Security for a portal served over HTTPS
// ("" otherwise, or when maxAge is not positive).
func hstsHeader(publicURL string, maxAge time.Duration) string {
	if !strings.HasPrefix(publicURL, "https://") || maxAge <= 0 {
		return ""
	}
	return "max-age=" + strconv.FormatInt(int64(maxAge.Seconds()), 10)
}
