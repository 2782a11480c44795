package httpmetrics_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/portal/httpmetrics"
)

func TestMiddlewareLabelsByRouteTemplate(t *testing.T) {
	gin.SetMode(gin.TestMode)
	reg := prometheus.NewPedanticRegistry()
	m, err := httpmetrics.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	r := gin.New()
	r.Use(m.Middleware())
	r.GET("/invoices/:id", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	for _, req := range []struct{ method, path string }{
		{"GET", "/invoices/1"}, {"GET", "/invoices/2"}, {"GET", "/nope/3"}, {"BREW", "/invoices/1"},
	} {
		r.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(req.method, req.path, nil))
	}
	want := `
# HELP clientgate_http_requests_total Portal HTTP requests by route template, method and status.
# TYPE clientgate_http_requests_total counter
clientgate_http_requests_total{method="GET",route="/invoices/:id",status="200"} 2
clientgate_http_requests_total{method="GET",route="unmatched",status="404"} 1
clientgate_http_requests_total{method="other",route="unmatched",status="404"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "clientgate_http_requests_total"); err != nil {
		t.Error(err)
	}
	if n := testutil.CollectAndCount(reg, "clientgate_http_request_duration_seconds"); n != 3 {
		t.Errorf("duration series = %d, want 3", n)
	}
}
