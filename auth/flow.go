package auth

import (
	"crypto/rand"
	"encoding/base64"
	"time"
)

// flowTTL bounds how long a sign-in may take between login and callback.
const flowTTL = 10 * time.Minute

// flow is what the flow cookie holds between /auth/login and
// /auth/callback. Being an encrypted HttpOnly cookie, it binds the state,
// nonce and PKCE verifier to the browser that started the sign-in.
type flow struct {
	State    string `json:"st"`
	Nonce    string `json:"no"`
	Verifier string `json:"pv"`
	Next     string `json:"nx"`
	Expires  int64  `json:"ex"`
}

// randomToken returns 32 random bytes, base64url-encoded.
func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}
