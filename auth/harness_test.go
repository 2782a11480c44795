package auth_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/auth/devoidc"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
)

const (
	clientID     = "clientgate-test"
	clientSecret = "test-secret"
	// apiAudience is the audience bearer tokens must name.
	apiAudience = "clientgate-api"
)

// The demo people every test provider offers.
var (
	alice    = devoidc.Person{Subject: "sub-alice", Email: "Alice@Example.com", Name: "Alice Able"}
	bob      = devoidc.Person{Subject: "sub-bob", Email: "bob@example.com", Name: "Bob Baker"}
	carol    = devoidc.Person{Subject: "sub-carol", Email: "carol@example.com", Name: "Carol Unverified", UnverifiedEmail: true}
	dave     = devoidc.Person{Subject: "sub-dave", Email: "dave@example.com", Name: "Dave Twice"}
	erin     = devoidc.Person{Subject: "sub-erin", Email: "erin@example.com", Name: "Erin New"}
	sam      = devoidc.Person{Subject: "sub-sam", Email: "sam.staff@example.com", Name: "Sam Staff", Groups: []string{"other", "portal-staff"}}
	everyone = []devoidc.Person{alice, bob, carol, dave, erin, sam}
)

// site is one auth.Service mounted at a base path of the test server.
type site struct {
	base string
	// prefix is where the auth routes are mounted: the root for a single
	// site, as in production; each site's base when several share a server.
	prefix string
	keys   [][]byte
	opts   func(*auth.Options)
	svc    *auth.Service
}

// env is a provider, a CRM, a bridge and a portal server with one or more
// sites, all in this process.
type env struct {
	t        *testing.T
	op       *devoidc.Provider
	crm      *fake.Connector
	br       *fake.Bridge
	srv      *httptest.Server
	sites    map[string]*site
	logs     *syncBuffer
	outcomes *outcomeLog
	down     *atomic.Bool // when true the services cannot reach the provider
}

var (
	key1 = bytes.Repeat([]byte{1}, auth.KeySize)
	key2 = bytes.Repeat([]byte{2}, auth.KeySize)
)

// newEnv starts everything with one site at /clients unless sites are given.
func newEnv(t *testing.T, sites ...*site) *env {
	t.Helper()
	return newEnvWith(t, nil, sites...)
}

// newEnvWith is newEnv with provider options made from the portal
// server's public URL.
func newEnvWith(t *testing.T, providerOpts func(public string) []devoidc.Option, sites ...*site) *env {
	t.Helper()
	if len(sites) == 0 {
		sites = []*site{{base: "/clients"}}
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	e := &env{t: t, crm: fake.New(), br: fake.NewBridge(), sites: map[string]*site{},
		logs: &syncBuffer{}, outcomes: &outcomeLog{}, down: &atomic.Bool{}}
	e.srv = httptest.NewUnstartedServer(nil)
	t.Cleanup(e.srv.Close)
	public := "http://" + e.srv.Listener.Addr().String()
	var redirects, homes []string
	for _, s := range sites {
		homes = append(homes, public+s.base+"/")
		if len(sites) > 1 {
			s.prefix = s.base
		}
		redirects = append(redirects, public+s.prefix+"/auth/callback")
	}
	popts := []devoidc.Option{devoidc.WithPostLogoutRedirectURLs(homes...), devoidc.WithAPIAudience(apiAudience)}
	if providerOpts != nil {
		popts = append(popts, providerOpts(public)...)
	}
	op, err := devoidc.Start(ctx, "127.0.0.1:0", clientID, clientSecret, redirects, everyone, popts...)
	if err != nil {
		t.Fatalf("start provider: %v", err)
	}
	t.Cleanup(op.Close)
	e.op = op
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	for _, s := range sites {
		e.mount(ctx, engine, public, s)
	}
	e.srv.Config.Handler = engine
	e.srv.Start()
	for _, s := range sites {
		e.waitReady(s.svc)
	}
	return e
}

// mount builds a site's service and its test routes.
func (e *env) mount(ctx context.Context, engine *gin.Engine, public string, s *site) {
	keys := s.keys
	if keys == nil {
		keys = [][]byte{key1}
	}
	opts := auth.Options{
		Issuer: e.op.Issuer(), ClientID: clientID, ClientSecret: clientSecret,
		RedirectURL: public + s.prefix + "/auth/callback", SessionKeys: keys,
		PublicURL: public, BasePath: s.base, RoutePrefix: s.prefix, Connector: e.crm, Bridge: e.br,
		Logger:     slog.New(slog.NewTextHandler(e.logs, nil)),
		HTTPClient: &http.Client{Transport: switchable{e.down}, Timeout: 10 * time.Second},
		OnSignIn:   e.outcomes.add,
		// Re-read links and settings on every request, so that the tests
		// of revocation mid-session see it at once (checkmemo_test.go
		// covers the memo).
		RecheckInterval: -1,
		APIAudience:     apiAudience,
		APIClients:      []string{clientID},
	}
	if s.opts != nil {
		s.opts(&opts)
	}
	svc, err := auth.New(ctx, opts)
	if err != nil {
		e.t.Fatalf("auth.New: %v", err)
	}
	s.svc = svc
	e.sites[s.base] = s
	svc.Routes(engine.Group(s.prefix))
	g := engine.Group(s.base)
	g.GET("/me", svc.Pages(), showPrincipal)
	g.POST("/me", svc.Pages(), showPrincipal)
	g.GET("/api/me", svc.API(), showPrincipal)
	g.GET("/hooked", recordSessionHook, svc.Pages(), showPrincipal)
}

// hookedHeader carries, on the answers of /hooked, the contact ID the
// session hook was called with.
const hookedHeader = "X-Test-Session-Hook"

// recordSessionHook sets a session hook that names its contact ID in a
// header of the answer.
func recordSessionHook(c *gin.Context) {
	auth.SetSessionHook(c, func(c *gin.Context, contactID string, _ bridge.ContactSettings) {
		c.Header(hookedHeader, contactID)
	})
	c.Next()
}

func showPrincipal(c *gin.Context) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		c.String(http.StatusInternalServerError, "no principal")
		return
	}
	c.JSON(http.StatusOK, p)
}

// waitReady waits for discovery to succeed (it retries with backoff).
func (e *env) waitReady(svc *auth.Service) {
	e.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for svc.Ready(context.Background()) != nil {
		if time.Now().After(deadline) {
			e.t.Fatal("provider discovery did not succeed")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// url returns the absolute URL of a path on the portal server.
func (e *env) url(path string) string { return e.srv.URL + path }

// addContact adds a contact with portal access.
func (e *env) addContact(email string) connectors.Contact {
	return e.crm.AddContact(connectors.Contact{Email: email, FirstName: "Test", PortalAccess: true})
}

// switchable is a transport that fails while down is set.
type switchable struct{ down *atomic.Bool }

func (s switchable) RoundTrip(r *http.Request) (*http.Response, error) {
	if s.down.Load() {
		return nil, errors.New("test: provider unreachable")
	}
	return http.DefaultTransport.RoundTrip(r)
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// outcomeLog records OnSignIn calls.
type outcomeLog struct {
	mu   sync.Mutex
	list []string
}

func (o *outcomeLog) add(s string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.list = append(o.list, s)
}

func (o *outcomeLog) last() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.list) == 0 {
		return ""
	}
	return o.list[len(o.list)-1]
}

// body reads and closes a response body.
func body(t *testing.T, r *http.Response) string {
	t.Helper()
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return string(b)
}

// query returns a query parameter of a URL.
func query(t *testing.T, raw, name string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("parse %q: %v", raw, err)
	}
	return u.Query().Get(name)
}

// contains fails unless s contains want.
func contains(t *testing.T, s, want string) {
	t.Helper()
	if !strings.Contains(s, want) {
		t.Errorf("want %q in:\n%s", want, s)
	}
}
