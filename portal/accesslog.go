package portal

import (
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// accessLog gives the request a ReadReport and logs one line per request
// once it is served. It logs the route template, never the raw path, which
// may hold a calendar token. connector_calls counts the calls that
// reached the CRM (the metered adapter records them in the ReadReport).
func (s *server) accessLog(c *gin.Context) {
	start := time.Now()
	ctx, report := connectors.WithReadReport(c.Request.Context())
	c.Request = c.Request.WithContext(ctx)
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	attrs := []any{
		"request_id", requestID(c),
		"method", c.Request.Method,
		"route", route,
		"status", c.Writer.Status(),
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
