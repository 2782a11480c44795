package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"clientgate/auth/devoidc"
	"clientgate/config"
	"clientgate/connectors/sqlstore/importfile"
)

// BenchmarkWarmInvoicesAPI serves GET /api/v1/invoices for a signed-in
// client through the whole stack wired as serve wires it (session cookie,
// access recheck, cache hit, JSON, access log, metrics), in process and
// without the network, so that its CPU profile shows clientgate alone.
func BenchmarkWarmInvoicesAPI(b *testing.B) {
	handler, cookies := warmStack(b)
	req := httptest.NewRequest(http.MethodGet, "/api/v1/invoices", nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}

// warmStack builds serve's handler over a SQLite store holding e2eData,
// signs Zoë in through the development provider and warms the cache.
func warmStack(b *testing.B) (http.Handler, []*http.Cookie) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(cancel)
	op, err := devoidc.Start(ctx, "127.0.0.1:0", "portal", "portal-secret", []string{"http://" + addr + "/auth/callback"},
		[]devoidc.Person{{Email: "zoe@northwind.example", Name: "Zoë"}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(op.Close)
	cfg := config.Default()
	cfg.Listen.Addr, cfg.DataDir, cfg.Metrics.Addr = addr, b.TempDir(), ""
	cfg.Derive()
	// Limits that never trip: the limiter's cost is measured, not its 429s.
	cfg.RateLimit = config.RateLimitConfig{Window: cfg.RateLimit.Window, SignInPerAddress: 1 << 30,
		ReadsPerSession: 1 << 30, WritesPerSession: 1 << 30, ReadsPerAddress: 1 << 30, WritesPerAddress: 1 << 30}
	a := &cfg.Auth
	a.Issuer, a.ClientID, a.ClientSecret = op.Issuer(), "portal", "portal-secret"
	a.RedirectURL, a.SessionKeys = "http://"+addr+"/auth/callback", []string{sessionKey}
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	data, err := importfile.Parse(bytes.NewReader([]byte(e2eData)))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := store.Import(ctx, data); err != nil {
		b.Fatal(err)
	}
	reg := newRegistry()
	st, err := buildStack(cfg, store, reg, log)
	if err != nil {
		b.Fatal(err)
	}
	fs, err := openFiles(ctx, cfg, store, reg, log)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(fs.close)
	handler, err := buildHandler(ctx, cfg, st, store, nil, reg, log, serveExtras{files: fs}, nil)
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: handler}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Close() })
	return handler, signInCookies(b, addr)
}

// signInCookies signs Zoë in at addr and returns the portal's cookies.
func signInCookies(b *testing.B, addr string) []*http.Cookie {
	pc := newPortalClient(b, addr)
	waitReady(b, pc.base)
	if resp, page := pc.signIn("zoe@northwind.example"); resp.StatusCode != http.StatusOK {
		b.Fatalf("sign-in: %d\n%s", resp.StatusCode, page)
	}
	if resp, body := pc.get("/api/v1/invoices"); resp.StatusCode != http.StatusOK {
		b.Fatalf("warm-up: %d %s", resp.StatusCode, body)
	}
	u, err := url.Parse(pc.base)
	if err != nil {
		b.Fatal(err)
	}
	return pc.c.Jar.Cookies(u)
}
