package main

import (
	"strings"
	"syscall"
	"testing"

	"clientgate/connectors/sqlstore/sqlstoretest"
)

func TestPostgresCheckImportServe(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t) // skips when no PostgreSQL answers
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	env := append(baseEnv(t), "CLIENTGATE_DATABASE_DSN="+dsn)
	if r := runBinary(t, env, "check-config", "--config", cfg); r.code != 0 || !strings.Contains(r.stdout, "configuration OK") {
		t.Fatalf("check-config: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for run := 1; run <= 2; run++ {
		r := runBinary(t, env, "import", "--config", cfg, "demodata/demo.json")
		if r.code != 0 || !strings.Contains(r.stdout, "4 contacts, 2 companies, 8 invoices") {
			t.Fatalf("import run %d: code %d\n%s%s", run, r.code, r.stdout, r.stderr)
		}
	}
	p, addrs := startBinary(t, env, true, "serve", "--config", cfg)
	if started := p.logged("starting"); started == nil || started["database"] != "postgres" {
		t.Errorf("not serving from postgres: %v", started)
	}
	waitReady(t, "http://"+addrs["portal"])
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d:\n%s", code, p.output())
	}
	if strings.Contains(p.output(), "postgres://") {
		t.Errorf("the DSN was logged:\n%s", p.output())
	}
}
