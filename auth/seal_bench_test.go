package auth

import (
	"bytes"
	"testing"
	"time"
)

// BenchmarkSessionDecode opens a realistic session cookie value, as every
// signed-in request does (the second of two keys, as during a rotation).
func BenchmarkSessionDecode(b *testing.B) {
	s, err := newSealer([][]byte{bytes.Repeat([]byte{2}, KeySize), bytes.Repeat([]byte{1}, KeySize)})
	if err != nil {
		b.Fatal(err)
	}
	ss := session{Issuer: "https://id.example.com/realms/clients", Subject: "0f8fad5b-d9cb-469f-a165-70867728950e",
		ContactID: "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Email: "zoe@northwind.example", Name: "Zoë Ångström-Müller",
		CSRF: "Q2hhbmdlIHRoaXMgdG9rZW4gb2Z0ZW4", Created: time.Now().Unix(), LastSeen: time.Now().Unix()}
	v, err := s.seal("clientgate_session", ss)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(v)))
	b.ReportAllocs()
	for b.Loop() {
		var got session
		if err := s.open("clientgate_session", v, &got); err != nil || got.ContactID != ss.ContactID {
			b.Fatal(err)
		}
	}
}
