package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"time"

	"clientgate/auth/devoidc"
)

// runReplicas runs two clientgate replicas on one fresh PostgreSQL schema
// (shared sessions, cache invalidations through LISTEN/NOTIFY, cache TTLs
// of 10 minutes so that only an invalidation can show a change), and
// times o.writes changes of the signed-in contact's mobile phone: each a
// PATCH /api/v1/me on replica A, then GET /api/v1/me on replica B back to
// back until B answers the new value.
func runReplicas(ctx context.Context, o *options, out io.Writer) error {
	fmt.Fprintln(out)
	if o.postgres == "" {
		fmt.Fprintln(out, "replicas: skipped: no PostgreSQL (give -postgres URL or set CLIENTGATE_TEST_POSTGRES)")
		return nil
	}
	dsn, drop, err := freshSchema(ctx, o.postgres)
	if err != nil {
		return err
	}
	defer drop()
	a, b, err := startReplicas(ctx, o, dsn)
	if err != nil {
		return err
	}
	defer a.close()
	defer b.close()
	r := &replicaRun{client: &http.Client{Timeout: o.timeout}, a: a.base, b: b.base, cookie: a.cookies[0]}
	for i := range o.writes {
		if err := r.timeWrite(ctx, fmt.Sprintf("+44 20 7946 %04d", i)); err != nil {
			return fmt.Errorf("replicas: write %d: %w", i+1, err)
		}
	}
	r.print(out)
	return nil
}

// startReplicas starts two serve processes on dsn with one development
// provider, one session key and o.data imported once, signed in as o.email
// on the first.
func startReplicas(ctx context.Context, o *options, dsn string) (a, b *portal, err error) {
	addrs := make([]string, 2)
	var callbacks []string
	for i := range addrs {
		if addrs[i], err = freeAddr(); err != nil {
			return nil, nil, err
		}
		callbacks = append(callbacks, "http://"+addrs[i]+"/auth/callback")
	}
	secret := randomHex(16)
	provider, err := devoidc.Start(ctx, "127.0.0.1:0", clientID, secret, callbacks, people([]string{o.email}))
	if err != nil {
		return nil, nil, fmt.Errorf("replicas: starting the OpenID provider: %w", err)
	}
	data := filepath.Join(o.tmp, "replicas.json")
	if _, err := padData(o.data, data, o.email, o.invoices); err != nil {
		provider.Close()
		return nil, nil, err
	}
	vars := map[string]string{
		"CLIENTGATE_CONNECTOR_TYPE": "sqlstore", "CLIENTGATE_DATABASE_DSN": dsn, "CLIENTGATE_CACHE_ENABLED": "true",
		"CLIENTGATE_CACHE_TTL_CONTACT": "10m", "CLIENTGATE_CACHE_TTL_ITEMS": "10m", "CLIENTGATE_AUTH_SESSION_KEYS": randomKey(),
	}
	spec := portalSpec{name: "replica-a", importFile: data, vars: vars, emails: []string{o.email}, addr: addrs[0], provider: provider, secret: secret}
	if a, err = startPortal(ctx, o, spec); err != nil {
		provider.Close()
		return nil, nil, err
	}
	spec = portalSpec{name: "replica-b", vars: vars, addr: addrs[1], provider: provider, secret: secret}
	if b, err = startPortal(ctx, o, spec); err != nil {
		a.close()
		return nil, nil, err
	}
	return a, b, nil
}

// replicaRun times writes on replica a until replica b shows them.
type replicaRun struct {
	client     *http.Client
	a, b       string // base URLs
	cookie     string
	seen, sent []time.Duration // from A's answer / from sending the PATCH, to B's first new answer
	polls      int
	polling    time.Duration
}

// timeWrite makes sure b has the contact cached, writes phone on a and
// polls b until it answers phone.
func (r *replicaRun) timeWrite(ctx context.Context, phone string) error {
	if _, _, err := r.me(ctx, r.b); err != nil { // B caches the contact
		return err
	}
	_, token, err := r.me(ctx, r.a)
	if err != nil {
		return err
	}
	sent := time.Now()
	if err := r.patch(ctx, phone, token); err != nil {
		return err
	}
	written := time.Now()
	for time.Since(written) < 10*time.Second {
		got, _, err := r.me(ctx, r.b)
		if err != nil {
			return err
		}
		r.polls++
		if got == phone {
			now := time.Now()
			r.seen, r.sent = append(r.seen, now.Sub(written)), append(r.sent, now.Sub(sent))
			r.polling += now.Sub(written)
			return nil
		}
	}
	return fmt.Errorf("replica B still answers the old phone 10s after the write on A")
}

// me reads /api/v1/me at base: the mobile phone and the CSRF token.
func (r *replicaRun) me(ctx context.Context, base string) (string, string, error) {
	resp, body, err := r.do(ctx, http.MethodGet, base+"/api/v1/me", nil, "")
	if err != nil {
		return "", "", err
	}
	var me struct {
		Fields map[string]string `json:"fields"`
	}
	if err := json.Unmarshal(body, &me); err != nil {
		return "", "", fmt.Errorf("%s/api/v1/me: %w: %s", base, err, snippet(body))
	}
	return me.Fields["phone_mobile"], resp.Header.Get("X-CSRF-Token"), nil
}

// patch changes the mobile phone on replica a.
func (r *replicaRun) patch(ctx context.Context, phone, token string) error {
	body, _ := json.Marshal(map[string]string{"phone_mobile": phone})
	_, _, err := r.do(ctx, http.MethodPatch, r.a+"/api/v1/me", body, token)
	return err
}

// do sends one request with the session and wants a 200.
func (r *replicaRun) do(ctx context.Context, method, u string, body []byte, token string) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Cookie", r.cookie)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", token)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s %s: status %d: %s", method, redact(u), resp.StatusCode, snippet(data))
	}
	return resp, data, err
}

// print writes the percentiles of the propagation times.
func (r *replicaRun) print(w io.Writer) {
	seen := slices.Sorted(slices.Values(r.seen))
	sent := slices.Sorted(slices.Values(r.sent))
	fmt.Fprintf(w, "replicas: %d writes on A seen on B after p50 %s, p99 %s, max %s (from A's answer to B's first answer with the new value)\n",
		len(seen), ms(percentile(seen, 50)), ms(percentile(seen, 99)), ms(seen[len(seen)-1]))
	fmt.Fprintf(w, "replicas: from sending the PATCH: p50 %s, p99 %s; B polled back to back, %.2fms per poll\n",
		ms(percentile(sent, 50)), ms(percentile(sent, 99)), float64(r.polling.Microseconds())/1000/float64(max(r.polls, 1)))
}
