package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net"
	"strconv"

	"clientgate/auth/devoidc"
	"clientgate/config"
)

// demoClientID names the portal at the demo's development provider.
const demoClientID = "clientgate-demo"

// demoAPIAudience is the audience of the demo's API access tokens (scope
// devoidc.APIAudienceScope + it).
const demoAPIAudience = "clientgate-demo-api"

// demoStranger is a demo person with no contact in the demo data, to show
// the "no portal access" page.
var demoStranger = devoidc.Person{Email: "newcomer@example.test", Name: "Nora Newcomer (no contact)"}

// startDemoProvider runs the development OpenID provider on a free
// loopback port, lists the demo contacts as people to sign in as, and
// points cfg's auth section at it with fresh random secrets.
func startDemoProvider(ctx context.Context, cfg *config.Config) (*devoidc.Provider, error) {
	people, err := demoPeople()
	if err != nil {
		return nil, err
	}
	secret, key := randomBase64(24), randomBase64(config.SessionKeySize)
	redirect := cfg.PublicURL + "/auth/callback"
	op, err := devoidc.Start(ctx, "127.0.0.1:0", demoClientID, secret, []string{redirect}, people,
		devoidc.WithPostLogoutRedirectURLs(cfg.PublicURL+cfg.Portal.BasePath+"/", cfg.PublicURL+"/"),
		devoidc.WithAPIAudience(demoAPIAudience), devoidc.WithBackChannelLogoutURL(cfg.PublicURL+"/auth/backchannel-logout"))
	if err != nil {
		return nil, fmt.Errorf("demo: sign-in provider: %w", err)
	}
	cfg.Auth.Issuer = op.Issuer()
	cfg.Auth.ClientID = demoClientID
	cfg.Auth.ClientSecret = secret
	cfg.Auth.RedirectURL = redirect
	cfg.Auth.SessionKeys = []string{key}
	cfg.Auth.APIAudience, cfg.Auth.APIClients = demoAPIAudience, []string{demoClientID}
	return op, nil
}

// demoPeople lists every contact of the demo data, then demoStranger.
func demoPeople() ([]devoidc.Person, error) {
	data, err := demoData(today())
	if err != nil {
		return nil, err
	}
	people := make([]devoidc.Person, 0, len(data.Contacts)+1)
	for _, c := range data.Contacts {
		people = append(people, devoidc.Person{Email: c.Contact.Email, Name: c.Contact.Name()})
	}
	return append(people, demoStranger), nil
}

// randomBase64 returns n random bytes in standard base64.
func randomBase64(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// resolvePort replaces port 0 in a loopback addr with a free port, since
// the provider must know the portal's callback URL before it listens.
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
