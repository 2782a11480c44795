package restapi_test

import (
	"log/slog"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/httpclient"
	"clientgate/connectors/restapi"
	"clientgate/connectors/restapi/resttest"
)

// loadMapping reads a mapping from testdata.
func loadMapping(t testing.TB, name string) *restapi.Mapping {
	t.Helper()
	m, err := restapi.LoadMapping("testdata/" + name)
	if err != nil {
		t.Fatalf("LoadMapping %s: %v", name, err)
	}
	return m
}

// testHTTP keeps retries short for tests.
var testHTTP = httpclient.Options{Retries: 1, RetryWaitMin: 1e6, RetryWaitMax: 1e7}

// openModern starts a Modern server loaded with seed and a connector
// over it.
func openModern(t testing.TB, seed connectortest.Seed, log *slog.Logger) (*restapi.Connector, *resttest.Modern) {
	t.Helper()
	srv := resttest.NewModern(t, seed)
	c, err := restapi.New(loadMapping(t, "modern.yaml"), restapi.Options{
		BaseURL: srv.URL + "/v2", HTTP: testHTTP, Logger: log,
		Getenv: envOf(map[string]string{"MODERN_CLIENT_SECRET": srv.ClientSecret}),
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, srv
}

// openLegacy starts a Legacy server loaded with seed and a connector
// over it.
func openLegacy(t testing.TB, seed connectortest.Seed, log *slog.Logger) (*restapi.Connector, *resttest.Legacy) {
	t.Helper()
	srv := resttest.NewLegacy(t, seed)
	c, err := restapi.New(loadMapping(t, "legacy.yaml"), restapi.Options{
		BaseURL: srv.URL + "/api/v1", HTTP: testHTTP, Logger: log,
		Getenv: envOf(map[string]string{"LEGACY_API_KEY": srv.APIKey}),
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, srv
}

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestModernConformance(t *testing.T) {
	connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		c, _ := openModern(t, seed, nil)
		return c
	}))
}

func TestLegacyConformance(t *testing.T) {
	connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		c, _ := openLegacy(t, seed, nil)
		return c
	}))
}

// newModernWithSecret opens a connector on a Modern server with the given
// client secret instead of the right one.
func newModernWithSecret(t *testing.T, secret string) *restapi.Connector {
	t.Helper()
	srv := resttest.NewModern(t, connectortest.Seed{})
	c, err := restapi.New(loadMapping(t, "modern.yaml"), restapi.Options{BaseURL: srv.URL + "/v2", HTTP: testHTTP,
		Getenv: envOf(map[string]string{"MODERN_CLIENT_SECRET": secret})})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type httpOptions = httpclient.Options

func normalHTTP() httpclient.Options { return testHTTP }
func faultsHTTP() httpclient.Options { return faultHTTP }
