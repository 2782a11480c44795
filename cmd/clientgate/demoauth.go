package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"clientgate/auth"
	"clientgate/auth/devoidc"
	"clientgate/config"
)

// demoClientID names the portal at the demo's development provider.
const demoClientID = "clientgate-demo"

// demoIssuerPath is where the demo serves its development provider, on
// the portal's own server and public address.
const demoIssuerPath = "/dev-oidc"

// demoAPIAudience is the audience of the demo's API access tokens (scope
// devoidc.APIAudienceScope + it).
const demoAPIAudience = "clientgate-demo-api"

// demoStranger is a demo person with no contact in the demo data, to show
// the "no portal access" page.
var demoStranger = devoidc.Person{Email: "newcomer@example.test", Name: "Nora Newcomer (no contact)"}

// newDemoProvider builds the development OpenID provider under
// demoIssuerPath of the portal's public URL, lists the demo contacts as
// people to sign in as, and points cfg's auth section at it with fresh
// random secrets. The returned extras mount it on the portal's server
// and let sign-in reach it through the listener, whatever the public
// address resolves to from this machine.
func newDemoProvider(cfg *config.Config) (serveExtras, error) {
	people, err := demoPeople()
	if err != nil {
		return serveExtras{}, err
	}
	secret, key := randomBase64(24), randomBase64(config.SessionKeySize)
	redirect := cfg.PublicURL + "/auth/callback"
	issuer := cfg.PublicURL + demoIssuerPath
	op, err := devoidc.New(issuer, demoClientID, secret, []string{redirect}, people,
		devoidc.WithPostLogoutRedirectURLs(cfg.PublicURL+cfg.Portal.BasePath+"/", cfg.PublicURL+"/"),
		devoidc.WithAPIAudience(demoAPIAudience), devoidc.WithBackChannelLogoutURL(cfg.PublicURL+"/auth/backchannel-logout"))
	if err != nil {
		return serveExtras{}, fmt.Errorf("demo: sign-in provider: %w", err)
	}
	cfg.Auth.Issuer = op.Issuer()
	cfg.Auth.ClientID = demoClientID
	cfg.Auth.ClientSecret = secret
	cfg.Auth.RedirectURL = redirect
	cfg.Auth.SessionKeys = []string{key}
	cfg.Auth.APIAudience, cfg.Auth.APIClients = demoAPIAudience, []string{demoClientID}
	insecure := isPlainHTTP(cfg.PublicURL)
	return serveExtras{
		mounts: map[string]http.Handler{demoIssuerPath: op.Handler()},
		authOptions: func(o *auth.Options) {
			o.HTTPClient = throughListener(cfg.PublicURL, cfg.Listen.Addr)
			o.InsecureCookies = insecure
		},
	}, nil
}

// isPlainHTTP reports whether a URL is http:, where browsers do not send
// Secure cookies back (except on loopback, which auth allows anyway).
func isPlainHTTP(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "http"
}

// throughListener is an HTTP client that reaches the public URL's host
// at the listen address instead (0.0.0.0 and :: as loopback), so that
// sign-in talks to the in-process provider even when the public name
// does not resolve, or loops back, from this machine.
func throughListener(publicURL, listen string) *http.Client {
	u, _ := url.Parse(publicURL)
	target := loopbackFor(listen)
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if u != nil && addr == hostPort(u) {
			addr = target
		}
		return dialer.DialContext(ctx, network, addr)
	}
	return &http.Client{Transport: transport, Timeout: 30 * time.Second}
}

// hostPort is a URL's host with its port, the scheme's default if none.
func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "https" {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}

// loopbackFor turns a listen address into one to dial: an unspecified
// host (empty, 0.0.0.0, ::) becomes 127.0.0.1.
func loopbackFor(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// demoPeople lists every contact of the demo data, then demoStaff and
// demoStranger.
func demoPeople() ([]devoidc.Person, error) {
	data, err := demoData(today())
	if err != nil {
		return nil, err
	}
	people := make([]devoidc.Person, 0, len(data.Contacts)+1)
	for _, c := range data.Contacts {
		people = append(people, devoidc.Person{Email: c.Contact.Email, Name: c.Contact.Name()})
	}
	return append(people, demoStaff, demoStranger), nil
}

// randomBase64 returns n random bytes in standard base64.
func randomBase64(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// resolvePort replaces port 0 in addr with a free port, since the
// provider must know the portal's callback URL before it listens.
func resolvePort(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port != "0" {
		return addr, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("demo: %w", err)
	}
	defer ln.Close()
	return net.JoinHostPort(host, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)), nil
}
