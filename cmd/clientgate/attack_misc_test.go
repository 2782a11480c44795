package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"clientgate/cache"
	"clientgate/config"
	"clientgate/connectors"
)

// TestAttackWebhookReplay: a signed invalidation works once; replays in
// another spelling, another encoding or with a re-encoded body never do.
func TestAttackWebhookReplay(t *testing.T) {
	e := startAttackEnv(t, nil)
	secret := []byte(attackWebhookSecret)
	body := []byte(`{"all":true}`)
	now := time.Now()
	sig := cache.Sign(secret, now, body)
	hexPart := strings.TrimPrefix(sig, "sha256=")
	post := func(b []byte, ts, signature string) int {
		h := http.Header{"Content-Type": {"application/json"}, cache.HeaderTimestamp: {ts}, cache.HeaderSignature: {signature}}
		resp, _ := e.send(nil, http.MethodPost, "/hooks/invalidate", bytes.NewReader(b), h)
		return resp.StatusCode
	}
	ts := strconv.FormatInt(now.Unix(), 10)
	if code := post(body, ts, sig); code != http.StatusNoContent {
		t.Fatalf("genuine invalidation: %d", code)
	}
	raw, _ := json.Marshal(string(body))
	for name, r := range map[string]struct {
		body    []byte
		ts, sig string
	}{
		"same":              {body, ts, sig},
		"upper-case hex":    {body, ts, "sha256=" + strings.ToUpper(hexPart)},
		"one letter upper":  {body, ts, "sha256=" + strings.ToUpper(hexPart[:1]) + hexPart[1:]},
		"upper-case prefix": {body, ts, "SHA256=" + hexPart},
		"base64 MAC":        {body, ts, "sha256=" + base64.StdEncoding.EncodeToString([]byte(hexPart))},
		"leading zero ts":   {body, "0" + ts, sig},
		"plus-signed ts":    {body, "+" + ts, sig},
		"spaced body":       {[]byte(`{"all": true}`), ts, sig},
		"body as a string":  {raw, ts, sig},
		"trailing newline":  {append(append([]byte{}, body...), '\n'), ts, sig},
	} {
		if code := post(r.body, r.ts, r.sig); code == http.StatusNoContent || !allowedRefusals[code] {
			t.Errorf("%s: %d", name, code)
		}
	}
}

// TestAttackForgedCursors: a cursor the portal did not hand to this contact
// for this list is a 400, on the API and the pages.
func TestAttackForgedCursors(t *testing.T) {
	e := startAttackEnv(t, nil)
	zc, pc := e.client(zoe), e.client(priya)
	_, body := pc.get("/api/v1/invoices?limit=1")
	var page struct {
		Next string `json:"next_cursor"`
	}
	if err := json.Unmarshal([]byte(body), &page); err != nil || page.Next == "" {
		t.Fatalf("Priya's first page: %v %s", err, body)
	}
	for name, path := range map[string]string{
		"another contact's cursor":    "/api/v1/invoices?limit=1&cursor=" + page.Next,
		"another list's cursor":       "/api/v1/quotes?limit=1&cursor=" + page.Next,
		"a raw connector offset":      "/api/v1/invoices?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("o1:1")),
		"garbage":                     "/api/v1/transactions?cursor=%00%ff",
		"another contact's, on pages": "/clients/invoices?limit=1&cursor=" + page.Next,
		"oversized":                   "/clients/tasks?cursor=" + strings.Repeat("A", 5000),
	} {
		if resp, _ := e.send(zc, http.MethodGet, path, nil, nil); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d", name, resp.StatusCode)
		}
	}
}

// ownSentQuote returns one of the contact's quotes that can be decided.
func (e *attackEnv) ownSentQuote(email string) string {
	for id, st := range e.quoteStates(email) {
		if st == connectors.QuoteSent {
			return id
		}
	}
	e.t.Fatalf("%s has no sent quote", email)
	return ""
}

