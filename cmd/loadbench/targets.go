package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/jetpackcrm/jetpacktest"
)

// portal is a running clientgate serve with its own development OpenID
// provider and signed-in sessions.
type portal struct {
	proc     *child
	provider *devoidc.Provider
	base     string
	metrics  string   // the metrics listener's base URL
	cookies  []string // one Cookie header value per signed-in person
	startRSS int64    // RSS once ready, before the sign-ins (0: unknown)
	// startHeap is the live heap once ready, before the sign-ins (0:
	// unknown).
	startHeap int64
	signIns   time.Duration
}

// close stops the process and the provider.
func (p *portal) close() {
	if p.proc != nil {
		p.proc.stop()
	}
	if p.provider != nil {
		p.provider.Close()
	}
}

// invoicesTarget is the portal's /api/v1/invoices with its sessions.
func (p *portal) invoicesTarget(name string) Target {
	return Target{Name: name, URL: p.base + "/api/v1/invoices", Cookies: p.cookies, PID: p.proc.pid()}
}

// pageTarget is the portal's HTML invoices page with its sessions.
func (p *portal) pageTarget(name string) Target {
	return Target{Name: name, URL: p.base + "/clients/invoices", Cookies: p.cookies, PID: p.proc.pid(),
		Accept: "text/html", Check: checkRows}
}

// portalSpec says how to start a clientgate serve.
type portalSpec struct {
	name       string            // its directory under o.tmp, and in messages
	importFile string            // loaded into the built-in store first, when set
	vars       map[string]string // added to benchEnv and the addresses
	emails     []string          // people to sign in once it is ready
	// addr is the listen address ("" picks a free one); provider and
	// secret, when set, are a development provider already running (for
	// replicas that share one) and its client secret.
	addr     string
	provider *devoidc.Provider
	secret   string
}

// clientID is the OpenID client ID of every benchmark portal.
const clientID = "loadbench"

