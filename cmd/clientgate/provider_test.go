package main

import (
	"context"
	"sync"
	"testing"

	"clientgate/auth/devoidc"
	"clientgate/connectors/jetpackcrm/jetpacktest"
)

var (
	testProviderOnce sync.Once
	testProvider     *devoidc.Provider
	testProviderErr  error
)

// testIssuer returns the issuer URL of a development OpenID provider that
// runs in the test process for the whole test binary, so that serve's
// sign-in discovery talks to a real provider on loopback and never to the
// network.
func testIssuer(t testing.TB) string {
	t.Helper()
	testProviderOnce.Do(func() {
		testProvider, testProviderErr = devoidc.Start(context.Background(), "127.0.0.1:0", "portal", "portal-secret",
			[]string{"http://127.0.0.1:8080/auth/callback"}, []devoidc.Person{{Email: "zoe@northwind.example", Name: "Zoë"}})
	})
	if testProviderErr != nil {
		t.Fatalf("start the test OpenID provider: %v", testProviderErr)
	}
	return testProvider.Issuer()
}

// testJetpack starts a Jetpack CRM test server with credentials k and s.
func testJetpack(t testing.TB) *jetpacktest.Server {
	t.Helper()
	srv := jetpacktest.NewServer("k", "s")
	t.Cleanup(srv.Close)
	return srv
}
