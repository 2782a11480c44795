package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/cache"
)

const e2eData = `{
  "contacts": [
    {"email": "zoe@northwind.example", "first_name": "Zoë", "last_name": "Ångström-Müller"},
    {"email": "bob@example.test", "first_name": "Bob"}
  ],
  "invoices": [
    {"number": "INV-1", "contact_email": "zoe@northwind.example", "status": "unpaid", "currency": "EUR",
     "issued_at": "2026-10-01T00:00:00Z", "due_at": "2099-01-01T00:00:00Z", "total": "120.50", "amount_due": "120.50",
     "lines": [{"title": "Consulting", "quantity": "1", "unit_price": "120.50", "total": "120.50"}]},
    {"number": "INV-2", "contact_email": "zoe@northwind.example", "status": "paid", "currency": "EUR",
     "issued_at": "2026-09-01T00:00:00Z", "paid_at": "2026-09-10T00:00:00Z", "total": "80.00", "amount_due": "0"},
    {"number": "INV-B", "contact_email": "bob@example.test", "status": "unpaid", "currency": "EUR",
     "issued_at": "2026-10-02T00:00:00Z", "due_at": "2099-01-01T00:00:00Z", "total": "9.99", "amount_due": "9.99"}
  ]
}`

const webhookSecret = "e2e-webhook-secret"

// TestServeEndToEnd runs the real binary with sign-in, the cache and the
// metrics listener: a person signs in through the provider, uses the API,
// the cache is purged through the signed webhook, and /metrics shows it all.
func TestServeEndToEnd(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	op := startProviderFor(t, []string{addr}, devoidc.Person{Email: "zoe@northwind.example", Name: "Zoë"})
	cfg := writeFile(t, dir, "c.yaml", `listen: {addr: `+addr+`}
metrics: {addr: 127.0.0.1:0}
data_dir: `+dir+`/data
webhook: {secret: `+webhookSecret+`}
payments:
  provider: stripe
  stripe: {secret_key: sk_test_e2e, webhook_secret: whsec_e2e, api_url: "http://127.0.0.1:9"}
auth:
  issuer: `+op.Issuer()+`
  client_id: portal
  client_secret: portal-secret
  redirect_url: http://`+addr+`/auth/callback
  session_keys: [`+sessionKey+`]
`)
	if r := runBinary(t, baseEnv(t), "import", "--config", cfg, writeFile(t, dir, "data.json", e2eData)); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	p, addrs := startBinary(t, baseEnv(t), true, "serve", "--config", cfg)
	pc := newPortalClient(t, addr)
	waitReady(t, pc.base)

	resp, page := pc.signIn("zoe@northwind.example")
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/clients/" || !strings.Contains(page, "Zoë") {
		t.Fatalf("after sign-in: %d %s\n%s", resp.StatusCode, resp.Request.URL, page)
	}
	checkAPI(t, pc)
	checkBearerLogged(t, pc.base, p)
	checkWebhook(t, pc.base, p)
	checkMetrics(t, "http://"+addrs["metrics"]+"/metrics")
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d after SIGTERM:\n%s", code, p.output())
	}
	checkNoPanic(t, p.output())
	for _, secret := range []string{"portal-secret", webhookSecret} {
		if strings.Contains(p.output(), secret) {
			t.Errorf("the log holds the secret %q", secret)
		}
	}
}

// checkAPI reads the signed-in contact and their invoices twice (the
// second time from the cache), and never sees the other contact's.
func checkAPI(t *testing.T, pc *portalClient) {
	t.Helper()
	resp, body := pc.get("/api/v1/me")
	var me struct{ Email, Name string }
	if resp.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &me) != nil || me.Email != "zoe@northwind.example" {
		t.Fatalf("/api/v1/me: %d %s", resp.StatusCode, body)
	}
	if resp.Header.Get("X-Request-ID") == "" {
		t.Error("no X-Request-ID on the answer")
	}
	for range 2 {
		resp, body = pc.get("/api/v1/invoices")
		var page struct {
			Items []struct{ Number string } `json:"items"`
		}
		if resp.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &page) != nil || len(page.Items) != 2 {
			t.Fatalf("/api/v1/invoices: %d %s", resp.StatusCode, body)
		}
		if strings.Contains(body, "INV-B") {
			t.Fatalf("another contact's invoice leaked: %s", body)
		}
	}
}

// checkWebhook sends one signed, one badly signed and one CLI purge.
func checkWebhook(t *testing.T, base string, p *proc) {
	t.Helper()
	body := []byte(`{"email":"zoe@northwind.example"}`)
	send := func(sig string) int {
		req, _ := http.NewRequest(http.MethodPost, base+webhookPath, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(cache.HeaderTimestamp, strconv.FormatInt(time.Now().Unix(), 10))
		req.Header.Set(cache.HeaderSignature, sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := send(cache.Sign([]byte(webhookSecret), time.Now(), body)); code != http.StatusNoContent {
		t.Errorf("signed webhook = %d, want 204", code)
	}
	if code := send("sha256=" + strings.Repeat("0", 64)); code != http.StatusUnauthorized {
		t.Errorf("badly signed webhook = %d, want 401", code)
	}
	env := append(baseEnv(t), "CLIENTGATE_WEBHOOK_SECRET="+webhookSecret, "CLIENTGATE_PUBLIC_URL="+base)
	if r := runBinary(t, env, "cache", "purge", "--all"); r.code != 0 || !strings.Contains(r.stdout, "cache purged (everything)") {
		t.Errorf("cache purge: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := runBinary(t, env, "cache", "purge", "--all", "--email", "x@example.test"); r.code != 2 {
		t.Errorf("cache purge with two targets: exit %d, want 2", r.code)
	}
}

// checkMetrics scrapes /metrics and checks the series the traffic made,
// and that every metric the deploy/ alerts and dashboard use exists.
func checkMetrics(t *testing.T, url string) {
	t.Helper()
	code, text := get(t, url)
	if code != http.StatusOK {
		t.Fatalf("GET /metrics = %d", code)
	}
	for _, want := range []string{
		`clientgate_http_requests_total{method="GET",route="/api/v1/invoices",status="200"} 2`,
		`clientgate_signins_total{outcome="success"} 1`,
		// the dashboard's read and the first API call; the second is a cache hit
		`clientgate_connector_calls_total{connector="sqlstore",operation="list_invoices",outcome="ok"} 2`,
		`clientgate_cache_hits_total`,
		`clientgate_breaker_state{connector="sqlstore"} 0`,
		`clientgate_webhook_invalidations_total{outcome="ok"} 2`,
		`clientgate_link_conflicts_total 0`,
		`clientgate_log_records_dropped_total 0`,
		`clientgate_http_request_duration_seconds_bucket`,
		`process_resident_memory_bytes`, `go_goroutines`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if regexp.MustCompile(`route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}`).MatchString(text) {
		t.Error("a route label holds a raw ID")
	}
	checkDeployQueries(t, text)
}

// checkBearerLogged sends a bad bearer token with a request ID: auth's
// log line about it carries that ID, like the access log line.
func checkBearerLogged(t *testing.T, base string, p *proc) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer not-a-token")
	req.Header.Set("X-Request-ID", "e2e-bearer-0001")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("bad bearer token = %d, want 401", resp.StatusCode)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		rejected, access := p.logged("auth: bearer token rejected"), p.loggedWith("http request", "request_id", "e2e-bearer-0001")
		if rejected != nil && access != nil {
			if rejected["request_id"] != "e2e-bearer-0001" {
				t.Errorf("auth's log line lacks the request ID: %v", rejected)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no bearer rejection or access line logged:\n%s", p.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
