// Package portal serves the client portal: HTML pages and a JSON API on a
// Gin engine, backed only by a connectors.Connector and a bridge.Store.
//
// A request walks: recover → request ID → access log → security headers →
// session (the Authenticator) → CSRF → contact and settings → handler →
// respond, which writes HTML or JSON.
package portal

import (
	"context"
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
	"clientgate/portal/documents"
)

// Authenticator signs people in and puts an auth.Principal on requests.
// *auth.Service implements it.
type Authenticator interface {
	// Routes registers /auth/login, /auth/callback and /auth/logout.
	Routes(r gin.IRouter)
	// Pages guards HTML routes: it sets a principal or redirects to sign-in.
	Pages() gin.HandlerFunc
	// API guards JSON routes: cookie session or bearer token, else 401.
	API() gin.HandlerFunc
}

// Branding is how the portal presents itself.
type Branding struct {
	// Name is the portal's name, shown in every page header.
	Name string
	// LogoURL is an absolute http(s) URL or a local path of the logo.
	LogoURL string
	// AccentColor is a CSS hex colour such as "#0a7d5a".
	AccentColor string
}

// Options configure New.
type Options struct {
	// Connector is the CRM; required.
	Connector connectors.Connector
	// Bridge keeps settings, the audit log and calendar tokens; required
	// when Auth is set.
	Bridge bridge.Store
	// Auth signs people in; nil serves only /healthz and /readyz.
	Auth Authenticator
	// Ready answers /readyz: 200 when it returns nil, else 503. Nil means
	// always ready. It runs after ReadyChecks, as a check named "ready".
	Ready func(ctx context.Context) error
	// ReadyChecks are the named checks of /readyz (see ReadyCheck).
	ReadyChecks []ReadyCheck
	// AccessLogProbes writes /healthz and /readyz requests to the access
	// log too; by default they are left out.
	AccessLogProbes bool
	// ReadBudget is how long a request waits for the CRM before the cache
	// answers with the stale value it holds (connectors.WithReadDeadline);
	// 0 sets no budget.
	ReadBudget time.Duration
	// PreferencesTTL is how long a contact's preferences (language, time
	// zone), once read from the bridge, are used before they are read
	// again; a change saved through this portal shows at once, one saved
	// on another replica within it. 0 reads them on every request.
	PreferencesTTL time.Duration
	// BasePath is where the HTML pages live; default "/clients".
	BasePath string
	// Enabled turns the portal on; when false every portal route answers
	// 503 with a "portal closed" page or problem.
	Enabled bool
	// Branding is the name, logo and accent colour on every page.
	Branding Branding
	// Modules are the global module switches by name ("invoices",
	// "quotes", "transactions", "tasks", "details"); a missing name is on.
	Modules map[string]bool
	// EditableFields may be changed by clients; HiddenFields are never
	// shown. A field in both is hidden.
	EditableFields, HiddenFields []connectors.Field
	// CompanyItemsDefault lets every contact see their company's items,
	// not only those whose settings say so.
	CompanyItemsDefault bool
	// PublicURL is the portal's external origin, such as
	// "https://portal.example.com", for absolute links (calendar feed).
	PublicURL string
	// TrustedProxies are the proxy addresses or CIDRs whose
	// X-Forwarded-For is believed for the client IP; nil trusts none.
	TrustedProxies []string
	// Business is who runs the portal: name, address and ways to reach
	// them, on every page's footer and on error pages.
	Business Business
	// Languages are the offered languages (shipped ones, see package
	// i18n); every shipped language when empty. DefaultLanguage is for
	// clients whose saved preference, CRM locale and browser name none of
	// them; English when empty.
	Languages       []string
	DefaultLanguage string
	// DefaultTimeZone is the IANA time zone of clients who have saved none
	// (the browser's is detected and saved on their first page); UTC when
	// empty.
	DefaultTimeZone string
	// FormActionOrigins are origins besides the portal's own where a form
	// may legitimately end (CSP form-action), such as a payment provider's
	// checkout. The Authenticator's end-session origin is added when it
	// implements EndSessionOriginer.
	FormActionOrigins []string
	// HSTSMaxAge is the Strict-Transport-Security max-age sent when
	// PublicURL is https (0: no header).
	HSTSMaxAge time.Duration
	// Files is the files module (the document library and uploads); nil
	// hides it.
	Files files.Library
	// RateLimits bound requests per session and per client address.
	RateLimits RateLimits
	// CursorKeys seal the paging cursors handed to clients (HMAC-SHA256,
	// bound to the contact and the list): the first seals, all open. cmd
	// derives them from the session keys; every replica needs the same.
	// Nil makes one random key (cursors then work on this process only).
	CursorKeys [][]byte
	// Payments turns online payment of invoices on (see Payments).
	Payments Payments
	// Documents renders invoice and quote PDFs; nil makes a renderer
	// with Go's fonts only (Latin, Greek, Cyrillic).
	Documents *documents.Renderer
	// Conversations keeps tickets and the message threads of items (the
	// bridge's sqlstore, for every connector); nil hides the tickets and
	// messages modules.
	Conversations connectors.Conversations
	// Inbox is the staff side of Conversations: with it, people whose
	// session is staff (auth.Principal.Staff) use the pages under /staff.
	// Nil turns them off.
	Inbox bridge.Inbox
	// TicketCategories are what a client chooses from when opening a
	// ticket (shown as written); none: tickets have no category.
	TicketCategories []string
	// Invites sends "your portal is ready" emails from the staff inbox;
	// nil while email is off.
	Invites Inviter
	// FileNotices tells clients of files staff shared with them; nil
	// while email is off.
	FileNotices FileNotifier
	// Forms are the operator's forms, which clients submit as tickets of
	// the form's kind (the forms module; needs Conversations).
	Forms []Form
	// Middleware runs on every request right after the access log, such
	// as the Prometheus metrics of portal/httpmetrics.
	Middleware []gin.HandlerFunc
	// Logger receives access and error logs; default slog.Default().
	Logger *slog.Logger
}

// New builds the portal's Gin engine. It validates the options (unknown
// modules or fields, a bad colour or logo URL are errors) and parses every
// template once.
func New(o Options) (*gin.Engine, error) {
	s, err := newServer(o)
	if err != nil {
		return nil, err
	}
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = true
	if err := e.SetTrustedProxies(o.TrustedProxies); err != nil {
		return nil, errorf("trusted proxies: %w", err)
	}
	s.routes(e)
	return e, nil
}
