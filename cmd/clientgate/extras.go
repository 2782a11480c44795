package main

import (
	"net/http"
	"strings"

	"clientgate/auth"
	"clientgate/portal/logbuf"
)

// serveExtras are what the demo adds to serving: handlers mounted on the
// portal's server beside the portal (outside its middleware, such as the
// development provider), and changes to the sign-in options; serve only
// passes its log's buffer.
type serveExtras struct {
	mounts      map[string]http.Handler // path prefix → handler
	authOptions func(*auth.Options)
	// stripeClient, when set, sends the Stripe provider's API calls (the
	// demo's stripe-mock transport; see demostripe.go).
	stripeClient *http.Client
	// files is the files library serve opened (set by serveStore).
	files *fileStore
	// logs is the log's buffer (serve; nil: the log is written at once).
	logs *logbuf.Writer
}

// wrap serves each mount under its prefix and everything else with h.
func (ex serveExtras) wrap(h http.Handler) http.Handler {
	if len(ex.mounts) == 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for prefix, m := range ex.mounts {
			if r.URL.Path == prefix || strings.HasPrefix(r.URL.Path, prefix+"/") {
				m.ServeHTTP(w, r)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
