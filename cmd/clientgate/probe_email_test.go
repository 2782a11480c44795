package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"clientgate/connectors/connectortest"
	"clientgate/connectors/restapi/resttest"
)

// TestCheckConfigProbeNeedsOnlyTheConnector runs check-config --probe
// --email with nothing configured but the connector: no sign-in, no
// session keys, no database; it must create no file, mask the API key,
// and report raw counts and the mapped items. The old --probe EMAIL form
// still works.
func TestCheckConfigProbeNeedsOnlyTheConnector(t *testing.T) {
	dir := t.TempDir()
	seed := connectortest.StandardSeed()
	crm := resttest.NewLegacy(t, seed)
	mappingFile := writeFile(t, dir, "good.yaml", legacyMapping(t, crm.URL))
	work := t.TempDir()
	env := append(baseEnv(t), "CLIENTGATE_CONNECTOR_TYPE=restapi", "LEGACY_API_KEY="+crm.APIKey,
		"CLIENTGATE_CONNECTOR_RESTAPI_MAPPING_FILE="+mappingFile, "CLIENTGATE_DATA_DIR="+filepath.Join(work, "data"))
	email := seed.Contacts[2].Contact.Email

	for _, args := range [][]string{
		{"check-config", "--probe", "--email", email},
		{"check-config", "--probe", email},
		{"check-config", "--probe=" + email},
	} {
		r := runBinary(t, env, args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
		}
		for _, want := range []string{"connector answered its ping (restapi)", "sent list_invoices: GET ", "api_key=REDACTED",
			"list_invoices: ", "raw item(s) in the answers", "mapped 1 item(s)", "INV-1401", "probe OK"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: output lacks %q:\n%s", args, want, r.stdout)
			}
		}
		if strings.Contains(r.stdout+r.stderr, crm.APIKey) {
			t.Errorf("%v: output holds the API key", args)
		}
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Errorf("the probe created files: %v", entries)
	}
	r := runBinary(t, env, "check-config", "--probe")
	if r.code != 2 || !strings.Contains(r.stderr, "--probe needs --email") {
		t.Errorf("--probe without email: exit %d\n%s", r.code, r.stderr)
	}
}

// legacyMapping is the legacy test CRM's mapping pointed at root.
func legacyMapping(t *testing.T, root string) string {
	t.Helper()
	mapping, err := os.ReadFile("../../connectors/restapi/testdata/legacy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`(?m)^base_url: .*$`).ReplaceAllString(string(mapping), "base_url: "+root+"/api/v1")
}
