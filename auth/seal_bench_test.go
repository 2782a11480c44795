package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
)

// BenchmarkSessionLookupWarm reads a request's session from the replica's
// memory (hashing the cookie's secret), as every signed-in request does
// between store reads.
func BenchmarkSessionLookupWarm(b *testing.B) {
	s := testService(b, "https://portal.example.com")
	ck := start(b, s)
	r := httptest.NewRequest(http.MethodGet, "/clients/", nil)
	r.AddCookie(ck)
	rc, _ := gin.CreateTestContext(httptest.NewRecorder())
	rc.Request = r
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.readSession(rc); err != nil {
			b.Fatal(err)
		}
	}
}
