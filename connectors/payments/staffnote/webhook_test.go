package staffnote

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
)

const secret = "0123456789abcdef-staff"

func TestWebhookSignsAndDelivers(t *testing.T) {
	var mu sync.Mutex
	var got []Notice
	status := http.StatusNoContent
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !Verify([]byte(secret), r.Header, body, time.Minute, time.Now()) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var n Notice
		if err := json.Unmarshal(body, &n); err != nil || r.Header.Get(HeaderEvent) != string(n.Kind) {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		mu.Lock()
		got = append(got, n)
		mu.Unlock()
		w.WriteHeader(status)
	}))
	defer srv.Close()
	w, err := NewWebhook(srv.URL, secret, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := Notice{ID: "n1", Kind: KindSettle, At: time.Now().UTC(), Provider: "stripe", InvoiceNumber: "INV-7",
		Amount: connectors.Money{Minor: 11900, Currency: "EUR"}, Detail: "Mark invoice INV-7 paid in the CRM."}
	if err := w.Notify(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "n1" || got[0].Amount.Minor != 11900 {
		t.Errorf("received %+v", got)
	}
	for code, permanent := range map[int]bool{400: true, 401: true, 404: true, 408: false, 429: false, 500: false, 503: false} {
		status = code
		err := w.Notify(context.Background(), n)
		if err == nil || errors.Is(err, ErrRejected) != permanent {
			t.Errorf("answer %d: err = %v, want rejected=%v", code, err, permanent)
		}
	}
	forged, _ := NewWebhook(srv.URL, "another-secret-0123456", nil)
	if err := forged.Notify(context.Background(), n); !errors.Is(err, ErrRejected) {
		t.Errorf("a notice signed with another secret: %v", err)
	}
}

func TestWebhookUnreachableAndBadOptions(t *testing.T) {
	w, err := NewWebhook("http://127.0.0.1:1/notices", secret, &http.Client{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = w.Notify(context.Background(), Notice{ID: "n2"})
	if err == nil || errors.Is(err, ErrRejected) {
		t.Errorf("unreachable endpoint: %v, want a retryable error", err)
	}
	if strings.Contains(err.Error(), secret) {
		t.Error("the error shows the secret")
	}
	for _, bad := range []struct{ url, secret string }{{"ftp://x", secret}, {"http://x", "short"}, {"://", secret}} {
		if _, err := NewWebhook(bad.url, bad.secret, nil); err == nil {
			t.Errorf("NewWebhook(%q, %q) accepted", bad.url, bad.secret)
		}
	}
}

func TestVerifyRefusesStaleAndTampered(t *testing.T) {
	body := []byte(`{"id":"n3"}`)
	old := time.Now().Add(-time.Hour)
	h := http.Header{}
	h.Set(HeaderTimestamp, "1")
	h.Set(HeaderSignature, Sign([]byte(secret), old, body))
	if Verify([]byte(secret), h, body, 5*time.Minute, time.Now()) {
		t.Error("a stale signature verified")
	}
	now := time.Now()
	h.Set(HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
	h.Set(HeaderSignature, Sign([]byte(secret), now, body))
	if !Verify([]byte(secret), h, body, 5*time.Minute, now) {
		t.Error("a fresh signature did not verify")
	}
	if Verify([]byte(secret), h, []byte(`{"id":"n4"}`), 5*time.Minute, now) {
		t.Error("a tampered body verified")
	}
}
