package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestLoadFile(t *testing.T) {
	yamlOK := `
listen:
  addr: 0.0.0.0:8081
log: {level: debug}
connector:
  type: jetpackcrm
  jetpackcrm:
    url: https://crm.example.com
    timeout: 3s
    portal_statuses: [Customer]
portal:
  modules: {quotes: false}
  hidden_fields: [phone_home]
cache:
  ttl: {items: 2m}
`
	c, err := Load(writeFile(t, "c.yaml", yamlOK), nil)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"listen.addr", c.Listen.Addr, "0.0.0.0:8081"},
		{"log.level", c.Log.Level, "debug"},
		{"log.format kept", c.Log.Format, "json"},
		{"connector.type", c.Connector.Type, "jetpackcrm"},
		{"jetpackcrm.timeout", c.Connector.JetpackCRM.Timeout, 3 * time.Second},
		{"jetpackcrm.retries kept", c.Connector.JetpackCRM.Retries, 2},
		{"portal_statuses replaced", c.Connector.JetpackCRM.PortalStatuses, []string{"Customer"}},
		{"modules.quotes", c.Portal.Modules.Quotes, false},
		{"modules.invoices kept", c.Portal.Modules.Invoices, true},
		{"hidden_fields", c.Portal.HiddenFields, []string{"phone_home"}},
		{"cache.ttl.items", c.Cache.TTL.Items, 2 * time.Minute},
		{"cache.ttl.contact kept", c.Cache.TTL.Contact, 5 * time.Minute},
		{"public_url derived", c.PublicURL, "http://0.0.0.0:8081"},
		{"dsn derived", c.Database.DSN, filepath.Join("data", "clientgate.db")},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s = %#v, want %#v", ch.name, ch.got, ch.want)
		}
	}
}

func TestLoadFileProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"unknown keys with line", "log:\n  levle: debug\nlisten:\n  adr: x\nnope: 1\n",
			[]string{"log.levle: unknown key (", "line 2)", "listen.adr: unknown key", "line 4)", "nope: unknown key"}},
		{"wrong types", "cache:\n  max_entries: lots\n  ttl:\n    items: 30x\n    contact: 30\nauth:\n  scopes: openid\n  issuer: {a: b}\n  auto_provision: maybe\n",
			[]string{"cache.max_entries: `lots` is not a whole number (", "line 2)",
				"cache.ttl.items: `30x` is not a duration such as 30s", "line 4)",
				"cache.ttl.contact: `30` is not a duration", "line 5)",
				"auth.scopes: `openid` must be a list", "line 7)",
				"auth.issuer: must be a single value", "line 8)",
				"auth.auto_provision: `maybe` is not true or false", "line 9)"}},
		{"values sharing a line", "log: {level: 3, format: [x]}\ncache:\n  ttl: {items: 1m}\n  negative_ttl: [1s]\n",
			[]string{"log: must be a single value (", "line 1)", "cache.negative_ttl: is not a duration such as 30s", "line 4)"}},
		{"unknown module", "auth:\n  scopes: [openid]\nportal:\n  modules:\n    invoices: true\n    wiki: true\n",
			[]string{"portal.modules.wiki: unknown key", "line 6)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeFile(t, "c.yaml", tt.yaml), nil)
			p := problemsOf(t, err)
			if len(p) == 0 {
				t.Fatal("no problems")
			}
			joined := strings.Join(p, "\n")
			for _, w := range tt.want {
				if !strings.Contains(joined, w) {
					t.Errorf("problems lack %q:\n%s", w, joined)
				}
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"bad syntax", "listen:\n  addr: [unclosed\n", "c.yaml:2:9: syntax error: "},
		{"tab indentation", "listen:\n\taddr: x\n", "c.yaml:2:1: syntax error: "},
		{"not a mapping", "- a\n- b\n", "line 1: the top level must be a mapping"},
		{"duplicate key", "log:\n  level: info\n  level: debug\n", "already defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "c.yaml", tt.yaml)
			_, err := Load(path, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "config: ") {
				t.Errorf("err %q lacks the package prefix", err)
			}
		})
	}
}

func TestLoadMissingAndEmpty(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "none.yaml"), nil); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: err = %v", err)
	}
	big := writeFile(t, "big.yaml", "# "+strings.Repeat("x", maxFileSize)+"\n")
	if _, err := Load(big, nil); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge file: err = %v", err)
	}
	c, err := Load(writeFile(t, "empty.yaml", "# nothing\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Derive()
	if !reflect.DeepEqual(c, want) {
		t.Errorf("empty file: got %+v, want defaults", c)
	}
}

func TestExampleFileIsTheDefaults(t *testing.T) {
	const example = "../clientgate.example.yaml"
	c, err := Load(example, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Derive()
	if !reflect.DeepEqual(c, want) {
		t.Errorf("example file differs from the defaults:\n got %+v\nwant %+v", c, want)
	}
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range Keys() {
		parts := strings.Split(key, ".")
		last := parts[len(parts)-1] + ":"
		if !strings.Contains(string(text), last) {
			t.Errorf("example file does not document %s", key)
		}
	}
}

// TestLoadAndValidateReportsEverythingAtOnce: a syntax error no longer
// hides the environment's and the validation's problems.
func TestLoadAndValidateReportsEverythingAtOnce(t *testing.T) {
	path := writeFile(t, "c.yaml", "portal:\n  name: [unclosed\n")
	_, err := LoadAndValidate(path, []string{"CLIENTGATE_CACHE_TTL_ITEMS=soon", "CLIENTGATE_LOG_LEVEL=loud"}, true)
	joined := strings.Join(problemsOf(t, err), "\n")
	for _, w := range []string{
		"c.yaml:2:9: syntax error: ",
		`CLIENTGATE_CACHE_TTL_ITEMS: "soon" is not a duration`,
		`log.level: "loud" is not one of`,
		"auth.issuer: required",
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("problems lack %q:\n%s", w, joined)
		}
	}
	if _, err := LoadAndValidate(writeFile(t, "ok.yaml", "log: {level: debug}\n"), nil, false); err != nil {
		t.Errorf("valid file without auth, auth optional: %v", err)
	}
}
