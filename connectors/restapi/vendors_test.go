package restapi_test

import (
	"context"
	"errors"
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

func TestHubSpotConformance(t *testing.T) {
	connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		srv := resttest.NewHubSpot(t, seed)
		return openVendor(t, "hubspot.yaml", srv.URL, map[string]string{"HUBSPOT_TOKEN": srv.Token}, normalHTTP)
	}))
}

func TestHubSpotFaults(t *testing.T) {
	const token = "pat-eu1-7a9c3e5f-test"
	connectortest.RunFaults(t, connectortest.FaultHarnessFunc(func(t *testing.T, baseURL string) (connectors.Connector, string) {
		return openVendor(t, "hubspot.yaml", baseURL, map[string]string{"HUBSPOT_TOKEN": token}, faultsHTTP), token
	}))
}

// TestHubSpotCompanyLookup checks that the company comes from the
// associations request: colleagues share one, people without have none.
func TestHubSpotCompanyLookup(t *testing.T) {
	seed := connectortest.StandardSeed()
	srv := resttest.NewHubSpot(t, seed)
	c := openVendor(t, "hubspot.yaml", srv.URL, map[string]string{"HUBSPOT_TOKEN": srv.Token}, normalHTTP)
	ctx := context.Background()
	alice, err := c.FindContactByEmail(ctx, "alice@northwind.example")
	if err != nil {
		t.Fatal(err)
	}
	co, err := c.GetCompany(ctx, connectors.Scope{ContactID: alice.ID})
	if err != nil || co.Name != "Northwind Traders Ltd" {
		t.Errorf("GetCompany of alice = %+v, %v", co, err)
	}
	dave, err := c.FindContactByEmail(ctx, "dave.nothing@example.net")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetCompany(ctx, connectors.Scope{ContactID: dave.ID}); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("GetCompany of dave: %v, want ErrNotFound", err)
	}
}
