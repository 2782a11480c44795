package auth

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
)

// testService is a Service without a provider, on an in-memory bridge,
// for session tests.
func testService(t testing.TB, publicURL string) *Service {
	t.Helper()
	sl, err := newSealer([][]byte{bytes.Repeat([]byte{7}, KeySize)})
	if err != nil {
		t.Fatal(err)
	}
	secure := !insecureLoopback(publicURL)
	return &Service{sealer: sl, secure: secure, cookies: newCookieNames(secure),
		sessions: newMemo[string, bridge.Session](time.Minute, time.Now),
		opts: Options{SessionLifetime: 8 * time.Hour, IdleTimeout: time.Hour, Bridge: fake.NewBridge(),
			Logger: slog.New(slog.DiscardHandler)}}
}

// signInContext returns a gin context of a request from a browser.
func signInContext() (*gin.Context, *httptest.ResponseRecorder) {
	w := httptest.NewRecorder()
	c, _ := gin.CreateTestContext(w)
	c.Request = httptest.NewRequest(http.MethodGet, "/auth/callback", nil)
	c.Request.Header.Set("User-Agent", "Mozilla/5.0 (Test)")
	return c, w
}

// start begins a session and returns its cookie.
func start(t testing.TB, s *Service) *http.Cookie {
	t.Helper()
	c, w := signInContext()
	ss := bridge.Session{Identity: bridge.Identity{Issuer: "https://login.example.com/realms/very-long-realm-name", Subject: strings.Repeat("s", 64)},
		ContactID: strings.Repeat("c", 64), Email: "e@example.com", Name: "N", IDToken: strings.Repeat("t", 5000)}
	if err := s.startSession(c, ss); err != nil {
		t.Fatal(err)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies = %v", cookies)
	}
	return cookies[0]
}

// read looks the cookie's session up in a new request.
func read(s *Service, ck *http.Cookie) (bridge.Session, error) {
	c, _ := signInContext()
	c.Request.AddCookie(ck)
	return s.readSession(c)
}

func TestSessionCookieHoldsOnlyASecret(t *testing.T) {
	s := testService(t, "https://portal.example.com")
	ck := start(t, s)
	if len(ck.Value) != 43 || !ck.Secure || ck.Name != "__Host-clientgate_session" || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
		t.Errorf("cookie: %s", ck.String())
	}
	ss, err := read(s, ck)
	if err != nil || ss.UserAgent != "Mozilla/5.0 (Test)" || ss.CSRF == "" || len(ss.IDToken) != 5000 {
		t.Fatalf("session = %+v, %v", ss, err)
	}
	all, _ := s.opts.Bridge.Sessions(context.Background(), bridge.SessionFilter{All: true})
	if len(all) != 1 || all[0].ID == ck.Value || strings.Contains(all[0].ID, ck.Value) || len(all[0].ID) != 64 {
		t.Errorf("the store holds %+v for cookie %q", all, ck.Value)
	}
	s.sessions.clearAll() // read from the store, not the memory
	if _, err := read(s, ck); err != nil {
		t.Errorf("session not read back from the store: %v", err)
	}
}

func TestSessionCookieGarbage(t *testing.T) {
	s := testService(t, "http://127.0.0.1:8080")
	ck := start(t, s)
	for _, v := range []string{"", "x", ck.Value + "A", ck.Value[:42], strings.ToUpper(ck.Value), ck.Value[:42] + "=", "%00", strings.Repeat("A", 4096)} {
		if _, err := read(s, &http.Cookie{Name: ck.Name, Value: v}); !errors.Is(err, errNoSession) {
			t.Errorf("cookie %q: err = %v, want errNoSession", v, err)
		}
	}
}

func TestSessionLifetimes(t *testing.T) {
	now := time.Now()
	for _, tc := range []struct {
		name          string
		expires, idle time.Time
		live          bool
	}{
		{"fresh", now.Add(8 * time.Hour), now.Add(time.Hour), true},
		{"idle too long", now.Add(time.Hour), now.Add(-time.Second), false},
		{"past the absolute lifetime", now.Add(-time.Second), now.Add(time.Hour), false},
	} {
		ss := bridge.Session{ContactID: "c", CSRF: "x", Expires: tc.expires, IdleUntil: tc.idle}
		if live(ss, now) != tc.live {
			t.Errorf("%s: live = %v", tc.name, !tc.live)
		}
	}
	s := testService(t, "http://127.0.0.1:8080")
	ck := start(t, s)
	ss, _ := read(s, ck)
	ss.LastSeen = ss.LastSeen.Add(-2 * refreshEvery)
	s.sessions.put(ss.ID, ss)
	s.touch(context.Background(), ss)
	after, err := s.opts.Bridge.SessionByID(context.Background(), ss.ID, time.Now())
	if err != nil || !after.LastSeen.After(ss.LastSeen) || after.IdleUntil.After(after.Expires) {
		t.Errorf("touched session = %+v, %v", after, err)
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
