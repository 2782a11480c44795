package auth

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultSessionLifetime = 12 * time.Hour
	DefaultIdleTimeout     = 2 * time.Hour
	DefaultClockSkew       = time.Minute
	// DefaultRecheckInterval is how long a session's link and portal
	// settings, once read, are trusted before they are read again.
	DefaultRecheckInterval = 2 * time.Second
	// DefaultSessionCacheTTL is how long a replica trusts a session record
	// it read before reading it again (revocations broadcast at once).
	DefaultSessionCacheTTL = 10 * time.Second
	// DefaultSweepInterval is how often expired sessions are deleted.
	DefaultSweepInterval = 10 * time.Minute
)

// DefaultScopes are requested when Options.Scopes is empty.
var DefaultScopes = []string{"openid", "email", "profile"}

// Options configure a Service. cmd copies them from the configuration.
type Options struct {
	// Issuer is the OpenID provider's issuer URL, used for discovery.
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is the absolute URL of this service's /auth/callback.
	RedirectURL string
	// Scopes to request; DefaultScopes when empty. Must include openid.
	Scopes []string
	// SessionKeys are 32-byte keys; the first encrypts, all decrypt.
	SessionKeys [][]byte
	// SessionLifetime is the absolute lifetime of a session.
	SessionLifetime time.Duration
	// IdleTimeout ends a session unused for this long.
	IdleTimeout time.Duration
	// ClockSkew is the leeway allowed on token expiry.
	ClockSkew time.Duration
	// RecheckInterval is how long a session's link and bridge settings,
	// once read, are trusted before a request reads them again
	// (DefaultRecheckInterval when 0; negative: on every request). The
	// contact's own portal access is read through the connector on every
	// request.
	RecheckInterval time.Duration
	// SessionCacheTTL is how long a replica keeps a session record it read
	// in memory (DefaultSessionCacheTTL when 0; negative: read the store on
	// every request). Sessions ended on another replica are forgotten at
	// once when a Broadcaster is set, else within this time.
	SessionCacheTTL time.Duration
	// SweepInterval is how often expired sessions and logout token IDs
	// are deleted (DefaultSweepInterval when 0).
	SweepInterval time.Duration
	// Broadcaster, when set, tells the other replicas about ended sessions.
	Broadcaster SessionBroadcaster
	// AllowUnverifiedEmail links by email even when the provider does not
	// say the email is verified. Dangerous: anyone able to register that
	// address at the provider gets the contact.
	AllowUnverifiedEmail bool
	// AutoProvision creates a CRM contact for a verified email that
	// matches none.
	AutoProvision bool
	// APIAudience is the audience a bearer token must name to be accepted
	// by the JSON API (Dex's cross-client audience, a Keycloak audience
	// mapper, an Auth0 API identifier). It must differ from ClientID, so
	// that the portal's own ID token is never an API credential. Empty
	// turns bearer access off.
	APIAudience string
	// APIClients are the clients (azp, or RFC 9068's client_id) whose
	// tokens the API accepts. A token whose aud holds several values needs
	// one in this list; with an empty list such tokens are refused, and single-audience
	// tokens are accepted from any client.
	APIClients []string
	// Introspection checks tokens that are not JWTs (opaque access
	// tokens) at the provider's RFC 7662 introspection endpoint,
	// authenticating as IntrospectionClientID (ClientID when empty) with
	// IntrospectionClientSecret (ClientSecret when empty).
	Introspection             bool
	IntrospectionClientID     string
	IntrospectionClientSecret string
	// PublicURL is the portal's public base URL; cookies are Secure unless
	// it is plain HTTP on a loopback host.
	PublicURL string
	// InsecureCookies drops the Secure flag from cookies even when
	// PublicURL is not plain-HTTP loopback. Only for the demo served on a
	// local network over plain HTTP, where browsers would not send Secure
	// cookies back.
	InsecureCookies bool
	// BasePath is where the portal is mounted, such as "/clients"; "next"
	// paths must stay inside it.
	BasePath string
	// RoutePrefix is where Routes is mounted: "" (the default) serves
	// /auth/login, /auth/callback and /auth/logout at the root, as
	// operators configure them (auth.redirect_url ends in /auth/callback).
	RoutePrefix string
	// PostLogoutRedirectURL is where the provider sends the browser after
	// sign-out; PublicURL + BasePath + "/" when empty.
	PostLogoutRedirectURL string
	Connector             connectors.Connector
	Bridge                bridge.Store
	// StaffClaim and StaffValues make a person staff: their ID token holds
	// the claim (a dotted name reaches into objects) with one of the
	// values, as a string or in a list of strings. The session records it
	// at sign-in (Principal.Staff). Staff sign in even without a contact;
	// they get one only through a stored link (see resolveStaff). No
	// values: nobody is staff.
	StaffClaim  string
	StaffValues []string
	// StaffPath is where the staff pages live, such as "/staff"; sign-in
	// may come back to paths under it as under BasePath. "" for none.
	StaffPath string
	// OnProvisioned, when set, is called after a contact was created for a
	// new person on sign-in (auto-provisioning) and linked, such as to
	// tell the staff; it must not block.
	OnProvisioned func(ctx context.Context, c connectors.Contact)
	// Logger receives sign-in outcomes; slog.Default() when nil.
	Logger *slog.Logger
	// HTTPClient talks to the provider; http.DefaultClient when nil.
	HTTPClient *http.Client
	// OnSignIn, when set, is called with each browser sign-in's outcome
	// (one of the Outcome constants), for metrics; OutcomeAmbiguous counts
	// link conflicts. Bearer requests do not call it.
	OnSignIn func(outcome string)
	// OnAuthEvent, when set, is called with each back-channel logout's and
	// bearer token's outcome (kind EventBackChannelLogout or EventBearer;
	// outcome "ok" or why it was refused), for metrics.
	OnAuthEvent func(kind, outcome string)
}