// TestAttackCSRF: every write with a cookie session needs the session's
// own CSRF token; none, a wrong one or another session's is 403 and
// changes nothing.
func TestAttackCSRF(t *testing.T) {
	e := startAttackEnv(t, nil)
	zc, pc := e.client(zoe), e.client(priya)
	foreign := e.csrf(pc)
	quote := e.ownSentQuote(zoe)
	before := e.quoteStates(zoe)
	uploaded, err := e.store.UploadedBytes(context.Background(), e.ids[zoe]) // her own attachment (see collect)
	if err != nil {
		t.Fatal(err)
	}
	tickets := e.ticketCount(zoe)
	for _, w := range writeRoutes {
		path := strings.ReplaceAll(strings.ReplaceAll(w.path, "{own}", quote), "{own_invoice}", e.items[zoe]["invoice"][0])
		for name, token := range map[string]string{"no token": "", "another session's token": foreign, "garbage": "x"} {
			h := http.Header{"Content-Type": {w.contentType}}
			if token != "" {
				h.Set("X-Csrf-Token", token)
			}
			resp, _ := e.send(zc, w.method, path, strings.NewReader(w.body), h)
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s with %s: %d", w.method, path, name, resp.StatusCode)
			}
		}
	}
	if after := e.quoteStates(zoe); after[quote] != before[quote] {
		t.Errorf("a forged request decided the quote: %s", after[quote])
	}
	if used, err := e.store.UploadedBytes(context.Background(), e.ids[zoe]); err != nil || used != uploaded {
		t.Errorf("forged uploads stored %d bytes (%v)", used-uploaded, err)
	}
	if n := e.ticketCount(zoe); n != tickets {
		t.Errorf("forged requests opened %d tickets", n-tickets)
	}
	c, _ := e.store.GetContact(context.Background(), e.ids[zoe])
	if strings.HasPrefix(c.MobilePhone, "+44 20 7946") {
		t.Errorf("a forged request changed the phone: %q", c.MobilePhone)
	}
	body, h := form(url.Values{"csrf_token": {foreign}})
	if resp, _ := e.send(zc, http.MethodPost, "/auth/logout", body, h); resp.StatusCode != http.StatusForbidden {
		t.Errorf("sign-out with another session's token: %d", resp.StatusCode)
	}
}

// TestAttackOpenRedirects: whatever "next" a sign-in link carries, the
// browser lands inside the portal.
func TestAttackOpenRedirects(t *testing.T) {
	e := startAttackEnv(t, nil)
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example", "%2F%2Fevil.example",
		"/clients/../..//evil.example", "javascript:alert(1)", "/clients/%0d%0aLocation:%20https://evil.example",
		"\\\\evil.example", "/%5Cevil.example", "http:evil.example", "/clients@evil.example"} {
		pc := newPortalClient(t, e.addr)
		pc.c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if via[len(via)-1].URL.Path == "/auth/callback" && via[len(via)-1].URL.Host == e.addr {
				return http.ErrUseLastResponse
			}
			return nil
		}
		resp, page := pc.get("/auth/login?next=" + url.QueryEscape(next))
		m := regexp.MustCompile(`name="sub" value="([^"]+)">\s*<button type="submit"><span class="name">[^<]*</span><span class="email">&lt;` +
			regexp.QuoteMeta(zoe)).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("next %q: no picker (%d)", next, resp.StatusCode)
		}
		picker := *resp.Request.URL
		picker.RawQuery = ""
		resp, _ = pc.do(mustForm(t, picker.String(), url.Values{"id": {resp.Request.URL.Query().Get("id")}, "sub": {m[1]}}))
		loc := resp.Header.Get("Location")
		if !strings.HasPrefix(loc, "/clients/") || strings.HasPrefix(loc, "//") || strings.Contains(loc, "\\") {
			t.Errorf("next %q: the sign-in ends at %q", next, loc)
		}
	}
}

// TestAttackHeaders: every kind of answer carries the security headers.
func TestAttackHeaders(t *testing.T) {
	e := startAttackEnv(t, nil)
	zc := e.client(zoe)
	for _, path := range []string{"/clients/", "/api/v1/invoices", "/clients/nothing", "/api/v1/nothing", "/auth/login?next=/clients/",
		"/clients/static/style.css", "/clients/invoices?cursor=bad"} {
		resp, _ := e.send(zc, http.MethodGet, path, nil, nil)
		csp := resp.Header.Get("Content-Security-Policy")
		// Forms may end here, at the provider's sign-out and at Stripe's
		// checkout (the Pay form's redirect).
		issuer, _ := url.Parse(e.op.Issuer())
		for _, want := range []string{"default-src 'self'", "script-src 'self'",
			"form-action 'self' https://checkout.stripe.com http://" + issuer.Host + ";",
			"base-uri 'none'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"} {
			if resp.Header.Get(k) != v {
				t.Errorf("%s: %s = %q", path, k, resp.Header.Get(k))
			}
		}
		if resp.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS over plain HTTP", path)
		}
	}
}

