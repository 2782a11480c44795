package auth

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// testService is a Service without a provider, for cookie tests.
func testService(t *testing.T, publicURL string) *Service {
	t.Helper()
	sl, err := newSealer([][]byte{bytes.Repeat([]byte{7}, KeySize)})
	if err != nil {
		t.Fatal(err)
	}
	secure := !insecureLoopback(publicURL)
	return &Service{sealer: sl, secure: secure, cookies: newCookieNames(secure),
		opts: Options{SessionLifetime: 8 * time.Hour, IdleTimeout: time.Hour}}
}

// roundTrip writes ss as a cookie and reads it back in a new request.
func roundTrip(t *testing.T, s *Service, ss session) (*http.Cookie, bool) {
	t.Helper()
	w := httptest.NewRecorder()
	c, _ := gin.CreateTestContext(w)
	if err := s.writeSession(c, ss); err != nil {
		t.Fatal(err)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies = %v", cookies)
	}
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.AddCookie(cookies[0])
	c2, _ := gin.CreateTestContext(httptest.NewRecorder())
	c2.Request = r
	_, ok := s.readSession(c2)
	return cookies[0], ok
}

func TestSessionLifetimes(t *testing.T) {
	s := testService(t, "http://127.0.0.1:8080")
	now := time.Now()
	base := session{Issuer: "i", Subject: "s", ContactID: "c", CSRF: "x"}
	for _, tc := range []struct {
		name          string
		created, seen time.Time
		live          bool
	}{
		{"fresh", now, now, true},
		{"idle but not too long", now.Add(-3 * time.Hour), now.Add(-50 * time.Minute), true},
		{"idle too long", now.Add(-3 * time.Hour), now.Add(-61 * time.Minute), false},
		{"past the absolute lifetime", now.Add(-8*time.Hour - time.Minute), now, false},
	} {
		ss := base
		ss.Created, ss.LastSeen = tc.created.Unix(), tc.seen.Unix()
		if s.expiry(ss).Before(now) == tc.live {
			t.Errorf("%s: expiry %v", tc.name, s.expiry(ss))
		}
		if tc.live {
			if _, ok := roundTrip(t, s, ss); !ok {
				t.Errorf("%s: live session not read back", tc.name)
			}
		}
	}
}

func TestSessionCookieSize(t *testing.T) {
	s := testService(t, "https://portal.example.com")
	now := time.Now().Unix()
	ss := session{Issuer: "https://login.example.com/realms/very-long-realm-name", Subject: strings.Repeat("s", 64),
		ContactID: strings.Repeat("c", 64), Email: strings.Repeat("e", 100) + "@example.com", Name: strings.Repeat("n", 120),
		CSRF: randomToken(), Created: now, LastSeen: now}
	for _, idt := range []string{strings.Repeat("t", maxHintSize), strings.Repeat("t", 5000)} {
		ss.IDToken = idt
		c, ok := roundTrip(t, s, ss)
		if !ok {
			t.Fatal("session not read back")
		}
		if n := len(c.String()); n > 3000 {
			t.Errorf("Set-Cookie with a %d-byte ID token is %d bytes", len(idt), n)
		}
		if !c.Secure || c.Name != "__Host-clientgate_session" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
			t.Errorf("cookie attributes: %s", c.String())
		}
	}
}

func TestInsecureLoopback(t *testing.T) {
	for u, want := range map[string]bool{
		"http://127.0.0.1:8080": true, "http://localhost:8080/clients": true, "http://[::1]:80": true,
		"https://127.0.0.1": false, "http://portal.example.com": false, "http://10.0.0.1": false, "::bad": false,
	} {
		if got := insecureLoopback(u); got != want {
			t.Errorf("insecureLoopback(%q) = %v", u, got)
		}
	}
}
