package portal

import (
	"regexp"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"clientgate/portal/reqid"
)

// headerRequestID carries the request ID in and out.
const headerRequestID = "X-Request-ID"

// keyRequestID is where the request ID is kept on the Gin context.
const keyRequestID = "portal.request_id"

// saneRequestID is an incoming request ID we are willing to reuse.
var saneRequestID = regexp.MustCompile(`^[A-Za-z0-9._:-]{8,64}$`)

// assignRequestID reuses a sane incoming X-Request-ID or makes a new one,
// echoes it on the answer and puts it in the request's context, where the
// logger finds it (see package reqid).
func assignRequestID(c *gin.Context) {
	id := c.GetHeader(headerRequestID)
	if !saneRequestID.MatchString(id) {
		id = uuid.NewString()
	}
	c.Set(keyRequestID, id)
	c.Request = c.Request.WithContext(reqid.With(c.Request.Context(), id))
	c.Header(headerRequestID, id)
	c.Next()
}

// requestID returns the request's ID, or "" before it is assigned.
func requestID(c *gin.Context) string { return c.GetString(keyRequestID) }
