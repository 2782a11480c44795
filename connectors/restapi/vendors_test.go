package restapi_test

import (
	"context"
	"errors"
	"strings"
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
	"Pipedrive": {"pipedrive.yaml", "/api", "PIPEDRIVE_API_TOKEN", func(t *testing.T, seed connectortest.Seed) (string, string) {
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

// seededContact finds a seeded contact of a vendor mapping by email.
func seededContact(t *testing.T, c *restapi.Connector, email string) connectors.Contact {
	t.Helper()
	ct, err := c.FindContactByEmail(context.Background(), email)
	if err != nil {
		t.Fatalf("FindContactByEmail %s: %v", email, err)
	}
	return ct
}

// TestVendorTasksHideInternalNotes checks that the HubSpot and Pipedrive
// mappings show a meeting's or activity's public description, never the
// team's internal notes the test servers also send.
func TestVendorTasksHideInternalNotes(t *testing.T) {
	for _, name := range []string{"HubSpot", "Pipedrive"} {
		t.Run(name, func(t *testing.T) {
			v := vendors[name]
			root, secret := v.start(t, connectortest.StandardSeed())
			c := openVendor(t, v.mapping, root+v.apiPath, map[string]string{v.secretEnv: secret}, normalHTTP)
			zoe := seededContact(t, c, "zoe.angstrom@example.com")
			p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{})
			if err != nil || len(p.Items) == 0 {
				t.Fatalf("ListTasks = %+v, %v", p, err)
			}
			for _, task := range p.Items {
				if !strings.HasPrefix(task.Description, "Agenda: ") || strings.Contains(task.Description, "Internal") {
					t.Errorf("task %q shows %q, want its public description", task.Title, task.Description)
				}
			}
		})
	}
}

// TestDolibarrPaidAtFromPayments checks that a paid invoice's payment
// date comes from its payments (a sub-request sent for paid invoices
// only).
func TestDolibarrPaidAtFromPayments(t *testing.T) {
	seed := connectortest.StandardSeed()
	v := vendors["Dolibarr"]
	root, secret := v.start(t, seed)
	c := openVendor(t, v.mapping, root+v.apiPath, map[string]string{v.secretEnv: secret}, normalHTTP)
	zoe := seededContact(t, c, "zoe.angstrom@example.com")
	p, err := c.ListInvoices(context.Background(), connectors.Scope{ContactID: zoe.ID}, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]connectors.Invoice{}
	for _, inv := range seed.Contacts[0].Invoices {
		want[inv.Number] = inv
	}
	for _, inv := range p.Items {
		if !inv.PaidAt.Equal(want[inv.Number].PaidAt) {
			t.Errorf("%s paid at %v, want %v", inv.Number, inv.PaidAt, want[inv.Number].PaidAt)
		}
	}
}

// TestVendorProbes runs check-config --probe's walk on every shipped
// mapping: every operation answers, and the cost of per-item requests is
// stated.
func TestVendorProbes(t *testing.T) {
	for name, v := range vendors {
		t.Run(name, func(t *testing.T) {
			root, secret := v.start(t, connectortest.StandardSeed())
			c := openVendor(t, v.mapping, root+v.apiPath, map[string]string{v.secretEnv: secret}, normalHTTP)
			var out strings.Builder
			if err := restapi.Probe(context.Background(), c, "zoe.angstrom@example.com", &out); err != nil {
				t.Fatalf("Probe: %v\n%s", err, out.String())
			}
			if strings.Contains(out.String(), secret) {
				t.Error("the probe printed the secret")
			}
			if name != "Pipedrive" && !strings.Contains(out.String(), "cost: ") {
				t.Errorf("no cost stated:\n%s", out.String())
			}
		})
	}
}
