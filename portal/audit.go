package portal

import (
	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// audit records e in the audit log. The action has already happened, so a
// failure to record it is logged as an error rather than shown.
func (s *server) audit(c *gin.Context, e bridge.AuditEntry) {
	if err := s.store.Record(c.Request.Context(), e); err != nil {
		s.log.ErrorContext(c.Request.Context(), "portal: audit record failed", "action", e.Action, "target", e.Target,
			"contact_id", e.ContactID, "request_id", requestID(c), "err", err.Error())
	}
}
