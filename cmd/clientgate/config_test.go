package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// sessionKey is a valid base64 32-byte session key.
const sessionKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="

// serveConfig returns a valid configuration for serve in dir: SQLite in
// dir, any free ports, a (never contacted) provider.
func testConfigYAML(t testing.TB, dir string) string {
	return `listen:
  addr: 127.0.0.1:0
metrics:
  addr: 127.0.0.1:0
public_url: http://127.0.0.1:8080
data_dir: ` + filepath.Join(dir, "data") + `
auth:
  issuer: ` + testIssuer(t) + `
  client_id: portal
  redirect_url: http://127.0.0.1:8080/auth/callback
  session_keys: [` + sessionKey + `]
`
}

func TestVersion(t *testing.T) {
	r := runBinary(t, baseEnv(t), "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "clientgate "+testVersion+" (go") {
		t.Errorf("version: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	// The test binary has build information but no -X flag.
	if got := versionString(); got == "" || got == "unknown" {
		t.Errorf("versionString() = %q", got)
	}
}

func TestHelpAndUsage(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"help"}, 0, "clientgate check-config", ""},
		{nil, 2, "", "Usage:"},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"serve", "--nope"}, 2, "", "flag provided but not defined: -nope"},
		{[]string{"import"}, 2, "", "import needs exactly one data file"},
		{[]string{"link"}, 2, "", "link needs a subcommand"},
		{[]string{"link", "rename"}, 2, "", `unknown link subcommand "rename"`},
		{[]string{"settings", "show"}, 2, "", "settings show needs exactly one CONTACT_ID or email"},
		{[]string{"settings", "set", "--module", "wiki=on", "1"}, 2, "", `unknown module "wiki"`},
		{[]string{"version", "extra"}, 2, "", "version takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runBinary(t, baseEnv(t), tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.out) || !strings.Contains(r.stderr, tt.err) {
				t.Errorf("code %d (want %d)\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
		})
	}
}

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	crm := testJetpack(t)
	valid := writeFile(t, dir, "valid.yaml", testConfigYAML(t, dir))
	invalid := writeFile(t, dir, "invalid.yaml", `listen:
  addr: nowhere
connector:
  type: jetpackcrm
portal:
  base_path: clients/
  accent_color: blue
auth:
  session_keys: [short]
`)
	badYAML := writeFile(t, dir, "bad.yaml", "listen:\n  addr: [\n")
	unknownKey := writeFile(t, dir, "unknown.yaml", testConfigYAML(t, dir)+"portal:\n  colour: red\n")
	tests := []struct {
		name  string
		env   []string
		args  []string
		code  int
		wants []string
	}{
		{"valid", nil, []string{"--config", valid}, 0, []string{"PASS files: storage answering", "configuration OK (connector sqlstore)"}},
		{"valid from env alone", []string{
			"CLIENTGATE_DATA_DIR=" + filepath.Join(dir, "envdata"), "CLIENTGATE_AUTH_ISSUER=" + testIssuer(t),
			"CLIENTGATE_AUTH_CLIENT_ID=portal", "CLIENTGATE_AUTH_REDIRECT_URL=https://p.example.com/auth/callback",
			"CLIENTGATE_AUTH_SESSION_KEYS=" + sessionKey, "CLIENTGATE_POTRAL_NAME=typo", "CLIENTGATE_PUBLIC_URL=https://p.example.com",
		}, nil, 0, []string{"configuration OK", "warning: CLIENTGATE_POTRAL_NAME sets no configuration key"}},
		{"valid jetpackcrm", []string{
			"CLIENTGATE_CONNECTOR_TYPE=jetpackcrm", "CLIENTGATE_CONNECTOR_JETPACKCRM_URL=" + crm.URL,
			"CLIENTGATE_CONNECTOR_JETPACKCRM_API_KEY=k", "CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET_FILE=" + writeFile(t, dir, "secret", "s\n"),
		}, []string{"--config", valid}, 0, []string{"connector answered", "configuration OK (connector jetpackcrm)"}},
		{"jetpackcrm rejects the secret", []string{
			"CLIENTGATE_CONNECTOR_TYPE=jetpackcrm", "CLIENTGATE_CONNECTOR_JETPACKCRM_URL=" + crm.URL,
			"CLIENTGATE_CONNECTOR_JETPACKCRM_API_KEY=k", "CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET=wrong-secret-value",
		}, []string{"--config", valid}, 1, []string{"connector.jetpackcrm: ", "rejected"}},
		{"every problem", nil, []string{"--config", invalid}, 1, []string{
			"problem(s):",
			`listen.addr: "nowhere" is not a host:port address`,
			"connector.jetpackcrm.url: required when connector.type is jetpackcrm",
			"connector.jetpackcrm.api_key: required when connector.type is jetpackcrm",
			"connector.jetpackcrm.api_secret: required when connector.type is jetpackcrm",
			"auth.issuer: required", "auth.client_id: required", "auth.redirect_url: required",
			"auth.session_keys[0]: is not base64",
			`portal.base_path: "clients/" must start with /`,
			`portal.accent_color: "blue" is not a hex colour`,
		}},
		// The syntax error, with its line and column, and the validation
		// problems of what could be read, all at once.
		{"bad yaml", nil, []string{"--config", badYAML}, 1, []string{"FAIL config", badYAML + ":2:9: syntax error: ", "auth.issuer: required"}},
		{"redirect url off the portal's origin", []string{"CLIENTGATE_AUTH_REDIRECT_URL=https://elsewhere.example/auth/callback"},
			[]string{"--config", valid}, 1, []string{"PASS database", "PASS oidc discovery", "PASS oidc signing keys",
				"FAIL redirect url: auth.redirect_url https://elsewhere.example/auth/callback is not on public_url's origin",
				"clientgate would start but not work fully: redirect url failed"}},
		{"provider unreachable", []string{"CLIENTGATE_AUTH_ISSUER=http://127.0.0.1:1/realm"},
			[]string{"--config", valid}, 1, []string{"FAIL oidc discovery: fetch http://127.0.0.1:1/realm/.well-known/openid-configuration",
				"SKIP oidc signing keys: no discovery document", "PASS redirect url"}},
		{"unknown key", nil, []string{"--config", unknownKey}, 1, []string{"portal.colour: unknown key (" + unknownKey + " line"}},
		{"missing file", nil, []string{"--config", filepath.Join(dir, "none.yaml")}, 1, []string{"no such file"}},
		{"bad env value", []string{"CLIENTGATE_CACHE_TTL_ITEMS=soon"}, []string{"--config", valid}, 1, []string{
			`CLIENTGATE_CACHE_TTL_ITEMS: "soon" is not a duration`}},
		{"unreachable postgres", []string{"CLIENTGATE_DATABASE_DSN=postgres://postgres@127.0.0.1:1/none?sslmode=disable"},
			[]string{"--config", valid}, 1, []string{"database.dsn: sqlstore: cannot reach postgres at 127.0.0.1:1"}},
		{"file storage missing", []string{"CLIENTGATE_FILES_URL=file://" + filepath.Join(dir, "no", "such", "dir")},
			[]string{"--config", valid}, 1, []string{"FAIL files: files.url: ", "clientgate would start but not work fully: files failed"}},
		{"clamd not answering", []string{"CLIENTGATE_FILES_CLAMD=127.0.0.1:1"},
			[]string{"--config", valid}, 1, []string{"FAIL files: files.clamd: ", "clientgate would start but not work fully: files failed"}},
		{"sqlite in a missing place", []string{"CLIENTGATE_DATABASE_DSN=" + filepath.Join(valid, "sub", "x.db")},
			[]string{"--config", valid}, 1, []string{"database.dsn: sqlstore: open sqlite"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runBinary(t, append(baseEnv(t), tt.env...), append([]string{"check-config"}, tt.args...)...)
			out := r.stdout + r.stderr
			if strings.Contains(out, "wrong-secret-value") {
				t.Errorf("the output shows the API secret:\n%s", out)
			}
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\n%s", r.code, tt.code, out)
			}
			for _, w := range tt.wants {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			// A failed check adds one line, its reason, after the verdict.
			lines := strings.Count(strings.TrimSpace(r.stderr), "\n")
			if strings.Contains(r.stderr, "clientgate would") {
				lines--
			}
			if tt.code != 0 && len(tt.wants) == 1 && lines > 0 {
				t.Errorf("a single error takes more than one line:\n%s", r.stderr)
			}
		})
	}
}
