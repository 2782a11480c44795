package portal

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// maxCursorLen bounds the (sealed) cursor a client may send.
const maxCursorLen = 2048

// errBadPaging answers a malformed limit or cursor.
var errBadPaging = messageError(http.StatusBadRequest, "error.paging")

// pageRequest reads ?limit= and ?cursor=. A limit above MaxLimit is cut
// to it; a limit that is not a positive number is an error.
func pageRequest(c *gin.Context) (connectors.PageRequest, error) {
	var p connectors.PageRequest
	if raw := c.Query("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 {
			return p, errBadPaging
		}
		p.Limit = min(n, connectors.MaxLimit)
	}
	p.Cursor = c.Query("cursor")
	if len(p.Cursor) > maxCursorLen {
		return p, errBadPaging
	}
	return p, nil
}

// listJSON is the body of every API list.
type listJSON[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// toList converts a connector page with conv.
func toList[S, T any](p connectors.Page[S], conv func(S) T) listJSON[T] {
	out := listJSON[T]{Items: make([]T, 0, len(p.Items)), NextCursor: p.Next}
	for _, item := range p.Items {
		out.Items = append(out.Items, conv(item))
	}
	return out
}
