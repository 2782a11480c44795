package portal

import (
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/portal/httpmetrics"
)

// accessLog gives the request a ReadReport, RequestReads (an adapter's
// identical reads are made once per request) and, with a read budget, its
// read deadline, and logs one line per request once it is served, also
// when a handler panics (status 500, unless an answer was already
// written). Probes are left out unless logProbes. It logs the route
// template, never the raw path, which may hold a calendar token.
// connector_calls counts the calls that reached the CRM (the metered
// adapter records them in the ReadReport).
func (s *server) accessLog(c *gin.Context) {
	start := time.Now()
	ctx, report := connectors.WithReadReport(connectors.WithRequestReads(c.Request.Context()))
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

// logRequest writes the access log line (slog.Attr values, which need no
// allocation per field).
func (s *server) logRequest(c *gin.Context, start time.Time, report *connectors.ReadReport, status int) {
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	attrs := make([]slog.Attr, 0, 8)
	attrs = append(attrs,
		slog.String("method", c.Request.Method),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		slog.Int("bytes", c.Writer.Size()),
		slog.String("cache", report.Outcome()),
		slog.Int("connector_calls", report.UpstreamCalls()),
	)
	if v, ok := c.Get(keyViewer); ok {
		attrs = append(attrs, slog.String("contact_id", v.(*viewer).contact.ID))
	}
	s.log.LogAttrs(c.Request.Context(), slog.LevelInfo, "http request", attrs...)
}
