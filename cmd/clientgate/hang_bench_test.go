package main

import (
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/connectortest"
)

// BenchmarkHangingCRM measures, with wrk, what a signed-in client waits
// for a page whose data is cached while the CRM hangs: the real binary on
// the Jetpack CRM test server, the cache entries past their TTL, the CRM
// answering nothing (each call ends at the connector's 10s timeout), the
// breaker kept closed so that every request meets the hanging CRM. Each
// sub-benchmark sets cache.read_budget; 0 is the old behaviour (wait for
// the CRM). Run: go test ./cmd/clientgate -run '^$' -bench HangingCRM -benchtime 1x
func BenchmarkHangingCRM(b *testing.B) {
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		b.Skip("wrk not installed")
	}
	for _, budget := range []string{"2s", "500ms", "0"} {
		b.Run("read_budget="+budget, func(b *testing.B) {
			for range b.N {
				pc, cookie, crm := hangingPortal(b, budget)
				// The CRM stops answering: each call outlasts the connector's
				// 10s timeout (the test server's handlers end after 15s, so
				// that it can be closed).
				crm.SetLatency(15 * time.Second)
				time.Sleep(1100 * time.Millisecond)
				out := runWrk(b, wrk, pc.base+"/clients/invoices", cookie, budget)
				b.Logf("read_budget %s, CRM hanging, cached page:\n%s", budget, out)
				if strings.Contains(out, "Non-2xx") || strings.Contains(out, "Socket errors") {
					b.Errorf("some requests failed")
				}
				if resp, page := pc.get("/clients/invoices"); budget != "0" &&
					(resp.StatusCode != http.StatusOK || !strings.Contains(page, "banner-stale")) {
					b.Errorf("past the budget: %d, stale notice shown: %v", resp.StatusCode, strings.Contains(page, "banner-stale"))
				}
				for _, q := range []string{"50", "99"} {
					if v, ok := wrkPercentile(out, q); ok {
						b.ReportMetric(v.Seconds()*1000, "ms-p"+q)
					}
				}
			}
		})
	}
}

// hangingPortal serves the portal from the Jetpack CRM test server with
// one-second TTLs and the given read budget, signs in and warms the
// invoices page; it returns the client and its session cookie header.
func hangingPortal(b *testing.B, budget string) (*portalClient, string, interface{ SetLatency(time.Duration) }) {
	crm := testJetpack(b)
	seed := connectortest.StandardSeed()
	crm.Seed(seed)
	email := seed.Contacts[0].Contact.Email
	addr := freeAddr(b)
	op := startProviderFor(b, []string{addr}, devoidc.Person{Email: email, Name: "Client"})
	env := append(baseEnv(b), "CLIENTGATE_LISTEN_ADDR="+addr, "CLIENTGATE_METRICS_ADDR=",
		"CLIENTGATE_DATA_DIR="+b.TempDir(), "CLIENTGATE_CONNECTOR_TYPE=jetpackcrm",
		"CLIENTGATE_CONNECTOR_JETPACKCRM_URL="+crm.URL, "CLIENTGATE_CONNECTOR_JETPACKCRM_API_KEY=k",
		"CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET=s", "CLIENTGATE_CACHE_TTL_CONTACT=1s", "CLIENTGATE_CACHE_TTL_ITEMS=1s",
		"CLIENTGATE_CACHE_READ_BUDGET="+budget, "CLIENTGATE_BREAKER_FAILURES=100000",
		"CLIENTGATE_AUTH_ISSUER="+op.Issuer(), "CLIENTGATE_AUTH_CLIENT_ID=portal", "CLIENTGATE_AUTH_RECHECK_INTERVAL=1h",
		"CLIENTGATE_AUTH_CLIENT_SECRET=portal-secret", "CLIENTGATE_AUTH_SESSION_KEYS="+sessionKey,
		"CLIENTGATE_AUTH_REDIRECT_URL=http://"+addr+"/auth/callback")
	startBinary(b, env, false, "serve")
	pc := newPortalClient(b, addr)
	waitReady(b, pc.base)
	if resp, page := pc.signIn(email); resp.StatusCode != http.StatusOK {
		b.Fatalf("sign-in: %d\n%s", resp.StatusCode, page)
	}
	if resp, _ := pc.get("/clients/invoices"); resp.StatusCode != http.StatusOK {
		b.Fatalf("warm-up: %d", resp.StatusCode)
	}
	u, _ := url.Parse(pc.base)
	var parts []string
	for _, c := range pc.c.Jar.Cookies(u) {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return pc, strings.Join(parts, "; "), crm
}

// runWrk runs wrk for 10s (30s when the budget is 0: each request then
// waits for the CRM's timeout) with the session cookie.
func runWrk(b *testing.B, wrk, target, cookie, budget string) string {
	d := "10s"
	if budget == "0" {
		d = "30s"
	}
	out, err := exec.Command(wrk, "-t2", "-c16", "-d"+d, "--timeout", "40s", "--latency",
		"-H", "Cookie: "+cookie, target).CombinedOutput()
	if err != nil {
		b.Fatalf("wrk: %v\n%s", err, out)
	}
	return string(out)
}

// wrkPercentile reads a latency percentile from wrk --latency output.
func wrkPercentile(out, q string) (time.Duration, bool) {
	m := regexp.MustCompile(`(?m)^\s+` + q + `%\s+([0-9.]+)(us|ms|s|m)\s*$`).FindStringSubmatch(out)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, false
	}
	unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second, "m": time.Minute}[m[2]]
	return time.Duration(v * float64(unit)), true
}
