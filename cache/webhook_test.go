package cache

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// recorder is an Invalidator that records what it was asked.
type recorder struct {
	mu  sync.Mutex
	got []string
}

func (r *recorder) add(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, s)
}
func (r *recorder) Invalidate(id string)     { r.add("contact:" + id) }
func (r *recorder) InvalidateEmail(e string) { r.add("email:" + e) }
func (r *recorder) InvalidateAll()           { r.add("all") }

var hookSecret = []byte("test-webhook-secret")

func signedRequest(method, body string, ts time.Time, secret []byte) *http.Request {
	r := httptest.NewRequest(method, "/hooks/invalidate", strings.NewReader(body))
	r.Header.Set(HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	r.Header.Set(HeaderSignature, Sign(secret, ts, []byte(body)))
	return r
}

func TestWebhook(t *testing.T) {
	now := time.Now()
	big := `{"email":"` + strings.Repeat("a", 5000) + `"}`
	tests := []struct {
		name    string
		req     *http.Request
		status  int
		outcome string
		want    string
	}{
		{"contact", signedRequest("POST", `{"contact_id":"c1"}`, now, hookSecret), 204, "ok", "contact:c1"},
		{"email", signedRequest("POST", `{"email":"A@x.test"}`, now, hookSecret), 204, "ok", "email:A@x.test"},
		{"all", signedRequest("POST", `{"all":true}`, now, hookSecret), 204, "ok", "all"},
		{"slightly old", signedRequest("POST", `{"contact_id":"c2"}`, now.Add(-4*time.Minute), hookSecret), 204, "ok", "contact:c2"},
		{"wrong secret", signedRequest("POST", `{"all":true}`, now, []byte("other")), 401, "unauthorized", ""},
		{"old", signedRequest("POST", `{"all":true}`, now.Add(-6*time.Minute), hookSecret), 401, "expired", ""},
		{"future", signedRequest("POST", `{"all":true}`, now.Add(6*time.Minute), hookSecret), 401, "expired", ""},
		{"wrong method", signedRequest("GET", ``, now, hookSecret), 405, "method_not_allowed", ""},
		{"oversized", signedRequest("POST", big, now, hookSecret), 413, "too_large", ""},
		{"empty object", signedRequest("POST", `{}`, now, hookSecret), 400, "bad_request", ""},
		{"unknown field", signedRequest("POST", `{"contact":"c1"}`, now, hookSecret), 400, "bad_request", ""},
		{"not json", signedRequest("POST", `contact_id=c1`, now, hookSecret), 400, "bad_request", ""},
		{"trailing data", signedRequest("POST", `{"all":true} {"all":true}`, now, hookSecret), 400, "bad_request", ""},
	}
	tampered := signedRequest("POST", `{"contact_id":"c1"}`, now, hookSecret)
	tampered.Body = http.NoBody
	tests = append(tests, struct {
		name    string
		req     *http.Request
		status  int
		outcome string
		want    string
	}{"body changed", tampered, 401, "unauthorized", ""})
	for _, h := range []struct{ name, ts, sig string }{
		{"no headers", "", ""}, {"bad timestamp", "yesterday", "sha256=00"},
		{"bad hex", strconv.FormatInt(now.Unix(), 10), "sha256=zz"}, {"no prefix", strconv.FormatInt(now.Unix(), 10), "00"},
	} {
		r := httptest.NewRequest("POST", "/hooks/invalidate", strings.NewReader(`{"all":true}`))
		r.Header.Set(HeaderTimestamp, h.ts)
		r.Header.Set(HeaderSignature, h.sig)
		tests = append(tests, struct {
			name    string
			req     *http.Request
			status  int
			outcome string
			want    string
		}{h.name, r, 401, "unauthorized", ""})
	}

	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			rec := &recorder{}
			h := WebhookHandler(hookSecret, 5*time.Minute, rec, WithWebhookRegisterer(reg), WithMaxBody(0), WithMaxRemembered(-1))
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tc.req)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d (%s)", w.Code, tc.status, w.Body.String())
			}
			if tc.status != 204 {
				checkProblem(t, w, tc.status)
			}
			if tc.status == 405 && w.Header().Get("Allow") != "POST" {
				t.Fatalf("Allow header %q", w.Header().Get("Allow"))
			}
			got := strings.Join(rec.got, ",")
			if got != tc.want {
				t.Fatalf("invalidated %q, want %q", got, tc.want)
			}
			if n := testutil.ToFloat64(counterFor(t, reg, tc.outcome)); n != 1 {
				t.Fatalf("outcome %q counted %v times, want 1", tc.outcome, n)
			}
		})
	}
}

