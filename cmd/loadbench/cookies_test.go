package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestMergeCookies(t *testing.T) {
	tests := []struct {
		header string
		set    []*http.Cookie
		want   string
	}{
		{"sid=old; lang=de", []*http.Cookie{{Name: "sid", Value: "new"}}, "sid=new; lang=de"},
		{"sid=old", []*http.Cookie{{Name: "csrf", Value: "x"}}, "sid=old; csrf=x"},
		{"sid=old; flow=f", []*http.Cookie{{Name: "flow", MaxAge: -1}}, "sid=old"},
		{"", []*http.Cookie{{Name: "sid", Value: "a"}}, "sid=a"},
	}
	for _, tt := range tests {
		if got := mergeCookies(tt.header, tt.set); got != tt.want {
			t.Errorf("mergeCookies(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestRefreshCookiesKeepsReissuedSessions(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("sid"); err == nil && c.Value == "stale" {
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "fresh", Path: "/"})
		}
		_, _ = w.Write([]byte(`{"items":[]}`))
	}))
	defer srv.Close()
	tgt := Target{Name: "t", URL: srv.URL, Cookies: []string{"sid=stale", "sid=ok"}}
	n, err := refreshCookies(context.Background(), http.DefaultClient, &tgt)
	if err != nil || n != 1 || tgt.Cookies[0] != "sid=fresh" || tgt.Cookies[1] != "sid=ok" {
		t.Errorf("refreshCookies = %d, %v; cookies %q", n, err, tgt.Cookies)
	}
}
