package auth

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
)

// claims are the token claims the link policy uses.
type claims struct {
	Subject       string       `json:"sub"`
	Email         string       `json:"email"`
	EmailVerified flexibleBool `json:"email_verified"`
	Name          string       `json:"name"`
	GivenName     string       `json:"given_name"`
	FamilyName    string       `json:"family_name"`
	Nonce         string       `json:"nonce"`
	// SID is the provider's session ID, for back-channel logout.
	SID string `json:"sid"`
	// all holds every claim of an ID token, for the staff claim; nil for
	// bearer tokens, which never make anyone staff.
	all map[string]any
}

// claimsOf decodes a verified token's claims.
func claimsOf(t *oidc.IDToken) (claims, error) {
	var cl claims
	if err := t.Claims(&cl); err != nil {
		return claims{}, fmt.Errorf("auth: token claims: %w", err)
	}
	if cl.Subject == "" {
		return claims{}, fmt.Errorf("auth: token has no subject")
	}
	if err := t.Claims(&cl.all); err != nil {
		return claims{}, fmt.Errorf("auth: token claims: %w", err)
	}
	cl.Email = strings.TrimSpace(cl.Email)
	return cl, nil
}

// names splits the person's name into first and last for provisioning.
func (cl claims) names() (first, last string) {
	if cl.GivenName != "" || cl.FamilyName != "" {
		return cl.GivenName, cl.FamilyName
	}
	name := strings.TrimSpace(cl.Name)
	if i := strings.LastIndex(name, " "); i > 0 {
		return strings.TrimSpace(name[:i]), name[i+1:]
	}
	return name, ""
}

// flexibleBool accepts true/false and the strings "true"/"false", which
// some providers send for email_verified.
type flexibleBool bool

// UnmarshalJSON decodes a JSON boolean or boolean string; anything else is false.
func (b *flexibleBool) UnmarshalJSON(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case bool:
		*b = flexibleBool(x)
	case string:
		*b = flexibleBool(strings.EqualFold(x, "true"))
	default:
		*b = false
	}
	return nil
}
