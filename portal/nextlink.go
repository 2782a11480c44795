package portal

import (
	"net/url"

	"github.com/gin-gonic/gin"
)

// nextLink returns the URL of the next page of a list, or "" on the last.
func nextLink(c *gin.Context, cursor string) string {
	if cursor == "" {
		return ""
	}
	q := url.Values{"cursor": {cursor}}
	if l := c.Query("limit"); l != "" {
		q.Set("limit", l)
	}
	return c.Request.URL.Path + "?" + q.Encode()
}

// itemURL is the page of one item, such as /clients/quotes/Q1.
func (s *server) itemURL(module, id string) string {
	return s.base + "/" + module + "/" + url.PathEscape(id)
}