func counterFor(t *testing.T, reg *prometheus.Registry, outcome string) prometheus.Collector {
	t.Helper()
	return register(prometheus.Registerer(reg), prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "clientgate_webhook_invalidations_total",
		Help: "Invalidation webhook requests by outcome.",
	}, []string{"outcome"})).WithLabelValues(outcome)
}

func checkProblem(t *testing.T, w *httptest.ResponseRecorder, status int) {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q", ct)
	}
	var p problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Status != status || p.Title == "" {
		t.Fatalf("problem body %q (%v)", w.Body.String(), err)
	}
	if strings.Contains(w.Body.String(), string(hookSecret)) {
		t.Fatal("the secret leaked into the answer")
	}
}

func TestWebhookReplay(t *testing.T) {
	rec := &recorder{}
	h := WebhookHandler(hookSecret, 5*time.Minute, rec)
	now := time.Now()
	for i, want := range []int{204, 401} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest("POST", `{"contact_id":"c1"}`, now, hookSecret))
		if w.Code != want {
			t.Fatalf("attempt %d: status %d, want %d", i+1, w.Code, want)
		}
	}
	if len(rec.got) != 1 {
		t.Fatalf("replay applied: %v", rec.got)
	}
}

func TestWebhookRememberedBound(t *testing.T) {
	h := WebhookHandler(hookSecret, 5*time.Minute, &recorder{}, WithMaxRemembered(2))
	now := time.Now()
	for i, want := range []int{204, 204, 429} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest("POST", `{"contact_id":"c`+strconv.Itoa(i)+`"}`, now, hookSecret))
		if w.Code != want {
			t.Fatalf("request %d: status %d, want %d", i+1, w.Code, want)
		}
	}
}

func TestSendInvalidation(t *testing.T) {
	fx := newFixture(t, Options{})
	_, err := fx.c.GetContact(context.Background(), fx.alice.ID)
	mustNil(t, err)
	srv := httptest.NewServer(WebhookHandler(hookSecret, time.Minute, fx.c))
	defer srv.Close()
	mustNil(t, SendInvalidation(context.Background(), srv.Client(), srv.URL, hookSecret, Invalidation{ContactID: fx.alice.ID}))
	if fx.c.Len() != 0 {
		t.Fatalf("entries left after the webhook: %d", fx.c.Len())
	}
	err = SendInvalidation(context.Background(), srv.Client(), srv.URL, []byte("wrong"), Invalidation{All: true})
	if err == nil || !strings.Contains(err.Error(), "401") || strings.Contains(err.Error(), "wrong") {
		t.Fatalf("wrong secret: %v", err)
	}
	if err := SendInvalidation(context.Background(), nil, srv.URL, hookSecret, Invalidation{}); err == nil {
		t.Fatal("empty invalidation sent")
	}
}

func TestWebhookWithoutSecretRefusesAll(t *testing.T) {
	rec := &recorder{}
	h := WebhookHandler(nil, time.Minute, rec)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest("POST", `{"all":true}`, time.Now(), nil))
	if w.Code != http.StatusServiceUnavailable || len(rec.got) != 0 {
		t.Fatalf("status %d, applied %v", w.Code, rec.got)
	}
	checkProblem(t, w, http.StatusServiceUnavailable)
}

func TestWebhookOutcomesListsEveryRefusal(t *testing.T) {
	src, err := os.ReadFile("webhook.go")
	if err != nil {
		t.Fatal(err)
	}
	used := regexp.MustCompile(`Status\w+, "(\w+)"`).FindAllStringSubmatch(string(src), -1)
	if len(used) < 5 {
		t.Fatalf("found only %d refusal outcomes in webhook.go; has the code changed shape?", len(used))
	}
	for _, m := range used {
		if !slices.Contains(WebhookOutcomes(), m[1]) {
			t.Errorf("outcome %q is used in webhook.go but missing from WebhookOutcomes", m[1])
		}
	}
	reg := prometheus.NewPedanticRegistry()
	WebhookHandler([]byte("0123456789abcdef"), 0, nil, WithWebhookRegisterer(reg))
	if n := testutil.CollectAndCount(reg, "clientgate_webhook_invalidations_total"); n != len(WebhookOutcomes()) {
		t.Errorf("%d webhook series before any request, want %d at zero", n, len(WebhookOutcomes()))
	}
}
