package main

import (
	"strings"
	"testing"

	"clientgate/connectors/connectortest"
	"clientgate/connectors/restapi/resttest"
)

// TestCheckConfigRestProbe checks a REST mapping end to end: the binary
// pings the test CRM and prints what the mapping made of one contact; a
// broken mapping lists its problems; --probe is refused for other types.
func TestCheckConfigRestProbe(t *testing.T) {
	dir := t.TempDir()
	seed := connectortest.StandardSeed()
	crm := resttest.NewLegacy(t, seed)
	good := legacyMapping(t, crm.URL)
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	env := append(baseEnv(t), "CLIENTGATE_CONNECTOR_TYPE=restapi", "LEGACY_API_KEY="+crm.APIKey,
		"CLIENTGATE_CONNECTOR_RESTAPI_MAPPING_FILE="+writeFile(t, dir, "good.yaml", good))
	email := seed.Contacts[0].Contact.Email

	r := runBinary(t, env, "check-config", "--config", cfg, "--probe", email)
	if r.code != 0 || !strings.Contains(r.stdout, "connector answered its ping (restapi)") || !strings.Contains(r.stdout, email) {
		t.Errorf("probe: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}

	broken := strings.Replace(good, "email: email", "email: email..[", 1)
	env[len(env)-1] = "CLIENTGATE_CONNECTOR_RESTAPI_MAPPING_FILE=" + writeFile(t, dir, "broken.yaml", broken)
	r = runBinary(t, env, "check-config", "--config", cfg)
	if r.code != 1 || !strings.Contains(r.stderr, "operations.find_contact_by_email") {
		t.Errorf("broken mapping: exit %d\nstderr: %s", r.code, r.stderr)
	}

	r = runBinary(t, baseEnv(t), "check-config", "--config", cfg, "--probe", email)
	if r.code != 2 || !strings.Contains(r.stderr, "--probe works with connector.type restapi") {
		t.Errorf("probe on sqlstore: exit %d\nstderr: %s", r.code, r.stderr)
	}
}
