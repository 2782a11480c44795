package cache

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// from sets the request's source address.
func from(r *http.Request, addr string) *http.Request {
	r.RemoteAddr = addr + ":40000"
	return r
}

// respell returns the request with another spelling of its signature.
func respell(r *http.Request, f func(hex string) string) *http.Request {
	sig := r.Header.Get(HeaderSignature)
	r.Header.Set(HeaderSignature, "sha256="+f(strings.TrimPrefix(sig, "sha256=")))
	return r
}

func TestWebhookReplayVariants(t *testing.T) {
	rec := &recorder{}
	h := WebhookHandler(hookSecret, 5*time.Minute, rec, WithMaxFailures(1000))
	now := time.Now()
	body := `{"all":true}`
	serve := func(r *http.Request) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}
	if code := serve(signedRequest("POST", body, now, hookSecret)); code != http.StatusNoContent {
		t.Fatalf("genuine request: %d", code)
	}
	mixed := func(s string) string {
		b := []byte(s)
		for i := range b {
			if i%2 == 0 {
				b[i] = strings.ToUpper(string(b[i]))[0]
			}
		}
		return string(b)
	}
	for name, f := range map[string]func(string) string{
		"same": func(s string) string { return s }, "upper case": strings.ToUpper, "mixed case": mixed,
		"one letter upper": func(s string) string { return strings.Replace(s, "a", "A", 1) + "" },
	} {
		r := respell(signedRequest("POST", body, now, hookSecret), f)
		if code := serve(r); code != http.StatusUnauthorized {
			t.Errorf("replay %s: %d, want 401", name, code)
		}
	}
	for name, sig := range map[string]string{
		"padded":            "sha256= " + strings.TrimPrefix(Sign(hookSecret, now, []byte(body)), "sha256="),
		"truncated":         Sign(hookSecret, now, []byte(body))[:40],
		"extended":          Sign(hookSecret, now, []byte(body)) + "00",
		"prefix upper case": "SHA256=" + strings.TrimPrefix(Sign(hookSecret, now, []byte(body)), "sha256="),
	} {
		r := signedRequest("POST", body, now, hookSecret)
		r.Header.Set(HeaderSignature, sig)
		if code := serve(r); code != http.StatusUnauthorized {
			t.Errorf("%s signature: %d, want 401", name, code)
		}
	}
	if got := strings.Join(rec.got, ","); got != "all" {
		t.Errorf("applied %q, want one purge", got)
	}
}

// TestWebhookFloodDoesNotBlockGenuine: replays and forged signatures take
// no memory, and a flooding source is cut off without touching others, so
// a correctly signed new request from elsewhere still goes through.
func TestWebhookFloodDoesNotBlockGenuine(t *testing.T) {
	rec := &recorder{}
	h := WebhookHandler(hookSecret, 5*time.Minute, rec, WithMaxRemembered(3))
	now := time.Now()
	serve := func(r *http.Request) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusNoContent {
			checkProblem(t, w, w.Code)
		}
		return w.Code
	}
	serve(from(signedRequest("POST", `{"contact_id":"c0"}`, now, hookSecret), "192.0.2.1"))
	codes := map[int]int{}
	for i := range 200 {
		r := signedRequest("POST", `{"contact_id":"c0"}`, now, hookSecret)
		if i%2 == 0 {
			r = respell(r, strings.ToUpper)
		} else {
			r.Header.Set(HeaderSignature, Sign([]byte("guess"+strconv.Itoa(i)), now, []byte(`{"all":true}`)))
		}
		codes[serve(from(r, "198.51.100.7"))]++
	}
	if codes[http.StatusNoContent] != 0 || codes[http.StatusTooManyRequests] < 150 {
		t.Errorf("flood answers: %v; want no success and the source cut off", codes)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, from(signedRequest("POST", `{"contact_id":"c1"}`, now, hookSecret), "198.51.100.7"))
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" {
		t.Errorf("the flooding source: %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
	if code := serve(from(signedRequest("POST", `{"contact_id":"c2"}`, now, hookSecret), "192.0.2.1")); code != http.StatusNoContent {
		t.Errorf("a genuine new request after the flood: %d, want 204", code)
	}
	if got := strings.Join(rec.got, ","); got != "contact:c0,contact:c2" {
		t.Errorf("applied %q", got)
	}
}
