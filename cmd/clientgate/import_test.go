package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/sqlstore"
)

// openTestStore opens the SQLite store of a test configuration in dir.
func openTestStore(t *testing.T, dir string) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), filepath.Join(dir, "data", "clientgate.db"), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// countInvoices returns how many invoices the contact with email has.
func countInvoices(t *testing.T, s *sqlstore.Store, email string) int {
	t.Helper()
	ctx := context.Background()
	c, err := s.FindContactByEmail(ctx, email)
	if err != nil {
		t.Fatalf("contact %s: %v", email, err)
	}
	page, err := s.ListInvoices(ctx, connectors.Scope{ContactID: c.ID}, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	return len(page.Items)
}

func TestImportIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	const want = "4 contacts, 2 companies, 8 invoices, 6 quotes, 6 transactions, 5 tasks"
	for run := 1; run <= 2; run++ {
		r := runBinary(t, baseEnv(t), "import", "--config", cfg, "demodata/demo.json")
		if r.code != 0 || !strings.Contains(r.stdout, "imported demodata/demo.json: "+want) {
			t.Fatalf("run %d: code %d\nstdout: %s\nstderr: %s", run, r.code, r.stdout, r.stderr)
		}
	}
	s := openTestStore(t, dir)
	// Zoë has three invoices of her own besides a draft, which is never
	// listed; the company invoice needs the company scope.
	if n := countInvoices(t, s, "ZOE@northwind.example"); n != 3 {
		t.Errorf("zoe has %d invoices after two imports, want 3", n)
	}
	c, err := s.FindContactByEmail(context.Background(), "zoe@northwind.example")
	if err != nil || c.Name() != "Dr Zoë Ångström-Müller" {
		t.Errorf("contact = %q, %v", c.Name(), err)
	}
}

func TestImportRejectsABadFile(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	bad := writeFile(t, dir, "bad.json", `{
  "contacts": [
    {"email": "new@example.com", "first_name": "New"},
    {"email": "not-an-email"}
  ],
  "invoices": [
    {"number": "X-1", "contact_email": "new@example.com", "status": "unpaid",
     "issued_at": "2025-01-01T00:00:00Z", "currency": "EUR", "total": "12.3.4"}
  ],
  "colour": "red"
}`)
	r := runBinary(t, baseEnv(t), "import", "--config", cfg, bad)
	if r.code != 1 {
		t.Fatalf("code %d, want 1\n%s", r.code, r.stderr)
	}
	for _, w := range []string{"contacts[1].email (line 4)", "invoices[0].total (line 8)", "colour"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
	// The file is checked before the database is even opened.
	if _, err := os.Stat(filepath.Join(dir, "data")); !os.IsNotExist(err) {
		t.Errorf("a bad file touched the data directory: %v", err)
	}
}

func TestImportUnresolvedReference(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	file := writeFile(t, dir, "ref.json", `{
  "contacts": [{"email": "a@example.com"}],
  "invoices": [{"number": "X-1", "contact_email": "ghost@example.com", "status": "unpaid",
     "issued_at": "2025-01-01T00:00:00Z", "currency": "EUR", "total": "10.00"}]
}`)
	r := runBinary(t, baseEnv(t), "import", "--config", cfg, file)
	if r.code != 1 || !strings.Contains(r.stderr, "invoices[0].contact_email") {
		t.Fatalf("code %d\n%s", r.code, r.stderr)
	}
	s := openTestStore(t, dir)
	if _, err := s.FindContactByEmail(context.Background(), "a@example.com"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("a file with an unresolved reference wrote data: %v", err)
	}
}

func TestImportMissingFile(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	r := runBinary(t, baseEnv(t), "import", "--config", cfg, filepath.Join(dir, "none.json"))
	if r.code != 1 || !strings.Contains(r.stderr, "clientgate: import: open ") {
		t.Errorf("code %d\n%s", r.code, r.stderr)
	}
}
