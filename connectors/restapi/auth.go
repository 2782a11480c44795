package restapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"clientgate/connectors"
)

// authorizer adds credentials to an outgoing request.
type authorizer interface {
	apply(ctx context.Context, req *http.Request) error
	// reset drops any cached token after the API rejected it, and reports
	// whether retrying could help.
	reset() bool
}

type noAuth struct{}

func (noAuth) apply(context.Context, *http.Request) error { return nil }
func (noAuth) reset() bool                                { return false }

// headerAuth sets one header, for bearer tokens and API keys in a header.
type headerAuth struct{ name, value string }

func (h headerAuth) apply(_ context.Context, req *http.Request) error {
	req.Header.Set(h.name, h.value)
	return nil
}
func (headerAuth) reset() bool { return false }

type basicAuth struct{ user, pass string }

func (b basicAuth) apply(_ context.Context, req *http.Request) error {
	req.SetBasicAuth(b.user, b.pass)
	return nil
}
func (basicAuth) reset() bool { return false }

// queryAuth puts an API key into the query string.
type queryAuth struct{ param, key string }

func (a queryAuth) apply(_ context.Context, req *http.Request) error {
	q := req.URL.Query()
	q.Set(a.param, a.key)
	req.URL.RawQuery = q.Encode()
	return nil
}
func (queryAuth) reset() bool { return false }

// newAuthorizer builds the authorizer of a, reading its secrets.
func newAuthorizer(a Auth, base *url.URL, secrets secretSource, client *http.Client) (authorizer, error) {
	switch a.Type {
	case AuthBearer:
		tok, err := secrets.read("token", a.TokenEnv, a.TokenFile)
		return headerAuth{"Authorization", "Bearer " + tok}, err
	case AuthBasic:
		pass, err := secrets.read("password", a.PasswordEnv, a.PasswordFile)
		return basicAuth{a.Username, pass}, err
	case AuthAPIKey:
		key, err := secrets.read("key", a.KeyEnv, a.KeyFile)
		if a.Query != "" {
			return queryAuth{a.Query, key}, err
		}
		return headerAuth{a.Header, a.Prefix + key}, err
	case AuthOAuth2:
		secret, err := secrets.read("client_secret", a.ClientSecretEnv, a.ClientSecretFile)
		if err != nil {
			return nil, err
		}
		tokenURL, err := base.Parse(a.TokenURL)
		if err != nil {
			return nil, fmt.Errorf("restapi: auth: token_url: %w", err)
		}
		style := oauth2.AuthStyleInHeader
		if a.ClientAuth == "body" {
			style = oauth2.AuthStyleInParams
		}
		cfg := &clientcredentials.Config{ClientID: a.ClientID, ClientSecret: secret, AuthStyle: style,
			TokenURL: tokenURL.String(), Scopes: a.Scopes, EndpointParams: params(a.Params)}
		return &oauthAuth{cfg: cfg, client: client}, nil
	}
	return noAuth{}, nil
}

func params(m map[string]string) url.Values {
	v := url.Values{}
	for k, s := range m {
		v.Set(k, s)
	}
	return v
}

// oauthAuth fetches a token with the client credentials flow, caches it
// until shortly before it expires, and fetches a new one when needed.
type oauthAuth struct {
	cfg    *clientcredentials.Config
	client *http.Client
	mu     sync.Mutex
	tok    *oauth2.Token
}

func (o *oauthAuth) apply(ctx context.Context, req *http.Request) error {
	tok, err := o.token(ctx)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", tok.Type()+" "+tok.AccessToken)
	return nil
}

func (o *oauthAuth) token(ctx context.Context) (*oauth2.Token, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.tok.Valid() {
		return o.tok, nil
	}
	tok, err := o.cfg.Token(context.WithValue(ctx, oauth2.HTTPClient, o.client))
	if err != nil {
		return nil, tokenError(ctx, err)
	}
	if tok.Expiry.IsZero() {
		// A token without expiry is kept for an hour at most.
		tok.Expiry = time.Now().Add(time.Hour)
	}
	o.tok = tok
	return tok, nil
}

func (o *oauthAuth) reset() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	had := o.tok != nil
	o.tok = nil
	return had
}

// tokenError classifies a failed token request without repeating the
// token endpoint's answer, which may echo credentials.
func tokenError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("restapi: oauth2 token: %w", ctx.Err())
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.Response != nil {
		code := re.Response.StatusCode
		if code == http.StatusBadRequest || code == http.StatusUnauthorized || code == http.StatusForbidden {
			return fmt.Errorf("%w: oauth2 token endpoint answered %d", connectors.ErrBackendAuth, code)
		}
		return fmt.Errorf("%w: oauth2 token endpoint answered %d", connectors.ErrUnavailable, code)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return fmt.Errorf("%w: oauth2 token: %v", connectors.ErrUnavailable, err)
}
