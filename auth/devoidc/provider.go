// Package devoidc is a development OpenID provider for demos and tests,
// built on zitadel/oidc's op package: real discovery, JWKS, RS256-signed
// ID tokens, the authorization code flow with PKCE S256 required, and
// end_session. Its sign-in page lists demo people to sign in as. It binds
// to loopback addresses only.
package devoidc

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"
)

// Provider is a running development provider.
type Provider struct {
	issuer  string
	storage *storage
	handler http.Handler
	server  *http.Server // nil unless Start runs it
}

// Option adjusts a provider.
type Option func(*client)

// WithPostLogoutRedirectURLs sets the URLs end_session may redirect to;
// by default the origins of the redirect URLs and their paths without
// "/auth/callback".
func WithPostLogoutRedirectURLs(urls ...string) Option {
	return func(c *client) { c.postLogout = urls }
}

// Start runs a provider on addr (a loopback host and port; port 0 picks
// one) for one client, until Close or until ctx ends.
func Start(ctx context.Context, addr, clientID, clientSecret string, redirectURLs []string, people []Person, opts ...Option) (*Provider, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("devoidc: listen: %w", err)
	}
	p, err := New("http://"+ln.Addr().String(), clientID, clientSecret, redirectURLs, people, opts...)
	if err != nil {
		_ = ln.Close()
		return nil, err
	}
	p.server = &http.Server{Handler: p.handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = p.server.Serve(ln) }()
	go func() {
		<-ctx.Done()
		p.Close()
	}()
	return p, nil
}

// New builds a provider whose issuer is issuer, such as
// "http://192.0.2.7:8080/dev-oidc", to be served by the caller at that
// address (see Handler): the demo mounts it on the portal's own server so
// that both share one public address. Like Start, it is for demos and
// tests only: anyone who reaches it can sign in as any of people.
func New(issuer, clientID, clientSecret string, redirectURLs []string, people []Person, opts ...Option) (*Provider, error) {
	if clientID == "" || clientSecret == "" || len(redirectURLs) == 0 {
		return nil, errors.New("devoidc: client ID, secret and at least one redirect URL are required")
	}
	u, err := url.Parse(issuer)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return nil, fmt.Errorf("devoidc: issuer %q is not an http(s) URL", issuer)
	}
	issuer = strings.TrimRight(issuer, "/")
	c := &client{
		id: clientID, secret: clientSecret, redirects: redirectURLs,
		postLogout: defaultPostLogout(redirectURLs), idTokenTTL: time.Hour,
		allowedScope: map[string]bool{"openid": true, "email": true, "profile": true},
		prefix:       strings.TrimRight(u.Path, "/"),
	}
	for _, o := range opts {
		o(c)
	}
	key, err := newSigningKey()
	if err != nil {
		return nil, err
	}
	p := &Provider{issuer: issuer, storage: newStorage(c, newDirectory(people), key)}
	p.storage.logout = p.sendLogout
	if p.handler, err = p.build(c.prefix); err != nil {
		return nil, err
	}
	return p, nil
}

// Handler serves the provider: discovery, keys, the OpenID endpoints and
// the sign-in page, at the paths under the issuer's path.
func (p *Provider) Handler() http.Handler { return p.handler }

// Issuer is the provider's issuer URL, such as "http://127.0.0.1:5556".
func (p *Provider) Issuer() string { return p.issuer }

// Close stops a provider that Start runs.
func (p *Provider) Close() {
	if p.server != nil {
		_ = p.server.Close()
	}
}

// build makes the OpenID provider and the sign-in page, served under
// prefix (the issuer's path).
func (p *Provider) build(prefix string) (http.Handler, error) {
	cfg := &op.Config{
		CryptoKey:                [32]byte([]byte(randomID(16))),
		DefaultLogoutRedirectURI: prefix + loggedOutPath,
		CodeMethodS256:           true,
		SupportedUILocales:       []language.Tag{language.English},
	}
	provider, err := op.NewProvider(cfg, p.storage, op.StaticIssuer(p.issuer), op.WithAllowInsecure())
	if err != nil {
		return nil, fmt.Errorf("devoidc: provider: %w", err)
	}
	callback := provider.AuthorizationEndpoint().Absolute(p.issuer) + "/callback?id="
	mux := http.NewServeMux()
	mux.Handle(loginPath, &loginPage{storage: p.storage, callback: callback, action: prefix + loginPath})
	mux.HandleFunc(loggedOutPath, loggedOut)
	mux.HandleFunc("GET /favicon.ico", noIcon)
	mux.Handle("/", provider)
	if prefix == "" {
		return mux, nil
	}
	return http.StripPrefix(prefix, mux), nil
}

// checkLoopback refuses any address that is not a loopback IP or localhost.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("devoidc: address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("devoidc: address %q is not loopback; the development provider only binds to 127.0.0.1, ::1 or localhost", addr)
	}
	return nil
}

// defaultPostLogout allows each redirect URL's origin and its path
// without the "/auth/callback" suffix (with and without a final slash).
func defaultPostLogout(redirects []string) []string {
	var out []string
	for _, r := range redirects {
		u, err := url.Parse(r)
		if err != nil || u.Host == "" {
			continue
		}
		origin := u.Scheme + "://" + u.Host
		out = append(out, origin, origin+"/")
		if base, ok := strings.CutSuffix(u.Path, "/auth/callback"); ok && base != "" {
			out = append(out, origin+base, origin+base+"/")
		}
	}
	return out
}

// noIcon answers the browsers' favicon request with no content, rather
// than a 404 that shows as an error in their consoles.
func noIcon(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }
