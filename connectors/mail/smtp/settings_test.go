package smtp

import (
	"strings"
	"testing"
)

func TestParseURL(t *testing.T) {
	good := []struct {
		url  string
		want Settings
	}{
		{"smtp://mail.example.com", Settings{Host: "mail.example.com", Port: 587, TLS: TLSStartTLS}},
		{"smtp://u%40x:p%3Ass@mail.example.com:2525", Settings{Host: "mail.example.com", Port: 2525, Username: "u@x", Password: "p:ss", TLS: TLSStartTLS}},
		{"smtp://127.0.0.1:1025?tls=none", Settings{Host: "127.0.0.1", Port: 1025, TLS: TLSNone}},
		{"smtp://relay?tls=Opportunistic", Settings{Host: "relay", Port: 587, TLS: TLSOpportunistic}},
		{"smtp://relay:25?tls=starttls", Settings{Host: "relay", Port: 25, TLS: TLSStartTLS}},
		{"smtps://user:pw@mail.example.com", Settings{Host: "mail.example.com", Port: 465, Username: "user", Password: "pw", TLS: TLSImplicit}},
		{"smtp://[::1]:1025/", Settings{Host: "::1", Port: 1025, TLS: TLSStartTLS}},
	}
	for _, c := range good {
		got, err := ParseURL(c.url)
		if err != nil || got != c.want {
			t.Errorf("ParseURL(%q) = %+v, %v; want %+v", c.url, got, err, c.want)
		}
	}
	bad := []string{
		"", "mail.example.com:587", "http://mail.example.com", "smtp://", "smtp://:587",
		"smtp://host:0", "smtp://host:70000", "smtp://host:x", "smtp://host/path", "smtp://host#frag",
		"smtp://host?tls=maybe", "smtp://host?tls=none&tls=none", "smtp://host?auth=plain",
		"smtps://host?tls=none", "smtp://user:s3cret@host?tls=bad",
	}
	for _, u := range bad {
		_, err := ParseURL(u)
		if err == nil {
			t.Errorf("ParseURL(%q): no error", u)
		} else if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("ParseURL(%q): the error shows the password: %v", u, err)
		}
	}
}
