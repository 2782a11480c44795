package devoidc

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// Claims returns ID-token-shaped claims for person, issued by p to
// audience now and expiring after ttl (negative for an expired token).
// Tests adjust the map before signing it.
func (p *Provider) Claims(person Person, audience string, ttl time.Duration) map[string]any {
	now := time.Now()
	claims := map[string]any{
		"iss":            p.issuer,
		"sub":            person.subject(),
		"aud":            audience,
		"iat":            now.Unix(),
		"exp":            now.Add(ttl).Unix(),
		"email":          person.Email,
		"email_verified": !person.UnverifiedEmail,
		"name":           person.Name,
	}
	if len(person.Groups) > 0 {
		claims["groups"] = person.Groups
	}
	return claims
}

// Sign signs claims with the provider's own key (RS256), as the provider
// signs its tokens.
func (p *Provider) Sign(claims map[string]any) (string, error) {
	return sign(p.storage.key, claims)
}

// SignWithForeignKey signs claims with a fresh RSA key that the provider
// does not publish, so verifiers must reject the token.
func SignWithForeignKey(claims map[string]any) (string, error) {
	k, err := newSigningKey()
	if err != nil {
		return "", err
	}
	return sign(k, claims)
}

// Unsigned returns claims as an unsecured JWT ("alg": "none").
func Unsigned(claims map[string]any) (string, error) {
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("devoidc: encode claims: %w", err)
	}
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	return header + "." + enc.EncodeToString(payload) + ".", nil
}

func sign(k *signingKey, claims map[string]any) (string, error) { return signTyped(k, claims, "JWT") }

// signTyped signs claims with k, naming typ in the header.
func signTyped(k *signingKey, claims map[string]any, typ string) (string, error) {
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("devoidc: encode claims: %w", err)
	}
	opts := (&jose.SignerOptions{}).WithType(jose.ContentType(typ)).WithHeader("kid", k.id)
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: k.key}, opts)
	if err != nil {
		return "", fmt.Errorf("devoidc: signer: %w", err)
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		return "", fmt.Errorf("devoidc: sign: %w", err)
	}
	return jws.CompactSerialize()
}

// SignTyped signs claims with the provider's key, naming typ in the
// header, such as "at+jwt" for an RFC 9068 access token.
func (p *Provider) SignTyped(claims map[string]any, typ string) (string, error) {
	return signTyped(p.storage.key, claims, typ)
}
