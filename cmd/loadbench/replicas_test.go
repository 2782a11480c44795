package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeReplicas are two servers sharing a phone number that replica B
// sees only delay after a PATCH on A.
func fakeReplicas(t *testing.T, delay time.Duration) (a, b *httptest.Server) {
	var mu sync.Mutex
	phone, visibleAt := "", time.Time{}
	pending := ""
	me := func(w http.ResponseWriter, shown string) {
		w.Header().Set("X-CSRF-Token", "tok")
		_ = json.NewEncoder(w).Encode(map[string]any{"fields": map[string]string{"phone_mobile": shown}})
	}
	a = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("Cookie") != "sid=1" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if r.Method == http.MethodPatch {
			var body map[string]string
			if r.Header.Get("X-CSRF-Token") != "tok" || json.NewDecoder(r.Body).Decode(&body) != nil {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			pending, visibleAt = body["phone_mobile"], time.Now().Add(delay)
		}
		me(w, pending)
	}))
	b = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if time.Now().After(visibleAt) {
			phone = pending
		}
		me(w, phone)
	}))
	t.Cleanup(a.Close)
	t.Cleanup(b.Close)
	return a, b
}

func TestReplicaRunTimesPropagation(t *testing.T) {
	a, b := fakeReplicas(t, 20*time.Millisecond)
	r := &replicaRun{client: http.DefaultClient, a: a.URL, b: b.URL, cookie: "sid=1"}
	for _, phone := range []string{"+1", "+2", "+3"} {
		if err := r.timeWrite(context.Background(), phone); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range r.seen {
		if d < 15*time.Millisecond || d > 2*time.Second {
			t.Errorf("propagation %v, want about 20ms", d)
		}
	}
	var buf bytes.Buffer
	r.print(&buf)
	if !strings.Contains(buf.String(), "3 writes on A seen on B after p50") {
		t.Errorf("report:\n%s", buf.String())
	}
	r.cookie = "sid=2"
	if err := r.timeWrite(context.Background(), "+4"); err == nil || !strings.Contains(err.Error(), "status 401") {
		t.Errorf("timeWrite with a bad session = %v", err)
	}
}

func TestFreshSchemaRefusesOtherHosts(t *testing.T) {
	for _, dsn := range []string{"postgres://u@db.example.com:5432/x", "mysql://127.0.0.1/x", "postgres://u@10.0.0.1/x", "::"} {
		if _, _, err := freshSchema(context.Background(), dsn); err == nil {
			t.Errorf("freshSchema(%q) accepted it", dsn)
		}
	}
}
