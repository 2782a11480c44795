package auth

import "testing"

func TestSafeNext(t *testing.T) {
	s := &Service{opts: Options{BasePath: "/clients"}}
	for _, tc := range []struct{ in, want string }{
		{"", "/clients/"},
		{"/clients", "/clients"},
		{"/clients/", "/clients/"},
		{"/clients/invoices/7?x=1#top", "/clients/invoices/7?x=1#top"},
		{"/clients/a%20b", "/clients/a%20b"},
		{"//evil.example", "/clients/"},
		{"///evil.example", "/clients/"},
		{"https://evil.example/clients/", "/clients/"},
		{"http:/clients/x", "/clients/"},
		{`/\evil.example`, "/clients/"},
		{`/clients\..\x`, "/clients/"},
		{"/%2Fevil.example", "/clients/"},
		{"/%2fevil.example", "/clients/"},
		{"/%5Cevil.example", "/clients/"},
		{"%2F%2Fevil.example", "/clients/"},
		{"/%zz", "/clients/"},
		{"/clients/../admin", "/clients/"},
		{"/clients/..", "/clients/"},
		{"/clientsevil", "/clients/"},
		{"/other", "/clients/"},
		{"/clients/\x00", "/clients/"},
		{"/clients/\r\nSet-Cookie:x", "/clients/"},
		{"/clients/\t", "/clients/"},
		{"javascript:alert(1)", "/clients/"},
		{"clients/me", "/clients/"},
		{"/clients/" + string(make([]byte, maxNextLen)), "/clients/"},
	} {
		if got := s.safeNext(tc.in); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	root := &Service{opts: Options{}}
	if got := root.safeNext("/anything"); got != "/anything" {
		t.Errorf("without a base path: %q", got)
	}
	if got := root.safeNext("//evil"); got != "/" {
		t.Errorf("without a base path: %q", got)
	}
}
