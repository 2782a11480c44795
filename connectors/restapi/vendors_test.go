package restapi_test

import (
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/restapi"
	"clientgate/connectors/restapi/resttest"
)

// docsMapping loads a shipped mapping from docs/restapi.
func docsMapping(t testing.TB, name string) *restapi.Mapping {
	t.Helper()
	m, err := restapi.LoadMapping("../../docs/restapi/" + name)
	if err != nil {
		t.Fatalf("LoadMapping %s: %v", name, err)
	}
	return m
}

func openVendor(t testing.TB, mapping, baseURL string, env map[string]string, http func() restapiHTTP) *restapi.Connector {
	t.Helper()
	c, err := restapi.New(docsMapping(t, mapping), restapi.Options{BaseURL: baseURL, HTTP: http(), Getenv: envOf(env)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

type restapiHTTP = httpOptions

func TestDolibarrConformance(t *testing.T) {
	connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		srv := resttest.NewDolibarr(t, seed)
		return openVendor(t, "dolibarr.yaml", srv.URL+"/api/index.php", map[string]string{"DOLIBARR_API_KEY": srv.APIKey}, normalHTTP)
	}))
}

func TestDolibarrFaults(t *testing.T) {
	const key = "dolibarr-key-5e1d0c2a"
	connectortest.RunFaults(t, connectortest.FaultHarnessFunc(func(t *testing.T, baseURL string) (connectors.Connector, string) {
		return openVendor(t, "dolibarr.yaml", baseURL+"/api/index.php", map[string]string{"DOLIBARR_API_KEY": key}, faultsHTTP), key
	}))
}

func TestPipedriveConformance(t *testing.T) {
	connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		srv := resttest.NewPipedrive(t, seed)
		return openVendor(t, "pipedrive.yaml", srv.URL+"/api/v1", map[string]string{"PIPEDRIVE_API_TOKEN": srv.Token}, normalHTTP)
	}))
}

func TestPipedriveFaults(t *testing.T) {
	const token = "pipedrive-token-8c2f9e1b"
	connectortest.RunFaults(t, connectortest.FaultHarnessFunc(func(t *testing.T, baseURL string) (connectors.Connector, string) {
		return openVendor(t, "pipedrive.yaml", baseURL+"/api/v1", map[string]string{"PIPEDRIVE_API_TOKEN": token}, faultsHTTP), token
	}))
}
