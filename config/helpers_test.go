package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testKey is a valid base64 32-byte session key.
const testKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="

// validConfig returns a configuration that passes Validate.
func validConfig() *Config {
	c := Default()
	c.Auth.Issuer = "https://id.example.com"
	c.Auth.ClientID = "portal"
	c.Auth.RedirectURL = "https://portal.example.com/auth/callback"
	c.Auth.SessionKeys = []string{testKey}
	c.Derive()
	return c
}

// writeFile writes content to a new file in a temporary directory.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// problemsOf returns the problems of err, failing the test when err is
// not a Problems.
func problemsOf(t *testing.T, err error) Problems {
	t.Helper()
	var p Problems
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T) is not Problems", err, err)
	}
	return p
}

// wantProblems checks that got holds, for every want, one problem that
// contains it, and nothing else.
func wantProblems(t *testing.T, got Problems, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.Contains(g, w)
		}
		if !found {
			t.Errorf("no problem contains %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
}
