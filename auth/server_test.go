package auth_test

import (
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
)

// newSiteServer serves one service's routes at the root of a new server.
func newSiteServer(t *testing.T, svc *auth.Service) *httptest.Server {
	t.Helper()
	engine := gin.New()
	svc.Routes(engine)
	srv := httptest.NewServer(engine)
	t.Cleanup(srv.Close)
	return srv
}
