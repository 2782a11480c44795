package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
)

// BenchmarkSessionLookupWarm reads a request's session from the replica's
// memory (hashing the cookie's secret), as every signed-in request does
// between store reads.
func BenchmarkSessionLookupWarm(b *testing.B) {
	s := testService(b, "https://portal.example.com")
	c, w := signInContext()
	ss := bridge.Session{Identity: bridge.Identity{Issuer: "https://id.example.com/realms/clients", Subject: "0f8fad5b-d9cb-469f-a165-70867728950e"},
		ContactID: "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Email: "zoe@northwind.example", Name: "Zoë Ångström-Müller"}
	if err := s.startSession(c, ss); err != nil {
		b.Fatal(err)
	}
	ck := w.Result().Cookies()[0]
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
