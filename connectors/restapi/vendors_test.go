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

// vendor is a shipped mapping and its test server.
type vendor struct {
	mapping, apiPath, secretEnv string
	// start starts the test server and returns its root and secret.
	start func(t *testing.T, seed connectortest.Seed) (root, secret string)
}

var vendors = map[string]vendor{
	"Dolibarr": {"dolibarr.yaml", "/api/index.php", "DOLIBARR_API_KEY", func(t *testing.T, seed connectortest.Seed) (string, string) {
		srv := resttest.NewDolibarr(t, seed)
		return srv.URL, srv.APIKey
	}},
	"Pipedrive": {"pipedrive.yaml", "/api/v1", "PIPEDRIVE_API_TOKEN", func(t *testing.T, seed connectortest.Seed) (string, string) {
		srv := resttest.NewPipedrive(t, seed)
		return srv.URL, srv.Token
	}},
	"HubSpot": {"hubspot.yaml", "", "HUBSPOT_TOKEN", func(t *testing.T, seed connectortest.Seed) (string, string) {
		srv := resttest.NewHubSpot(t, seed)
		return srv.URL, srv.Token
	}},
}

// TestVendorMappings runs the conformance and fault suites on every
// shipped mapping against its vendor-shaped test server.
func TestVendorMappings(t *testing.T) {
	for name, v := range vendors {
		t.Run(name+"/Conformance", func(t *testing.T) {
			connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
				root, secret := v.start(t, seed)
				return openVendor(t, v.mapping, root+v.apiPath, map[string]string{v.secretEnv: secret}, normalHTTP)
			}))
		})
		t.Run(name+"/Faults", func(t *testing.T) {
			secret := "secret-of-" + name + "-5e1d0c2a"
			connectortest.RunFaults(t, connectortest.FaultHarnessFunc(func(t *testing.T, baseURL string) (connectors.Connector, string) {
				return openVendor(t, v.mapping, baseURL+v.apiPath, map[string]string{v.secretEnv: secret}, faultsHTTP), secret
			}))
		})
	}
}

// TestHubSpotCompanyLookup checks that the company comes from the
// associations request: colleagues share one, people without have none.
func TestHubSpotCompanyLookup(t *testing.T) {
	seed := connectortest.StandardSeed()
	root, token := vendors["HubSpot"].start(t, seed)
	c := openVendor(t, "hubspot.yaml", root, map[string]string{"HUBSPOT_TOKEN": token}, normalHTTP)
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
