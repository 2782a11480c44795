package auth

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
)

// FuzzSessionCookie feeds arbitrary session cookie values to the session
// reader: it never panics, only a well-formed secret reaches the store,
// and only the secret of a stored session opens it.
func FuzzSessionCookie(f *testing.F) {
	s := testService(f, "https://portal.example.com")
	live := start(f, s).Value
	for _, seed := range []string{live, "", "x", live[:42], live + "A", "%00", "a;b", "\xff\xfe", "eyJpc3MiOiJ4In0.e30."} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		r := httptest.NewRequest(http.MethodGet, "/clients/", nil)
		r.Header.Set("Cookie", "__Host-clientgate_session="+v)
		rc, _ := gin.CreateTestContext(httptest.NewRecorder())
		rc.Request = r
		ss, err := s.readSession(rc)
		switch {
		case err == nil && v != live:
			t.Fatalf("cookie %q opened session %s", v, ss.ID)
		case err != nil && !errors.Is(err, errNoSession):
			t.Fatalf("cookie %q: %v", v, err)
		case sessionID(v) != "" && len(v) != 43:
			t.Fatalf("sessionID accepted %q", v)
		}
	})
}
