package portal

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

func TestNewRejectsBadOptions(t *testing.T) {
	good := func() Options {
		return Options{Connector: fake.New(), Bridge: fake.NewBridge(), Auth: testAuth{}, Enabled: true}
	}
	tests := []struct {
		name string
		edit func(*Options)
		want string
	}{
		{"no connector", func(o *Options) { o.Connector = nil }, "connector is required"},
		{"no bridge", func(o *Options) { o.Bridge = nil }, "bridge store is required"},
		{"bad colour", func(o *Options) { o.Branding.AccentColor = "red;}body{display:none" }, "accent colour"},
		{"bad logo", func(o *Options) { o.Branding.LogoURL = "javascript:alert(1)" }, "logo URL"},
		{"protocol-relative logo", func(o *Options) { o.Branding.LogoURL = "//evil.example/x.png" }, "logo URL"},
		{"unknown module", func(o *Options) { o.Modules = map[string]bool{"chat": true} }, "unknown modules: chat"},
		{"unknown field", func(o *Options) { o.EditableFields = []connectors.Field{"email"} }, "unknown contact fields: email"},
		{"bad base", func(o *Options) { o.BasePath = "clients" }, "base path"},
		{"reserved base", func(o *Options) { o.BasePath = "/api" }, "reserved"},
		{"bad public URL", func(o *Options) { o.PublicURL = "ftp://x" }, "public URL"},
		{"bad proxies", func(o *Options) { o.TrustedProxies = []string{"not-an-ip"} }, "trusted proxies"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := good()
			tt.edit(&o)
			_, err := New(o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: %v, want an error with %q", err, tt.want)
			}
		})
	}
	if _, err := New(good()); err != nil {
		t.Fatalf("good options: %v", err)
	}
}

func TestNewWithoutAuthServesOnlyHealth(t *testing.T) {
	h, err := New(Options{Connector: fake.New(), Logger: slog.New(slog.DiscardHandler), Ready: func(context.Context) error { return errors.New("db down") }})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, h: h}
	wantStatus(t, e.do(req{path: "/healthz"}), http.StatusOK)
	w := e.do(req{path: "/readyz"})
	wantStatus(t, w, http.StatusServiceUnavailable)
	wantNoBody(t, w, "db down")
	wantStatus(t, e.do(req{path: "/clients/", as: "ann"}), http.StatusNotFound)
	wantStatus(t, e.do(req{path: "/api/v1/invoices", as: "ann"}), http.StatusNotFound)
}

func TestReadyz(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Ready = func(context.Context) error { return nil } })
	wantStatus(t, e.do(req{path: "/readyz"}), http.StatusOK)
	e = newEnv(t, nil)
	wantStatus(t, e.do(req{path: "/readyz"}), http.StatusOK)
}

func TestCustomBasePath(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.BasePath = "/portal/" })
	w := e.do(req{path: "/portal/invoices", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `href="/portal/invoices/inv1"`, `href="/portal/static/style.css"`, `action="/auth/logout"`)
	wantStatus(t, e.do(req{path: "/clients/invoices", as: "ann"}), http.StatusNotFound)
	w = e.do(req{path: "/"})
	if loc := w.Header().Get("Location"); loc != "/portal/" {
		t.Errorf("root redirects to %q", loc)
	}
}

func TestRootBasePath(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.BasePath = "/" })
	w := e.do(req{path: "/invoices", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `href="/invoices/inv1"`, `href="/static/style.css"`)
	wantStatus(t, e.do(req{path: "/", as: "ann"}), http.StatusOK)
}

func TestExtraMiddlewareRuns(t *testing.T) {
	var routes []string
	e := newEnv(t, func(o *Options) {
		o.Middleware = []gin.HandlerFunc{func(c *gin.Context) {
			c.Next()
			routes = append(routes, c.FullPath())
		}}
	})
	e.do(req{path: "/clients/invoices/inv1", as: "ann"})
	e.do(req{path: "/healthz"})
	if strings.Join(routes, ",") != "/clients/invoices/:id,/healthz" {
		t.Errorf("middleware saw %v", routes)
	}
}

func TestHealthAnswersHead(t *testing.T) {
	e := newEnv(t, nil)
	wantStatus(t, e.do(req{method: http.MethodHead, path: "/healthz"}), http.StatusOK)
	wantStatus(t, e.do(req{method: http.MethodHead, path: "/readyz"}), http.StatusOK)
}
