package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/portal/httpmetrics"
)

// accessLog gives the request a ReadReport (and, with a read budget, its
// read deadline) and logs one line per request once it is served, also
// when a handler panics (status 500, unless an answer was already
// written). Probes are left out unless logProbes. It logs the route
// template, never the raw path, which may hold a calendar token.
// connector_calls counts the calls that reached the CRM (the metered
// adapter records them in the ReadReport).
func (s *server) accessLog(c *gin.Context) {
	start := time.Now()
	ctx, report := connectors.WithReadReport(c.Request.Context())
	if s.readBudget > 0 {
		ctx = connectors.WithReadDeadline(ctx, start.Add(s.readBudget))
	}
	c.Request = c.Request.WithContext(ctx)
	completed := false
	defer func() {
		if isProbe(c) && !s.logProbes {
			return
		}
		s.logRequest(c, start, report, httpmetrics.FinalStatus(c, completed))
	}()
	c.Next()
	completed = true
}

// logRequest writes the access log line.
func (s *server) logRequest(c *gin.Context, start time.Time, report *connectors.ReadReport, status int) {
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	attrs := []any{
		"method", c.Request.Method,
		"route", route,
		"status", status,
		"duration_ms", float64(time.Since(start).Microseconds()) / 1000,
		"bytes", c.Writer.Size(),
		"cache", report.Outcome(),
		"connector_calls", report.UpstreamCalls(),
	}
	if v, ok := c.Get(keyViewer); ok {
		attrs = append(attrs, "contact_id", v.(*viewer).contact.ID)
	}
	s.log.InfoContext(c.Request.Context(), "http request", attrs...)
}
