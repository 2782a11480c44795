package portal

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
)

func TestStaleDataIsMarked(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.SetHook(func(ctx context.Context, op string) {
		if op == "ListInvoices" {
			connectors.ReportFrom(ctx).Stale(150 * time.Second)
		}
	})
	w := e.do(req{path: "/api/v1/invoices", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	if got := w.Header().Get(headerStaleAge); got != "150" {
		t.Errorf("%s = %q, want 150", headerStaleAge, got)
	}
	w = e.do(req{path: "/clients/invoices", as: "ann"})
	wantBody(t, w, "may be up to 2 minutes old")
	if !strings.Contains(e.logs.String(), `"cache":"stale"`) {
		t.Error("access log does not say stale")
	}
	fresh := e.do(req{path: "/api/v1/quotes", as: "ann"})
	if fresh.Header().Get(headerStaleAge) != "" {
		t.Error("fresh answer marked stale")
	}
	wantNoBody(t, e.do(req{path: "/clients/quotes", as: "ann"}), "may be up to")
}
