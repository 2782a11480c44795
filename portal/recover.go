package portal

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"
)

// recoverPanics turns a panic into a friendly 500; the stack trace goes to
// the log only, with the request ID (from the request's context). The
// access log and the HTTP metrics, which run inside it, record such a
// request as a 500 in their deferred calls.
func (s *server) recoverPanics(c *gin.Context) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
			panic(v)
		}
		s.log.ErrorContext(c.Request.Context(), "portal: panic", "panic", fmt.Sprint(v), "stack", string(debug.Stack()),
			"route", c.FullPath())
		if !c.Writer.Written() {
			s.fail(c, errorf("panic serving request"))
		}
		c.Abort()
	}()
	c.Next()
}
