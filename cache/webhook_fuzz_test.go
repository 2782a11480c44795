package cache

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// FuzzWebhookBody sends arbitrary correctly signed bodies: the webhook
// never panics, answers 204 only for a well-formed invalidation (applying
// exactly what it names) and 400 or 413 otherwise.
func FuzzWebhookBody(f *testing.F) {
	for _, seed := range []string{`{"all":true}`, `{"contact_id":"c1"}`, `{"email":"A@x.test"}`, `{}`, `null`, `[]`,
		`{"all":true}{"all":true}`, `{"contact_id":1}`, `{"Contact_ID":"c"}`, "\xff", strings.Repeat("[", 5000)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		rec := &recorder{}
		h := WebhookHandler(hookSecret, time.Minute, rec, WithMaxFailures(1<<30))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest(http.MethodPost, body, time.Now(), hookSecret))
		switch w.Code {
		case http.StatusNoContent:
			if len(rec.got) == 0 {
				t.Fatalf("204 for %q applied nothing", body)
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			if len(rec.got) != 0 {
				t.Fatalf("%d for %q applied %v", w.Code, body, rec.got)
			}
		default:
			t.Fatalf("%q: status %d", body, w.Code)
		}
	})
}
