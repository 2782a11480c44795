package portal

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	gocache "github.com/patrickmn/go-cache"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
	"clientgate/portal/documents"
	"clientgate/portal/i18n"
	"clientgate/portal/reqid"
)

// server holds what every handler needs, validated once by newServer.
type server struct {
	conn        connectors.Connector
	store       bridge.Store
	auth        Authenticator
	log         *slog.Logger
	readyChecks []ReadyCheck
	logProbes   bool
	readBudget  time.Duration
	base        string // "" or a path such as "/clients", no trailing slash
	enabled     bool
	brand       brand
	modules     map[string]bool
	// defaultModules is effectiveModules of a contact without switches of
	// its own, made on first use.
	defaultModules     map[string]bool
	defaultModulesOnce sync.Once
	editable           []connectors.Field // PatchableFields order, none hidden
	hidden             map[connectors.Field]bool
	companyDefault     bool
	publicURL          string // origin without trailing slash, or ""
	pages              *pageSet
	cat                *i18n.Catalog   // the offered languages' messages
	en                 *i18n.Localizer // English, for the API's problem details
	business           business
	layoutTexts        layoutTexts    // the layout's wording per language
	zone               *time.Location // the default time zone
	zones              sync.Map       // time zone name → *time.Location (see zoneNamed)
	zoneCount          atomic.Int32
	cursors            *cursorSealer
	bodies             *bodyMemo                 // encoded API lists (see respondList)
	prefetches         map[string][]prefetchRead // route → reads (see prefetchReads)
	formActions        []string                  // origins besides our own a form may end at
	cspNow             atomic.Pointer[cspCache]
	hsts               []string // Strict-Transport-Security's value, or nil
	limits             *limiters
	pay                Payments            // online payment (see payments.go)
	receipts           *gocache.Cache      // receipt links by attempt ID (see receipt)
	docs               *documents.Renderer // invoice and quote PDFs
	now                func() time.Time
	extra              []gin.HandlerFunc
	files              files.Library            // nil: no files module
	uploads            map[string]int64         // upload route → its body limit
	conv               connectors.Conversations // nil: no tickets or messages
	inbox              bridge.Inbox             // nil: no staff pages
	categories         []string
	invites            Inviter      // nil: email is off
	fileNotices        FileNotifier // nil: email is off
	forms              []Form       // the operator's forms (see forms.go)
}

// errorf builds an error prefixed with the package name.
func errorf(format string, args ...any) error {
	return fmt.Errorf("portal: "+format, args...)
}

// newServer validates o and builds the server.
func newServer(o Options) (*server, error) {
	if o.Connector == nil {
		return nil, errors.New("portal: a connector is required")
	}
	if o.Auth != nil && o.Bridge == nil {
		return nil, errors.New("portal: a bridge store is required with an authenticator")
	}
	s := &server{
		conn: o.Connector, store: withPreferencesMemo(o.Bridge, o.PreferencesTTL), auth: o.Auth, log: o.Logger,
		readyChecks: readyChecksOf(o), logProbes: o.AccessLogProbes, readBudget: o.ReadBudget,
		enabled: o.Enabled, companyDefault: o.CompanyItemsDefault,
		now:   func() time.Time { return time.Now().UTC() },
		extra: o.Middleware, files: o.Files, uploads: map[string]int64{},
		conv: o.Conversations, inbox: o.Inbox, categories: o.TicketCategories, invites: o.Invites,
		fileNotices: o.FileNotices,
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	// The portal's own lines carry the request ID whatever handler the
	// caller gave (a second wrapper adds nothing: the ID is there).
	s.log = slog.New(reqid.Handler(s.log.Handler()))
	var errs []error
	var err error
	if s.base, err = cleanBase(o.BasePath); err != nil {
		errs = append(errs, err)
	}
	if s.brand, err = newBrand(o.Branding); err != nil {
		errs = append(errs, err)
	}
	if s.publicURL, err = cleanPublicURL(o.PublicURL); err != nil {
		errs = append(errs, err)
	}
	if s.modules, err = checkModules(o.Modules); err != nil {
		errs = append(errs, err)
	}
	if err = s.setFields(o.EditableFields, o.HiddenFields); err != nil {
		errs = append(errs, err)
	}
	if s.pages, err = parsePages(); err != nil {
		errs = append(errs, err)
	}
	if err = s.setLocale(o); err != nil {
		errs = append(errs, err)
	}
	if s.business, err = newBusiness(o.Business, s.brand.Name); err != nil {
		errs = append(errs, err)
	}
	if s.formActions, err = checkOrigins(o.FormActionOrigins); err != nil {
		errs = append(errs, err)
	}
	if err = checkForms(o.Forms, o.Files != nil); err != nil {
		errs = append(errs, err)
	}
	s.forms = o.Forms
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.cursors = newCursorSealer(o.CursorKeys)
	s.bodies = newBodyMemo(defaultMemoBytes, defaultMemoTTL)
	s.setPrefetches()
	if v := hstsHeader(s.publicURL, o.HSTSMaxAge); v != "" {
		s.hsts = []string{v}
	}
	s.limits = newLimiters(o.RateLimits)
	s.setPayments(o.Payments)
	if s.docs, err = documentRenderer(o.Documents); err != nil {
		return nil, err
	}
	return s, nil
}

// cleanBase checks the base path and removes a trailing slash.
func cleanBase(p string) (string, error) {
	if p == "" {
		p = "/clients"
	}
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") ||
		strings.ContainsAny(p, ":*?#% \t\r\n\\") || strings.Contains(p, "/api/") {
		return "", errorf("base path %q must be a plain absolute path such as /clients", p)
	}
	p = strings.TrimRight(p, "/")
	if p == "/api" || p == "/auth" || p == "/healthz" || p == "/readyz" {
		return "", errorf("base path %q is reserved", p)
	}
	return p, nil
}

// cleanPublicURL checks PublicURL is an http(s) origin (a path is kept).
func cleanPublicURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", errorf("public URL %q must be an http(s) URL such as https://portal.example.com", raw)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// setFields keeps the editable fields that are not hidden and that the
// connector can write, in display order, and rejects unknown field names.
func (s *server) setFields(editable, hidden []connectors.Field) error {
	var bad []string
	s.hidden = map[connectors.Field]bool{}
	for _, f := range hidden {
		if !slices.Contains(connectors.PatchableFields, f) {
			bad = append(bad, string(f))
		}
		s.hidden[f] = true
	}
	for _, f := range editable {
		if !slices.Contains(connectors.PatchableFields, f) {
			bad = append(bad, string(f))
		}
	}
	caps := s.conn.Capabilities()
	for _, f := range connectors.PatchableFields {
		if slices.Contains(editable, f) && !s.hidden[f] && caps.CanWrite(f) {
			s.editable = append(s.editable, f)
		}
	}
	if len(bad) > 0 {
		return errorf("unknown contact fields: %s", strings.Join(bad, ", "))
	}
	return nil
}

// isEditable reports whether clients may change field f.
func (s *server) isEditable(f connectors.Field) bool { return slices.Contains(s.editable, f) }

// visibleFields lists the contact fields shown to clients, in order.
func (s *server) visibleFields() []connectors.Field {
	var out []connectors.Field
	for _, f := range connectors.PatchableFields {
		if !s.hidden[f] {
			out = append(out, f)
		}
	}
	return out
}
