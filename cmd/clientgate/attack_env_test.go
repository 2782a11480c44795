package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/uuid"

	"clientgate/auth/devoidc"
	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/files"
	"clientgate/connectors/sqlstore"
)

// The attack suite runs the whole portal in this process (SQLite store
// with the demo data, cache, development provider) and attacks it over
// HTTP. Zoë (victim's neighbour) and Priya are two clients of different
// companies.
const (
	attackAPIAudience   = "clientgate-api"
	attackWebhookSecret = "attack-webhook-secret-0123"
	zoe                 = "zoe@northwind.example"
	priya               = "priya@brightside.example"
)

// attackEnv is a running portal, its provider and its store.
type attackEnv struct {
	t     *testing.T
	cfg   *config.Config
	addr  string
	op    *devoidc.Provider
	store *sqlstore.Store
	// items are each contact's item IDs by kind (see sweepKinds).
	items map[string]map[string][]string
	ids   map[string]string // email → contact ID
}

// startAttackEnv serves the demo data with sign-in, the cache and the
// webhook; edit may change the configuration.
func startAttackEnv(t *testing.T, edit func(*config.Config)) *attackEnv {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	op, err := devoidc.Start(ctx, "127.0.0.1:0", "portal", "portal-secret", []string{"http://" + addr + "/auth/callback"},
		[]devoidc.Person{{Email: zoe, Name: "Zoë"}, {Email: priya, Name: "Priya"}, demoStaff},
		devoidc.WithPostLogoutRedirectURLs("http://"+addr+"/clients/"), devoidc.WithAPIAudience(attackAPIAudience),
		devoidc.WithBackChannelLogoutURL("http://"+addr+"/auth/backchannel-logout"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := demoConfig(addr, "http://"+addr, t.TempDir())
	cfg.Auth.Issuer, cfg.Auth.ClientID, cfg.Auth.ClientSecret = op.Issuer(), "portal", "portal-secret"
	cfg.Auth.RedirectURL, cfg.Auth.SessionKeys = "http://"+addr+"/auth/callback", []string{sessionKey}
	cfg.Auth.APIAudience, cfg.Auth.APIClients = attackAPIAudience, []string{"portal"}
	cfg.Webhook.Secret = attackWebhookSecret
	cfg.RateLimit = config.RateLimitConfig{Window: cfg.RateLimit.Window} // the rate limit test sets its own
	attackPayments(cfg)
	if edit != nil {
		edit(cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	if err := importDemoData(ctx, store, log); err != nil {
		t.Fatal(err)
	}
	if err := importDemoFiles(ctx, cfg, store, log); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- serveStore(ctx, cfg, store, log, serveExtras{}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("serve: %v", err)
		}
		op.Close()
		store.Close()
	})
	waitReady(t, "http://"+addr)
	e := &attackEnv{t: t, cfg: cfg, addr: addr, op: op, store: store, items: map[string]map[string][]string{}, ids: map[string]string{}}
	for _, email := range []string{zoe, priya} {
		e.collect(email)
	}
	return e
}

// collect reads a contact's item IDs of every kind from the store.
func (e *attackEnv) collect(email string) {
	ctx := context.Background()
	c, err := e.store.FindContactByEmail(ctx, email)
	if err != nil {
		e.t.Fatal(err)
	}
	e.ids[email] = c.ID
	s := connectors.Scope{ContactID: c.ID}
	p := connectors.PageRequest{Limit: connectors.MaxLimit}
	byKind := map[string][]string{}
	inv, err1 := e.store.ListInvoices(ctx, s, p)
	q, err2 := e.store.ListQuotes(ctx, s, p)
	tasks, err3 := e.store.ListTasks(ctx, s, p)
	ticket, err4 := e.store.CreateTicket(ctx, s, connectors.NewTicket{Subject: "Ticket of " + email, Category: "Billing", Body: "private"})
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		e.t.Fatal(err)
	}
	byKind["ticket"] = []string{ticket.ID}
	for _, x := range inv.Items {
		byKind["invoice"] = append(byKind["invoice"], x.ID)
	}
	for _, x := range q.Items {
		byKind["quote"] = append(byKind["quote"], x.ID)
	}
	for _, x := range tasks.Items {
		byKind["task"] = append(byKind["task"], x.ID)
	}
	own, err := e.store.OwnerFiles(ctx, files.ContactOwner(c.ID), p)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, x := range own.Items {
		byKind["file"] = append(byKind["file"], x.ID)
	}
	byKind["attachment"], byKind["contact"] = []string{e.attach(email)}, []string{c.ID}
	for _, kind := range sweepKinds {
		if len(byKind[kind]) == 0 {
			e.t.Fatalf("%s has no %s in the demo data: the sweep would prove nothing", email, kind)
		}
	}
	e.items[email] = byKind
}

// client returns a signed-in cookie client of the person with email.
func (e *attackEnv) client(email string) *portalClient {
	e.t.Helper()
	pc := newPortalClient(e.t, e.addr)
	resp, page := pc.signIn(email)
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("sign-in of %s: %d\n%s", email, resp.StatusCode, page)
	}
	return pc
}

