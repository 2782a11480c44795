package portal

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPIDoc is the OpenAPI 3 description of /api/v1; a test keeps it in
// step with the registered routes.
//
//go:embed openapi.json
var openAPIDoc []byte

// serveOpenAPI answers GET /api/v1/openapi.json.
func serveOpenAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "application/json; charset=utf-8", openAPIDoc)
}
