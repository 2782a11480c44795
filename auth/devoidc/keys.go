package devoidc

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"fmt"

	jose "github.com/go-jose/go-jose/v4"
)

// signingKey is an RSA key that implements op.SigningKey and op.Key.
type signingKey struct {
	id  string
	key *rsa.PrivateKey
}

func newSigningKey() (*signingKey, error) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("devoidc: generate key: %w", err)
	}
	return &signingKey{id: randomID(8), key: k}, nil
}

func (k *signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k *signingKey) Algorithm() jose.SignatureAlgorithm          { return jose.RS256 }
func (k *signingKey) Key() any                                    { return k.key }
func (k *signingKey) ID() string                                  { return k.id }
func (k *signingKey) Use() string                                 { return "sig" }

// publicKey is the JWKS view of a signing key.
type publicKey struct{ *signingKey }

func (k publicKey) Key() any { return &k.key.PublicKey }

// randomID returns n random bytes in hex.
func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}
