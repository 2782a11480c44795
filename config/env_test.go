package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestEnvOverrides(t *testing.T) {
	secret := writeFile(t, "secret", "s3cr3t\n")
	keys := writeFile(t, "keys", testKey+","+testKey+"\r\n")
	file := writeFile(t, "c.yaml", "log:\n  level: debug\nmetrics:\n  addr: 127.0.0.1:9999\n")
	env := []string{
		"PATH=/usr/bin",
		"CLIENTGATE_LOG_LEVEL=warn",
		"CLIENTGATE_METRICS_ADDR=",
		"CLIENTGATE_DATABASE_DSN=postgres://u@db:5432/x",
		"CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET_FILE=" + secret,
		"CLIENTGATE_AUTH_SESSION_KEYS_FILE=" + keys,
		"CLIENTGATE_AUTH_SCOPES=openid, email ,,groups",
		"CLIENTGATE_AUTH_CLIENT_ID=portal",
		"CLIENTGATE_CACHE_TTL_CONTACT=90s",
		"CLIENTGATE_CACHE_ENABLED=false",
		"CLIENTGATE_CACHE_MAX_ENTRIES=42",
		"CLIENTGATE_PORTAL_MODULES_TASKS=0",
		"CLIENTGATE_PORT=tcp://10.0.0.1:8080",
	}
	c, err := Load(file, env)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"env beats file", c.Log.Level, "warn"},
		{"empty value clears", c.Metrics.Addr, ""},
		{"dsn", c.Database.DSN, "postgres://u@db:5432/x"},
		{"_FILE trims the newline", c.Connector.JetpackCRM.APISecret, "s3cr3t"},
		{"list from _FILE", c.Auth.SessionKeys, []string{testKey, testKey}},
		{"list", c.Auth.Scopes, []string{"openid", "email", "groups"}},
		{"api_audience no longer derived from client_id", c.Auth.APIAudience, ""},
		{"duration", c.Cache.TTL.Contact, 90 * time.Second},
		{"bool", c.Cache.Enabled, false},
		{"int", c.Cache.MaxEntries, 42},
		{"nested bool", c.Portal.Modules.Tasks, false},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s = %#v, want %#v", ch.name, ch.got, ch.want)
		}
	}
	if got := UnknownEnv(env); !reflect.DeepEqual(got, []string{"CLIENTGATE_PORT"}) {
		t.Errorf("UnknownEnv = %v", got)
	}
}

func TestEnvProblemsAllAtOnce(t *testing.T) {
	both := writeFile(t, "both", "x")
	env := []string{
		"CLIENTGATE_CACHE_MAX_ENTRIES=lots",
		"CLIENTGATE_CACHE_ENABLED=yes please",
		"CLIENTGATE_BREAKER_OPEN_FOR=30",
		"CLIENTGATE_AUTH_CLIENT_SECRET_FILE=" + filepath.Join(t.TempDir(), "missing"),
		"CLIENTGATE_WEBHOOK_SECRET=abc",
		"CLIENTGATE_WEBHOOK_SECRET_FILE=" + both,
	}
	_, err := Load("", env)
	wantProblems(t, problemsOf(t, err),
		`CLIENTGATE_CACHE_MAX_ENTRIES: "lots" is not a whole number`,
		`CLIENTGATE_CACHE_ENABLED: "yes please" is not a boolean`,
		`CLIENTGATE_BREAKER_OPEN_FOR: "30" is not a duration`,
		"CLIENTGATE_AUTH_CLIENT_SECRET_FILE: open ",
		"CLIENTGATE_WEBHOOK_SECRET and CLIENTGATE_WEBHOOK_SECRET_FILE: set only one",
	)
}

func TestEnvFileDoesNotLeakSecret(t *testing.T) {
	// A secret in a _FILE must not appear in errors: only names and paths.
	path := writeFile(t, "n", "not-a-number-secret\n")
	_, err := Load("", []string{"CLIENTGATE_CACHE_MAX_ENTRIES_FILE=" + path})
	p := problemsOf(t, err)
	if len(p) != 1 || p[0] != "CLIENTGATE_CACHE_MAX_ENTRIES_FILE: the file does not hold a whole number" {
		t.Fatalf("problems = %v", p)
	}
}

func TestEnvNamesAreUnique(t *testing.T) {
	seen := map[string]string{}
	for _, k := range Keys() {
		name := EnvName(k)
		if other, dup := seen[name]; dup {
			t.Errorf("%s and %s share %s", k, other, name)
		}
		seen[name] = k
	}
	for _, want := range []string{"CLIENTGATE_DATABASE_DSN", "CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET", "CLIENTGATE_CACHE_TTL_CONTACT", "CLIENTGATE_CONNECTOR_RESTAPI_MAPPING_FILE"} {
		if _, ok := seen[want]; !ok {
			t.Errorf("no key has variable %s", want)
		}
	}
}

func TestServeFromEnvAlone(t *testing.T) {
	env := []string{
		"CLIENTGATE_AUTH_ISSUER=https://id.example.com",
		"CLIENTGATE_AUTH_CLIENT_ID=portal",
		"CLIENTGATE_AUTH_REDIRECT_URL=https://portal.example.com/auth/callback",
		"CLIENTGATE_AUTH_SESSION_KEYS=" + testKey,
		"CLIENTGATE_DATA_DIR=" + t.TempDir(),
	}
	c, err := Load("", env)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if dir := filepath.Dir(c.Database.DSN); dir != strings.TrimPrefix(env[4], "CLIENTGATE_DATA_DIR=") {
		t.Errorf("dsn %s is not in data_dir", c.Database.DSN)
	}
	if _, err := os.Stat(c.DataDir); err != nil {
		t.Fatal(err)
	}
}
