package devoidc

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// BackChannelLogoutEvent is the events claim member that makes a JWT a
// logout token (OpenID Connect Back-Channel Logout 1.0).
const BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout"

// WithBackChannelLogoutURL makes end_session send a logout token for each
// of the person's provider sessions to url, as a provider does for a
// relying party registered for back-channel logout.
func WithBackChannelLogoutURL(u string) Option {
	return func(c *client) { c.backChannelURL = u }
}

// SetUserinfoFromRequest adds the provider session's sid to ID tokens.
func (s *storage) SetUserinfoFromRequest(_ context.Context, u *oidc.UserInfo, r op.IDTokenRequest, _ []string) error {
	if a, ok := r.(*authRequest); ok && a.sid != "" {
		u.AppendClaims("sid", a.sid)
	}
	return nil
}

// SIDs lists the provider sessions person signed in with, oldest first.
func (p *Provider) SIDs(person Person) []string {
	p.storage.mu.Lock()
	defer p.storage.mu.Unlock()
	var out []string
	for sid, sub := range p.storage.sids {
		if sub == person.subject() {
			out = append(out, sid)
		}
	}
	slices.Sort(out)
	return out
}

// LogoutClaims returns the claims of a logout token for person's
// provider session sid ("" for every session of the person), for the
// client: iss, aud, iat, a fresh jti, the events claim, sub and sid.
// Tests adjust the map before signing it with SignLogoutToken.
func (p *Provider) LogoutClaims(person Person, sid string) map[string]any {
	return p.logoutClaims(person.subject(), sid)
}

func (p *Provider) logoutClaims(subject, sid string) map[string]any {
	now := time.Now()
	c := map[string]any{
		"iss": p.issuer, "aud": p.storage.client.id, "iat": now.Unix(), "exp": now.Add(2 * time.Minute).Unix(),
		"jti": randomID(16), "sub": subject,
		"events": map[string]any{BackChannelLogoutEvent: map[string]any{}},
	}
	if sid != "" {
		c["sid"] = sid
	}
	return c
}

// sendLogout signs and posts a logout token for one provider session to
// the client's back-channel logout URL.
func (p *Provider) sendLogout(ctx context.Context, subject, sid string) error {
	tok, err := p.SignLogoutToken(p.logoutClaims(subject, sid))
	if err != nil {
		return err
	}
	status, err := PostLogoutToken(ctx, p.storage.client.backChannelURL, tok)
	if err == nil && status != http.StatusOK {
		err = fmt.Errorf("devoidc: back-channel logout answered %d", status)
	}
	return err
}

// SignLogoutToken signs claims as a logout token (typ logout+jwt) with the
// provider's key.
func (p *Provider) SignLogoutToken(claims map[string]any) (string, error) {
	return signTyped(p.storage.key, claims, "logout+jwt")
}

// PostLogoutToken sends a signed logout token to a relying party's
// back-channel logout endpoint and returns the HTTP status it answered.
func PostLogoutToken(ctx context.Context, endpoint, token string) (int, error) {
	form := url.Values{"logout_token": {token}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, fmt.Errorf("devoidc: logout request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return 0, fmt.Errorf("devoidc: back-channel logout: %w", err)
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// TerminateSession ends the person's provider sessions and, with a
// back-channel logout URL, tells the relying party about each one. The
// provider keeps no login session of its own: its picker shows on every
// sign-in.
func (s *storage) TerminateSession(ctx context.Context, userID, _ string) error {
	s.mu.Lock()
	var sids []string
	for sid, sub := range s.sids {
		if sub == userID {
			sids = append(sids, sid)
			delete(s.sids, sid)
		}
	}
	s.mu.Unlock()
	if s.client.backChannelURL == "" || s.logout == nil {
		return nil
	}
	var errs []error
	for _, sid := range sids {
		errs = append(errs, s.logout(ctx, userID, sid))
	}
	return errors.Join(errs...)
}
