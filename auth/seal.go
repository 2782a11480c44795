package auth

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
)

// KeySize is the length in bytes of every session key (AES-256).
const KeySize = 32

// errUnsealed means a cookie value did not decrypt with any key.
var errUnsealed = errors.New("auth: cookie does not decrypt")

// sealer encrypts and authenticates cookie values with AES-256-GCM. The
// first key encrypts; every key is tried to decrypt, so keys can rotate.
type sealer struct {
	aeads []cipher.AEAD
}

func newSealer(keys [][]byte) (*sealer, error) {
	if len(keys) == 0 {
		return nil, errors.New("auth: at least one session key is required")
	}
	s := &sealer{}
	for i, k := range keys {
		if len(k) != KeySize {
			return nil, fmt.Errorf("auth: session key %d is %d bytes, want %d", i, len(k), KeySize)
		}
		block, err := aes.NewCipher(k)
		if err != nil {
			return nil, fmt.Errorf("auth: session key %d: %w", i, err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, fmt.Errorf("auth: session key %d: %w", i, err)
		}
		s.aeads = append(s.aeads, aead)
	}
	return s, nil
}

// seal encodes v as JSON and encrypts it with the first key, binding it to
// purpose (the cookie's name) so one cookie cannot stand in for another.
func (s *sealer) seal(purpose string, v any) (string, error) {
	plain, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("auth: encode cookie: %w", err)
	}
	aead := s.aeads[0]
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	_, _ = rand.Read(nonce) // crypto/rand.Read never fails (Go 1.24+)
	out := aead.Seal(nonce, nonce, plain, []byte(purpose))
	return base64.RawURLEncoding.EncodeToString(out), nil
}

// open decrypts a sealed value into v, trying every key.
func (s *sealer) open(purpose, value string, v any) error {
	raw, err := base64.RawURLEncoding.DecodeString(value)
	if err != nil {
		return errUnsealed
	}
	for _, aead := range s.aeads {
		if len(raw) < aead.NonceSize()+aead.Overhead() {
			return errUnsealed
		}
		n := aead.NonceSize()
		plain, err := aead.Open(nil, raw[:n], raw[n:], []byte(purpose))
		if err != nil {
			continue
		}
		if err := json.Unmarshal(plain, v); err != nil {
			return fmt.Errorf("auth: decode cookie: %w", err)
		}
		return nil
	}
	return errUnsealed
}