// csrf returns the CSRF token of pc's session.
func (e *attackEnv) csrf(pc *portalClient) string {
	e.t.Helper()
	resp, _ := pc.get("/api/v1/me")
	tok := resp.Header.Get("X-CSRF-Token")
	if tok == "" {
		e.t.Fatalf("no CSRF token: %d", resp.StatusCode)
	}
	return tok
}

// send makes a request with pc (nil: no cookies) and returns the answer.
func (e *attackEnv) send(pc *portalClient, method, path string, body io.Reader, header http.Header) (*http.Response, string) {
	e.t.Helper()
	if pc == nil {
		pc = newPortalClient(e.t, e.addr)
	}
	req, err := http.NewRequest(method, "http://"+e.addr+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	return pc.noRedirect().do(req)
}

// noRedirect returns a copy of pc that does not follow redirects.
func (p *portalClient) noRedirect() *portalClient {
	c := *p.c
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &portalClient{t: p.t, base: p.base, c: &c}
}

// form is a url-encoded body with its content type.
func form(v url.Values) (io.Reader, http.Header) {
	return strings.NewReader(v.Encode()), http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
}

// allowedRefusals are the statuses a refusal may have; anything else
// (500, 502, a 200 for what must be refused) fails the suite.
var allowedRefusals = map[int]bool{400: true, 401: true, 403: true, 404: true, 405: true, 409: true, 413: true, 415: true, 422: true, 429: true}

// personOf is the provider's person with email.
func personOf(email string) devoidc.Person { return devoidc.Person{Email: email} }

// postLogoutToken sends a logout token to the portal's back-channel
// logout endpoint.
func postLogoutToken(e *attackEnv, tok string) (int, error) {
	return devoidc.PostLogoutToken(context.Background(), "http://"+e.addr+"/auth/backchannel-logout", tok)
}

// attach opens a ticket of the person with email with a file attached,
// through the same store and file storage as the server, and returns the
// attachment's ID (through the store: the API's writes would count
// against the rate limit tests' budget).
func (e *attackEnv) attach(email string) string {
	e.t.Helper()
	ctx := context.Background()
	fs, err := openFiles(ctx, e.cfg, e.store, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		e.t.Fatal(err)
	}
	defer fs.close()
	postID := uuid.NewString()
	f, err := fs.lib.Upload(ctx, files.Upload{Owner: files.Owner{Kind: files.OwnerPost, ID: postID},
		Uploader: files.Uploader{Kind: files.ByContact, ID: e.ids[email]}, Name: "private.txt", Body: strings.NewReader("private words of " + email)})
	if err == nil {
		_, err = e.store.CreateTicket(ctx, connectors.Scope{ContactID: e.ids[email]}, connectors.NewTicket{Subject: "Attachment of " + email,
			Category: "Billing", Body: "private", PostID: postID})
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return f.ID
}

// ticketCount counts the tickets of the person with email.
func (e *attackEnv) ticketCount(email string) int {
	e.t.Helper()
	page, err := e.store.ListTickets(context.Background(), connectors.Scope{ContactID: e.ids[email]}, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err != nil {
		e.t.Fatal(err)
	}
	return len(page.Items)
}
