// Package httpmetrics counts and times the portal's HTTP requests for
// Prometheus, labelled by route template (never the raw path, so IDs do not
// explode the series), method and status.
package httpmetrics

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
)

// Unmatched is the route label of requests that matched no route.
const Unmatched = "unmatched"

// Metrics holds the HTTP collectors.
type Metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
}

// New creates the collectors and registers them on reg.
func New(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_http_requests_total",
			Help: "Portal HTTP requests by route template, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "clientgate_http_request_duration_seconds",
			Help:    "Portal HTTP request duration by route template and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "clientgate_http_requests_in_flight",
			Help: "Portal HTTP requests being served.",
		}),
	}
	for _, c := range []prometheus.Collector{m.requests, m.duration, m.inFlight} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("httpmetrics: register: %w", err)
		}
	}
	return m, nil
}

// Middleware records every request that passes through it. Install it
// early, inside recovery: it records in a deferred call, so a request whose
// handler panics is counted as a 500 (unless an answer was already
// written) on the panic's way to the recovery middleware.
func (m *Metrics) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		m.inFlight.Inc()
		completed := false
		defer func() {
			m.inFlight.Dec()
			route := c.FullPath()
			if route == "" {
				route = Unmatched
			}
			method := normalMethod(c.Request.Method)
			m.requests.WithLabelValues(route, method, strconv.Itoa(FinalStatus(c, completed))).Inc()
			m.duration.WithLabelValues(route, method).Observe(time.Since(start).Seconds())
		}()
		c.Next()
		completed = true
	}
}

// FinalStatus is the status a request ends with, for middleware that
// records it in a deferred call: the status written, or 500 when the
// handlers did not complete (a panic on its way to the recovery
// middleware) and nothing was written yet.
func FinalStatus(c *gin.Context, completed bool) int {
	if !completed && !c.Writer.Written() {
		return http.StatusInternalServerError
	}
	return c.Writer.Status()
}

// normalMethod keeps the label set small: unknown methods become "other".
func normalMethod(method string) string {
	switch method {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS":
		return method
	}
	return "other"
}