// startPortal starts clientgate serve as spec says, waits for /readyz
// and signs in every one of spec.emails. On error everything it started
// is stopped.
func startPortal(ctx context.Context, o *options, spec portalSpec) (_ *portal, err error) {
	name := spec.name
	dir := filepath.Join(o.tmp, name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	addr := spec.addr
	if addr == "" {
		if addr, err = freeAddr(); err != nil {
			return nil, err
		}
	}
	metrics, err := freeAddr()
	for err == nil && metrics == addr { // a port just closed may be handed out again
		metrics, err = freeAddr()
	}
	if err != nil {
		return nil, err
	}
	p := &portal{base: "http://" + addr, metrics: "http://" + metrics, provider: spec.provider}
	defer func() {
		if err != nil {
			p.close()
		}
	}()
	secret := spec.secret
	if p.provider == nil {
		secret = randomHex(16)
		p.provider, err = devoidc.Start(ctx, "127.0.0.1:0", clientID, secret, []string{p.base + "/auth/callback"},
			people(spec.emails), devoidc.WithPostLogoutRedirectURLs(p.base+"/"))
		if err != nil {
			return nil, fmt.Errorf("%s: starting the OpenID provider: %w", name, err)
		}
	}
	env := benchEnv(o, dir)
	for k, v := range map[string]string{
		"CLIENTGATE_LISTEN_ADDR": addr, "CLIENTGATE_PUBLIC_URL": p.base, "CLIENTGATE_METRICS_ADDR": metrics,
		"CLIENTGATE_AUTH_ISSUER": p.provider.Issuer(), "CLIENTGATE_AUTH_CLIENT_ID": clientID,
		"CLIENTGATE_AUTH_CLIENT_SECRET": secret, "CLIENTGATE_AUTH_REDIRECT_URL": p.base + "/auth/callback",
	} {
		env[k] = v
	}
	for k, v := range spec.vars {
		env[k] = v
	}
	full := childEnv(env)
	if spec.importFile != "" {
		if err := runOnce(ctx, o.bin, full, "import", spec.importFile); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if p.proc, err = startServe(o.bin, full, filepath.Join(dir, "clientgate.log")); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := p.proc.waitReady(ctx, p.base, o.readyTimeout); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p.startRSS, _ = p.proc.rss()
	p.startHeap, _ = liveHeapOf(ctx, p.metrics)
	begin := time.Now()
	if p.cookies, err = signInAll(ctx, p.base, spec.emails); err != nil {
		return nil, fmt.Errorf("%s: %w; clientgate's log:\n%s", name, err, tail(p.proc.log))
	}
	p.signIns = time.Since(begin)
	return p, nil
}

// benchEnv is the configuration every clientgate of the benchmark shares
// (CLIENTGATE_* variables only): a fresh session key, its data in dir,
// the chosen log level, pprof on the metrics listener (for CPU profiles
// and the live heap; the listener is on loopback). Settings that the benchmark must turn off so that one client can send
// thousands of requests a second (rate limits, once they exist) belong
// here, in one place.
func benchEnv(o *options, dir string) map[string]string {
	return map[string]string{
		"CLIENTGATE_DATA_DIR": dir, "CLIENTGATE_LOG_LEVEL": o.logLevel, "CLIENTGATE_AUTH_SESSION_KEYS": randomKey(),
		"CLIENTGATE_METRICS_PPROF": "true",
		// A few clients make every request: limits high enough never to
		// trip, so that the limiter's cost is measured but not its refusals.
		"CLIENTGATE_RATE_LIMIT_READS_PER_SESSION": "1000000000", "CLIENTGATE_RATE_LIMIT_READS_PER_ADDRESS": "1000000000",
		"CLIENTGATE_RATE_LIMIT_WRITES_PER_SESSION": "1000000000", "CLIENTGATE_RATE_LIMIT_WRITES_PER_ADDRESS": "1000000000",
		"CLIENTGATE_RATE_LIMIT_SIGNIN_PER_ADDRESS": "1000000000",
	}
}

// people are the development provider's people for emails.
func people(emails []string) []devoidc.Person {
	out := make([]devoidc.Person, len(emails))
	for i, e := range emails {
		out[i] = devoidc.Person{Email: e, Name: "Load Bench " + strings.SplitN(e, "@", 2)[0]}
	}
	return out
}

// startWarm starts the warm portal: the built-in SQL store with o.data
// loaded (padded to o.invoices invoices for o.email), cache on.
func startWarm(ctx context.Context, o *options) (*portal, error) {
	data := filepath.Join(o.tmp, "data.json")
	if _, err := padData(o.data, data, o.email, o.invoices); err != nil {
		return nil, err
	}
	return startPortal(ctx, o, portalSpec{name: "warm", importFile: data, emails: []string{o.email}, vars: map[string]string{
		"CLIENTGATE_CONNECTOR_TYPE": "sqlstore", "CLIENTGATE_CACHE_ENABLED": "true",
	}})
}

// startJetpack starts the cold portal: cache off, the Jetpack CRM
// connector against crm.
func startJetpack(ctx context.Context, o *options, crm *jetpacktest.Server, key, secret string) (*portal, error) {
	return startPortal(ctx, o, portalSpec{name: "jetpack", emails: []string{o.email}, vars: map[string]string{
		"CLIENTGATE_CONNECTOR_TYPE": "jetpackcrm", "CLIENTGATE_CACHE_ENABLED": "false",
		"CLIENTGATE_CONNECTOR_JETPACKCRM_URL": crm.URL, "CLIENTGATE_CONNECTOR_JETPACKCRM_API_KEY": key,
		"CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET": secret,
	}})
}

// startCRM starts the fake Jetpack CRM with a customer for email holding n
// invoices, answering every call after latency.
func startCRM(email string, n int, latency time.Duration) (crm *jetpacktest.Server, key, secret string) {
	key, secret = randomHex(16), randomHex(16)
	crm = jetpacktest.NewServer(key, secret)
	id := crm.AddContact(jetpacktest.Contact{Fields: map[string]string{
		"status": "Customer", "email": email, "fname": "Load", "lname": "Bench",
	}})
	issued := time.Date(2026, time.January, 5, 9, 0, 0, 0, time.UTC)
	for i := range n {
		crm.AddInvoice(jetpacktest.Invoice{
			ContactID: id, Ref: fmt.Sprintf("INV-2026-%03d", i+1), Status: "Unpaid", Currency: "EUR",
			Date: issued.Unix(), Due: issued.AddDate(0, 0, 30).Unix(),
			Net: "1710.00", Discount: "0.00", Tax: "324.90", Total: "2034.90",
			Lines: []jetpacktest.Line{
				{Title: "Brand workshop", Desc: "One-day workshop with your team", Quantity: "1", Price: "1200.00", Total: "1200.00"},
				{Title: "Logo refinements", Desc: "Hours", Quantity: "6", Price: "85.00", Total: "510.00"},
			},
		})
	}
	crm.SetLatency(latency)
	return crm, key, secret
}

// randomKey returns a base64 session key of 32 random bytes.
func randomKey() string {
	return base64.StdEncoding.EncodeToString(randomBytes(32))
}

func randomHex(n int) string { return hex.EncodeToString(randomBytes(n)) }

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return b
}
