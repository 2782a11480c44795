package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"clientgate/connectors/bridge"
)

// importedDemo returns a config in a new directory whose store holds the
// demo data, and the ID of the contact with email.
func importedDemo(t *testing.T, email string) (cfg, contactID string) {
	t.Helper()
	dir := t.TempDir()
	cfg = writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	if r := runBinary(t, baseEnv(t), "import", "--config", cfg, "demodata/demo.json"); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	s := openTestStore(t, dir)
	c, err := s.FindContactByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return cfg, c.ID
}

func TestLinkRoundTrip(t *testing.T) {
	cfg, id := importedDemo(t, "zoe@northwind.example")
	env := baseEnv(t)
	link := func(args ...string) result {
		return runBinary(t, env, append([]string{"link", args[0], "--config", cfg}, args[1:]...)...)
	}
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"list"}, 0, "ISSUER"},
		{[]string{"add", "--issuer", "https://id.example.com", "--subject", "u-1", "--contact", id}, 0, "linked https://id.example.com|u-1 to contact " + id + " (zoe@northwind.example)"},
		{[]string{"list"}, 0, "zoe@northwind.example"},
		{[]string{"add", "--issuer", "https://id.example.com", "--subject", "u-3", "--contact", "ZOE@northwind.example"}, 0, "to contact " + id},
		{[]string{"remove", "--issuer", "https://id.example.com", "--subject", "u-3"}, 0, "removed"},
		{[]string{"add", "--issuer", "https://id.example.com", "--subject", "u-2", "--contact", "no-such-contact"}, 1, `contact "no-such-contact"`},
		{[]string{"add", "--issuer", "https://id.example.com"}, 2, "--issuer and --subject are required"},
		{[]string{"conflicts"}, 0, "EMAIL"},
		{[]string{"remove", "--issuer", "https://id.example.com", "--subject", "u-1"}, 0, "removed the link of https://id.example.com|u-1"},
		{[]string{"remove", "--issuer", "https://id.example.com", "--subject", "u-1"}, 1, "not found"},
	}
	for _, s := range steps {
		r := link(s.args...)
		if r.code != s.code || !strings.Contains(r.stdout+r.stderr, s.want) {
			t.Fatalf("link %v: code %d (want %d)\nstdout: %s\nstderr: %s", s.args, r.code, s.code, r.stdout, r.stderr)
		}
	}
	r := link("list")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 1 {
		t.Errorf("link list after remove:\n%s", r.stdout)
	}
}

func TestLinkConflictsTable(t *testing.T) {
	cfg, id := importedDemo(t, "sam@northwind.example")
	s := openTestStore(t, filepath.Dir(cfg))
	err := s.RecordConflict(context.Background(), bridge.Conflict{
		Identity: bridge.Identity{Issuer: "https://id.example.com", Subject: "dup\tsubject"},
		Email:    "shared@northwind.example", ContactIDs: []string{id, "other"},
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, baseEnv(t), "link", "conflicts", "--config", cfg)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) != 2 || !strings.Contains(lines[1], "dup subject") ||
		!strings.Contains(lines[1], "shared@northwind.example") || !strings.Contains(lines[1], id+",other") {
		t.Errorf("link conflicts: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	cfg, id := importedDemo(t, "priya@brightside.example")
	env := baseEnv(t)
	settings := func(args ...string) result {
		return runBinary(t, env, append([]string{"settings"}, args...)...)
	}
	r := settings("show", "--config", cfg, id)
	for _, w := range []string{"priya@brightside.example", "portal         on", "company items  default", "module invoices      default"} {
		if r.code != 0 || !strings.Contains(r.stdout, w) {
			t.Fatalf("show lacks %q: code %d\n%s%s", w, r.code, r.stdout, r.stderr)
		}
	}
	// Flags after the contact ID work too.
	r = settings("set", "--config", cfg, id, "--portal", "off", "--module", "invoices=off", "--module", "tasks=on", "--company-items", "on")
	if r.code != 0 {
		t.Fatalf("set: %s", r.stderr)
	}
	r = settings("show", "--config", cfg, id)
	for _, w := range []string{"portal         off", "company items  on", "module invoices      off", "module tasks         on", "module quotes        default"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("after set, show lacks %q:\n%s", w, r.stdout)
		}
	}
	r = settings("set", "--config", cfg, "--module", "invoices=default", "--portal", "on", "priya@brightside.example")
	if r.code != 0 || !strings.Contains(r.stdout, "module invoices      default") || !strings.Contains(r.stdout, "portal         on") ||
		!strings.Contains(r.stdout, "module tasks         on") {
		t.Errorf("reset: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, tt := range []struct{ flag, shown string }{{"off", "off"}, {"default", "default"}, {"on", "on"}} {
		r = settings("set", "--config", cfg, "--company-items", tt.flag, id)
		if r.code != 0 || !strings.Contains(r.stdout, "company items  "+tt.shown) {
			t.Errorf("--company-items %s: code %d\n%s%s", tt.flag, r.code, r.stdout, r.stderr)
		}
	}
	for _, bad := range [][]string{
		{"set", "--config", cfg, "--portal", "maybe", id},
		{"show", "--config", cfg, "no-such-contact"},
	} {
		if r := settings(bad...); r.code == 0 || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("settings %v: code %d, stderr %q", bad, r.code, r.stderr)
		}
	}
}
