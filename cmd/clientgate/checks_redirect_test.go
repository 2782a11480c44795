package main

import (
	"strings"
	"testing"
)

func TestCheckRedirect(t *testing.T) {
	for _, tt := range []struct {
		name, redirect, public, listen, want string
		ok                                   bool
	}{
		{"direct loopback", "http://127.0.0.1:8080/auth/callback", "http://127.0.0.1:8080", "127.0.0.1:8080", "served directly", true},
		{"behind a proxy", "https://portal.example.com/auth/callback", "https://portal.example.com", "0.0.0.0:8080", "callback /auth/callback on portal.example.com", true},
		{"proxy on this host", "https://portal.example.com/auth/callback", "https://portal.example.com", "127.0.0.1:8080", "a reverse proxy on this host must forward", true},
		{"public url with a path", "https://example.com/portal/auth/callback", "https://example.com/portal", "0.0.0.0:8080", "callback /portal/auth/callback", true},
		{"other origin", "https://other.example.com/auth/callback", "https://portal.example.com", "0.0.0.0:8080", "is not on public_url's origin", false},
		{"other scheme", "http://portal.example.com/auth/callback", "https://portal.example.com", "0.0.0.0:8080", "is not on public_url's origin", false},
		{"below the base path", "https://portal.example.com/clients/auth/callback", "https://portal.example.com", "0.0.0.0:8080", "not below portal.base_path", false},
		{"wrong path", "https://portal.example.com/callback", "https://portal.example.com", "0.0.0.0:8080", "want /auth/callback", false},
		{"loopback, other port", "http://127.0.0.1:9999/auth/callback", "http://127.0.0.1:9999", "127.0.0.1:8080", "listens on port 8080", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			detail, err := checkRedirect(tt.redirect, tt.public, tt.listen, "/clients")
			got := detail
			if err != nil {
				got = err.Error()
			}
			if (err == nil) != tt.ok || !strings.Contains(got, tt.want) {
				t.Errorf("checkRedirect = %q, %v; want ok=%v and %q", detail, err, tt.ok, tt.want)
			}
		})
	}
}
