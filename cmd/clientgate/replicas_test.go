package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// TestTwoReplicasOnPostgres runs two serve processes on one PostgreSQL:
// a session made on one works on the other, and a change of details
// written through one drops the other's cached copy (LISTEN/NOTIFY), well
// before the cache's TTL.
func TestTwoReplicasOnPostgres(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	dir := t.TempDir()
	addrs := []string{freeAddr(t), freeAddr(t)}
	op := startProviderFor(t, addrs, devoidc.Person{Email: "zoe@northwind.example", Name: "Zoë"})
	env := append(baseEnv(t), "CLIENTGATE_DATABASE_DSN="+dsn, "CLIENTGATE_METRICS_ADDR=",
		"CLIENTGATE_AUTH_ISSUER="+op.Issuer(), "CLIENTGATE_AUTH_CLIENT_ID=portal",
		"CLIENTGATE_AUTH_CLIENT_SECRET=portal-secret", "CLIENTGATE_AUTH_SESSION_KEYS="+sessionKey,
		"CLIENTGATE_CACHE_TTL_CONTACT=10m", "CLIENTGATE_CACHE_TTL_ITEMS=10m",
		"CLIENTGATE_AUTH_REDIRECT_URL=http://"+addrs[0]+"/auth/callback") // each replica sets its own below
	if r := runBinary(t, env, "import", writeFile(t, dir, "data.json", e2eData)); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	var clients []*portalClient
	for _, addr := range addrs {
		startBinary(t, append(env, "CLIENTGATE_LISTEN_ADDR="+addr,
			"CLIENTGATE_AUTH_REDIRECT_URL=http://"+addr+"/auth/callback"), false, "serve")
		pc := newPortalClient(t, addr)
		waitReady(t, pc.base)
		clients = append(clients, pc)
	}
	one, two := clients[0], clients[1]
	two.c.Jar = one.c.Jar // one browser, two replicas behind a load balancer
	if resp, page := one.signIn("zoe@northwind.example"); resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in on replica one: %d\n%s", resp.StatusCode, page)
	}
	if phone := mobilePhone(t, two); phone != "" {
		t.Fatalf("replica two before the change: phone %q", phone)
	}
	resp, _ := one.get("/api/v1/me")
	token := resp.Header.Get("X-CSRF-Token")
	req, _ := http.NewRequest(http.MethodPatch, one.base+"/api/v1/me", strings.NewReader(`{"phone_mobile":"+44 20 7946 0000"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", token)
	if resp, body := one.do(req); resp.StatusCode != http.StatusOK {
		t.Fatalf("PATCH on replica one: %d %s", resp.StatusCode, body)
	}
	deadline := time.Now().Add(15 * time.Second)
	for mobilePhone(t, two) != "+44 20 7946 0000" {
		if time.Now().After(deadline) {
			t.Fatal("replica two still serves its cached contact 15s after the change on replica one")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// mobilePhone reads the signed-in contact's mobile phone through pc.
func mobilePhone(t *testing.T, pc *portalClient) string {
	t.Helper()
	resp, body := pc.get("/api/v1/me")
	var me struct {
		Fields map[string]string `json:"fields"`
	}
	if resp.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &me) != nil {
		t.Fatalf("%s/api/v1/me: %d %s", pc.base, resp.StatusCode, body)
	}
	return me.Fields["phone_mobile"]
}
