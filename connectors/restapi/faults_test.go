package restapi_test

import (
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/httpclient"
	"clientgate/connectors/restapi"
)

// faultHTTP is what RunFaults asks for: a short timeout, tiny retry
// waits and a small body limit.
var faultHTTP = httpclient.Options{Timeout: 300 * time.Millisecond, Retries: 2,
	RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond, MaxBodyBytes: 1 << 20}

func TestLegacyFaults(t *testing.T) {
	connectortest.RunFaults(t, connectortest.FaultHarnessFunc(func(t *testing.T, baseURL string) (connectors.Connector, string) {
		const key = "legacy-key-3f9a1c0e"
		c, err := restapi.New(loadMapping(t, "legacy.yaml"), restapi.Options{BaseURL: baseURL + "/api/v1",
			HTTP: faultHTTP, Getenv: envOf(map[string]string{"LEGACY_API_KEY": key})})
		if err != nil {
			t.Fatal(err)
		}
		return c, key
	}))
}

func TestModernFaults(t *testing.T) {
	connectortest.RunFaults(t, connectortest.FaultHarnessFunc(func(t *testing.T, baseURL string) (connectors.Connector, string) {
		const secret = "modern-secret-77b2e4d1"
		c, err := restapi.New(loadMapping(t, "modern.yaml"), restapi.Options{BaseURL: baseURL + "/v2",
			HTTP: faultHTTP, Getenv: envOf(map[string]string{"MODERN_CLIENT_SECRET": secret})})
		if err != nil {
			t.Fatal(err)
		}
		return c, secret
	}))
}