// withDefaults fills zero fields and checks the rest, listing every problem.
func (o Options) withDefaults() (Options, error) {
	if len(o.Scopes) == 0 {
		o.Scopes = DefaultScopes
	}
	o.SessionLifetime = orDefault(o.SessionLifetime, DefaultSessionLifetime)
	o.IdleTimeout = orDefault(o.IdleTimeout, DefaultIdleTimeout)
	if o.ClockSkew == 0 {
		o.ClockSkew = DefaultClockSkew
	}
	if o.RecheckInterval == 0 {
		o.RecheckInterval = DefaultRecheckInterval
	}
	if o.SessionCacheTTL == 0 {
		o.SessionCacheTTL = DefaultSessionCacheTTL
	}
	o.SweepInterval = orDefault(o.SweepInterval, DefaultSweepInterval)
	if o.IntrospectionClientID == "" {
		o.IntrospectionClientID, o.IntrospectionClientSecret = o.ClientID, cmp.Or(o.IntrospectionClientSecret, o.ClientSecret)
	}
	o.BasePath = strings.TrimRight(o.BasePath, "/")
	if o.PostLogoutRedirectURL == "" {
		o.PostLogoutRedirectURL = strings.TrimRight(o.PublicURL, "/") + o.BasePath + "/"
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	return o, o.check()
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

func (o Options) check() error {
	var errs []error
	for name, v := range map[string]string{"Issuer": o.Issuer, "ClientID": o.ClientID, "RedirectURL": o.RedirectURL, "PublicURL": o.PublicURL} {
		if v == "" {
			errs = append(errs, fmt.Errorf("auth: %s is required", name))
		}
	}
	if !slices.Contains(o.Scopes, "openid") {
		errs = append(errs, errors.New("auth: Scopes must include openid"))
	}
	if o.IdleTimeout > o.SessionLifetime {
		errs = append(errs, errors.New("auth: IdleTimeout must not exceed SessionLifetime"))
	}
	if o.ClockSkew < 0 {
		errs = append(errs, errors.New("auth: ClockSkew must not be negative"))
	}
	if o.BasePath != "" && !strings.HasPrefix(o.BasePath, "/") {
		errs = append(errs, errors.New("auth: BasePath must start with /"))
	}
	if o.APIAudience != "" && o.APIAudience == o.ClientID {
		errs = append(errs, errors.New("auth: APIAudience must differ from ClientID: the portal's ID token must not be an API credential"))
	}
	if o.Introspection && o.APIAudience == "" {
		errs = append(errs, errors.New("auth: Introspection needs an APIAudience"))
	}
	if o.StaffPath != "" && (!strings.HasPrefix(o.StaffPath, "/") || strings.HasSuffix(o.StaffPath, "/")) {
		errs = append(errs, errors.New("auth: StaffPath must start with / and not end with /"))
	}
	if o.Connector == nil || o.Bridge == nil {
		errs = append(errs, errors.New("auth: Connector and Bridge are required"))
	}
	return errors.Join(errs...)
}

// insecureLoopback reports whether publicURL is plain HTTP on a loopback
// host, the one case where cookies may go without the Secure flag.
func insecureLoopback(publicURL string) bool {
	u, err := url.Parse(publicURL)
	if err != nil || u.Scheme != "http" {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
