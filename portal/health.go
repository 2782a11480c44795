package portal

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// readyFunc reports whether the portal's dependencies are ready.
type readyFunc = func(ctx context.Context) error

// readyTimeout bounds one readiness check.
const readyTimeout = 5 * time.Second

// healthz answers that the process is alive.
func healthz(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.String(http.StatusOK, "ok\n")
}

// readyz answers 200 when the readiness check passes, else 503; the reason
// is logged, not shown.
func (s *server) readyz(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	if s.ready != nil {
		ctx, cancel := context.WithTimeout(c.Request.Context(), readyTimeout)
		defer cancel()
		if err := s.ready(ctx); err != nil {
			s.log.Warn("portal: not ready", "err", err.Error(), "request_id", requestID(c))
			c.String(http.StatusServiceUnavailable, "not ready\n")
			return
		}
	}
	c.String(http.StatusOK, "ready\n")
}
