package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"clientgate/connectors/bridge"
)

func TestSessionsListAndRevoke(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", testConfigYAML(t, dir))
	if r := runBinary(t, baseEnv(t), "sessions", "list", "--config", cfg); r.code != 0 {
		t.Fatalf("list of a new store: %s", r.stderr)
	}
	s := openTestStore(t, dir)
	now := time.Now().UTC()
	for i, contact := range []string{"c1", "c1", "c2"} {
		err := s.CreateSession(context.Background(), bridge.Session{
			ID: strings.Repeat(string(rune('a'+i)), 64), Identity: bridge.Identity{Issuer: "https://id.example.com", Subject: "u-" + contact},
			ContactID: contact, Email: contact + "@Example.com", CSRF: "csrf-secret-" + contact, IDToken: "id-token-secret",
			UserAgent: "Firefox\t/1", Created: now, LastSeen: now, Expires: now.Add(time.Hour), IdleUntil: now.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	env := baseEnv(t)
	run := func(args ...string) result {
		return runBinary(t, env, append([]string{"sessions", args[0], "--config", cfg}, args[1:]...)...)
	}
	r := run("list")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 4 || !strings.Contains(r.stdout, "Firefox /1") || !strings.Contains(r.stdout, "LAST SEEN") {
		t.Fatalf("list: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "secret") || strings.Contains(r.stdout, strings.Repeat("a", 64)) {
		t.Errorf("list shows a secret or a whole session ID:\n%s", r.stdout)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"revoke"}, 2, "exactly one of"},
		{[]string{"revoke", "--contact", "c1", "--all"}, 2, "exactly one of"},
		{[]string{"revoke", "--contact", "c1"}, 0, "ended 2 session(s)"},
		{[]string{"revoke", "--email", "C2@example.COM"}, 0, "ended 1 session(s)"},
		{[]string{"revoke", "--all"}, 0, "ended 0 session(s)"},
	} {
		r := run(tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.want) {
			t.Errorf("sessions %v: %d\n%s%s", tc.args, r.code, r.stdout, r.stderr)
		}
	}
	if r := run("list"); strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("list after revoking:\n%s", r.stdout)
	}
}
