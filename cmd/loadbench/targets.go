package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/jetpackcrm/jetpacktest"
)

// portal is a running clientgate serve with its own development OpenID
// provider and a signed-in session.
type portal struct {
	proc     *child
	provider *devoidc.Provider
	base     string
	cookie   string
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

// invoicesTarget is the portal's /api/v1/invoices with its session.
func (p *portal) invoicesTarget(name string) Target {
	return Target{Name: name, URL: p.base + "/api/v1/invoices", Cookie: p.cookie}
}

// startPortal starts clientgate serve in its own directory under o.tmp
// with vars added to the base configuration; with importFile set it first
// loads that file into the built-in store. It waits for /readyz and signs
// in as o.email. On error everything started is stopped.
func startPortal(ctx context.Context, o *options, name, importFile string, vars map[string]string) (_ *portal, err error) {
	dir := filepath.Join(o.tmp, name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	metrics, err := freeAddr()
	if err != nil {
		return nil, err
	}
	p := &portal{base: "http://" + addr}
	defer func() {
		if err != nil {
			p.close()
		}
	}()
	clientID, secret := "loadbench", randomHex(16)
	p.provider, err = devoidc.Start(ctx, "127.0.0.1:0", clientID, secret, []string{p.base + "/auth/callback"},
		[]devoidc.Person{{Email: o.email, Name: "Load Bench"}}, devoidc.WithPostLogoutRedirectURLs(p.base+"/"))
	if err != nil {
		return nil, fmt.Errorf("%s: starting the OpenID provider: %w", name, err)
	}
	env := map[string]string{
		"CLIENTGATE_DATA_DIR": dir, "CLIENTGATE_LISTEN_ADDR": addr, "CLIENTGATE_PUBLIC_URL": p.base,
		"CLIENTGATE_METRICS_ADDR": metrics, "CLIENTGATE_LOG_LEVEL": o.logLevel,
		"CLIENTGATE_AUTH_ISSUER": p.provider.Issuer(), "CLIENTGATE_AUTH_CLIENT_ID": clientID,
		"CLIENTGATE_AUTH_CLIENT_SECRET": secret, "CLIENTGATE_AUTH_REDIRECT_URL": p.base + "/auth/callback",
		"CLIENTGATE_AUTH_SESSION_KEYS": randomKey(),
		// One client makes every request: limits high enough never to trip,
		// so that the limiter's cost is measured but not its refusals.
		"CLIENTGATE_RATE_LIMIT_READS_PER_SESSION": "1000000000", "CLIENTGATE_RATE_LIMIT_READS_PER_ADDRESS": "1000000000",
		"CLIENTGATE_RATE_LIMIT_WRITES_PER_SESSION": "1000000000", "CLIENTGATE_RATE_LIMIT_WRITES_PER_ADDRESS": "1000000000",
		"CLIENTGATE_RATE_LIMIT_SIGNIN_PER_ADDRESS": "1000000000",
	}
	for k, v := range vars {
		env[k] = v
	}
	full := childEnv(env)
	if importFile != "" {
		if err := runOnce(ctx, o.bin, full, "import", importFile); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if p.proc, err = startServe(o.bin, full, filepath.Join(dir, "clientgate.log")); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := p.proc.waitReady(ctx, p.base, o.readyTimeout); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if p.cookie, err = signIn(ctx, p.base, o.email); err != nil {
		return nil, fmt.Errorf("%s: %w; clientgate's log:\n%s", name, err, tail(p.proc.log))
	}
	return p, nil
}

// startWarm starts target (b): the built-in SQL store with o.data loaded
// (padded to o.invoices invoices for o.email), cache on.
func startWarm(ctx context.Context, o *options) (*portal, error) {
	data := filepath.Join(o.tmp, "data.json")
	if _, err := padData(o.data, data, o.email, o.invoices); err != nil {
		return nil, err
	}
	return startPortal(ctx, o, "warm", data, map[string]string{
		"CLIENTGATE_CONNECTOR_TYPE": "sqlstore", "CLIENTGATE_CACHE_ENABLED": "true",
	})
}

// startJetpack starts target (c): cache off, the Jetpack CRM connector
// against crm.
func startJetpack(ctx context.Context, o *options, crm *jetpacktest.Server, key, secret string) (*portal, error) {
	return startPortal(ctx, o, "jetpack", "", map[string]string{
		"CLIENTGATE_CONNECTOR_TYPE": "jetpackcrm", "CLIENTGATE_CACHE_ENABLED": "false",
		"CLIENTGATE_CONNECTOR_JETPACKCRM_URL": crm.URL, "CLIENTGATE_CONNECTOR_JETPACKCRM_API_KEY": key,
		"CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET": secret,
	})
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
