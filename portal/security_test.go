package portal

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Branding.LogoURL = "https://cdn.example.net/logo.png" })
	for _, r := range []req{
		{path: "/clients/", as: "ann"}, {path: "/api/v1/invoices", as: "ann"}, {path: "/clients/nothing", as: "ann"},
		{path: "/healthz"}, {path: "/clients/static/style.css"},
	} {
		w := e.do(r)
		h := w.Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'",
			"img-src 'self' https://cdn.example.net", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", r.path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows inline code", r.path)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q", r.path, k, h.Get(k))
			}
		}
	}
}

func TestPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Branding.LogoURL = "https://cdn.example.net/logo.png" })
	w := e.do(req{path: "/clients/", as: "ann"})
	// The one script is a static file (portal.js); nothing inline.
	wantNoBody(t, w, "<script>", "<style", " style=", " onclick=", "javascript:")
	if n := strings.Count(w.Body.String(), "<script"); n != 1 {
		t.Errorf("%d script elements, want only portal.js", n)
	}
	wantBody(t, w, `<script src="/clients/static/portal.js" defer></script>`,
		`<img src="https://cdn.example.net/logo.png"`, `<main id="main"`, `<nav id="nav" class="wrap nav" aria-label="Main">`,
		`aria-current="page"`, `class="skip"`)
}

func TestStaticAndTheme(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/static/style.css"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, ":focus-visible")
	w = e.do(req{path: "/clients/theme.css"})
	wantStatus(t, w, http.StatusOK)
	if w.Body.String() != ":root{--accent:#0a7d5a;}\n" {
		t.Errorf("theme %q", w.Body.String())
	}
}

func TestRequestID(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/healthz", header: map[string]string{"X-Request-ID": "abc-12345678"}})
	if got := w.Header().Get("X-Request-ID"); got != "abc-12345678" {
		t.Errorf("sane id not kept: %q", got)
	}
	for _, bad := range []string{"short", "evil\r\nheader: 1", strings.Repeat("x", 100), "<script>alert(1)</script>"} {
		w := e.do(req{path: "/healthz", header: map[string]string{"X-Request-ID": bad}})
		if got := w.Header().Get("X-Request-ID"); got == bad || len(got) != 36 {
			t.Errorf("insane id %q answered with %q", bad, got)
		}
	}
}

func TestAccessLog(t *testing.T) {
	e := newEnv(t, nil)
	e.do(req{path: "/clients/invoices/inv1", as: "ann", header: map[string]string{"X-Request-ID": "req-00000001"}})
	logs := e.logs.String()
	for _, want := range []string{`"msg":"http request"`, `"request_id":"req-00000001"`, `"route":"/clients/invoices/:id"`,
		`"status":200`, `"cache":"none"`, `"connector_calls":0`, `"duration_ms":`, `"contact_id":"ann"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("access log lacks %s:\n%s", want, logs)
		}
	}
}

func TestRecoverHidesPanic(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.SetHook(func(_ context.Context, op string) {
		if op == "ListInvoices" {
			panic("secret internal detail")
		}
	})
	w := e.do(req{path: "/clients/invoices", as: "ann"})
	wantStatus(t, w, http.StatusInternalServerError)
	wantBody(t, w, "Something went wrong")
	wantNoBody(t, w, "secret internal detail", "goroutine")
	w = e.do(req{path: "/api/v1/invoices", as: "ann"})
	wantStatus(t, w, http.StatusInternalServerError)
	if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/problem+json") {
		t.Errorf("content type %q", w.Header().Get("Content-Type"))
	}
	if !strings.Contains(e.logs.String(), "secret internal detail") {
		t.Error("panic not logged")
	}
}

func TestDashboardSurvivesPanicInConnector(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.SetHook(func(_ context.Context, op string) {
		if op == "ListQuotes" {
			panic("boom in a goroutine")
		}
	})
	w := e.do(req{path: "/api/v1/dashboard", as: "ann"})
	wantStatus(t, w, http.StatusInternalServerError)
	wantNoBody(t, w, "boom")
}

// originAuth is testAuth whose sign-out ends at an identity provider.
type originAuth struct{ testAuth }

func (originAuth) EndSessionOrigin() string { return "https://id.example.com" }

func TestFormActionAndHSTS(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		o.Auth = originAuth{}
		o.FormActionOrigins = []string{"https://checkout.stripe.com"}
		o.HSTSMaxAge = 365 * 24 * time.Hour
	})
	for _, path := range []string{"/clients/", "/api/v1/invoices", "/clients/nothing"} {
		w := e.do(req{path: path, as: "ann"})
		csp := w.Header().Get("Content-Security-Policy")
		for _, want := range []string{"form-action 'self' https://checkout.stripe.com https://id.example.com;", "base-uri 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if got := w.Header().Get("Strict-Transport-Security"); got != "max-age=31536000" {
			t.Errorf("%s: HSTS %q", path, got)
		}
	}
	plain := newEnv(t, func(o *Options) { o.PublicURL = "http://127.0.0.1:8080"; o.HSTSMaxAge = time.Hour })
	if got := plain.do(req{path: "/clients/", as: "ann"}).Header().Get("Strict-Transport-Security"); got != "" {
		t.Errorf("HSTS over plain HTTP: %q", got)
	}
	for _, bad := range []string{"javascript:alert(1)", "https://x.example.com/path", "https://x.example.com; script-src *", "'unsafe-inline'"} {
		if _, err := New(Options{Connector: e.crm, FormActionOrigins: []string{bad}}); err == nil {
			t.Errorf("form action origin %q accepted", bad)
		}
	}
}