// TestAttackBodies: oversized and malformed bodies are refused with a
// clear status, never a 5xx.
func TestAttackBodies(t *testing.T) {
	e := startAttackEnv(t, nil)
	zc := e.client(zoe)
	tok := e.csrf(zc)
	huge := strings.Repeat("a", 1<<20)
	for _, r := range []struct {
		name, method, path, ct, body string
		want                         int
	}{
		{"huge JSON", "PATCH", "/api/v1/me", "application/json", `{"phone_mobile":"` + huge + `"}`, 413},
		{"huge form", "POST", "/clients/details", "application/x-www-form-urlencoded", "phone_mobile=" + huge, 413},
		{"malformed JSON", "PATCH", "/api/v1/me", "application/json", `{"phone_mobile":`, 400},
		{"JSON array", "PATCH", "/api/v1/me", "application/json", `[1,2]`, 400},
		{"invalid UTF-8", "PATCH", "/api/v1/me", "application/json", "{\"phone_mobile\":\"1\xff2\"}", 422},
		{"unpaired surrogate", "PATCH", "/api/v1/me", "application/json", `{"phone_mobile":"1\udc002"}`, 422},
		{"bidi override", "PATCH", "/api/v1/me", "application/json", `{"phone_mobile":"\u202e0000"}`, 422},
		{"bidi in the form", "POST", "/clients/details", "application/x-www-form-urlencoded", "phone_mobile=%E2%80%AE1", 422},
		{"NUL in the form", "POST", "/clients/details", "application/x-www-form-urlencoded", "phone_mobile=1%002", 422},
		{"wrong content type", "PATCH", "/api/v1/me", "text/plain", `{}`, 415},
		{"huge webhook", "POST", "/hooks/invalidate", "application/json", huge, 413},
		{"huge logout token", "POST", "/auth/backchannel-logout", "application/x-www-form-urlencoded", "logout_token=" + huge, 400},
	} {
		h := http.Header{"Content-Type": {r.ct}, "X-Csrf-Token": {tok}}
		if r.path == "/hooks/invalidate" {
			h.Set(cache.HeaderTimestamp, strconv.FormatInt(time.Now().Unix(), 10))
			h.Set(cache.HeaderSignature, cache.Sign([]byte(attackWebhookSecret), time.Now(), []byte(r.body)))
		}
		resp, _ := e.send(zc, r.method, r.path, strings.NewReader(r.body), h)
		if resp.StatusCode != r.want {
			t.Errorf("%s: %d, want %d", r.name, resp.StatusCode, r.want)
		}
	}
	for name, h := range map[string]http.Header{
		"huge cookie":        {"Cookie": {"clientgate_session=" + strings.Repeat("Q", 8000)}},
		"huge authorization": {"Authorization": {"Bearer " + strings.Repeat("Q", 30000)}},
		"two bearer tokens":  {"Authorization": {"Bearer a", "Bearer b"}},
	} {
		resp, _ := e.send(nil, http.MethodGet, "/api/v1/me", nil, h)
		if !allowedRefusals[resp.StatusCode] {
			t.Errorf("%s: %d", name, resp.StatusCode)
		}
	}
}

// TestAttackRateLimits: a flood of sign-ins or writes from one address or
// session is cut off with 429 and Retry-After.
func TestAttackRateLimits(t *testing.T) {
	e := startAttackEnv(t, func(c *config.Config) {
		c.RateLimit = config.RateLimitConfig{Window: time.Minute, SignInPerAddress: 5, ReadsPerSession: 1000,
			WritesPerSession: 3, ReadsPerAddress: 1000, WritesPerAddress: 1000}
	})
	zc := e.client(zoe) // one sign-in: login and callback
	tok := e.csrf(zc)
	codes := map[int]int{}
	for range 6 {
		resp, _ := e.send(nil, http.MethodGet, "/auth/login?next=/clients/", nil, nil)
		codes[resp.StatusCode]++
		if resp.StatusCode == http.StatusTooManyRequests && resp.Header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	if codes[http.StatusTooManyRequests] == 0 {
		t.Errorf("sign-in flood answers %v", codes)
	}
	codes = map[int]int{}
	for range 5 {
		h := http.Header{"Content-Type": {"application/json"}, "X-Csrf-Token": {tok}}
		resp, _ := e.send(zc, http.MethodPatch, "/api/v1/me", strings.NewReader(`{"phone_mobile":"1"}`), h)
		codes[resp.StatusCode]++
	}
	if codes[http.StatusOK] != 3 || codes[http.StatusTooManyRequests] != 2 {
		t.Errorf("write flood answers %v, want 3×200 then 429", codes)
	}
	if resp, _ := e.send(zc, http.MethodGet, "/api/v1/invoices", nil, nil); resp.StatusCode != http.StatusOK {
		t.Errorf("reads after the write limit: %d", resp.StatusCode)
	}
}
