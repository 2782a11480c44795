package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// TestFilesCommand places, lists and removes files through the binary:
// a contact's file by email, a company's by ID, refusals with reasons.
func TestFilesCommand(t *testing.T) {
	cfg, id := importedDemo(t, "zoe@northwind.example")
	dir := filepath.Dir(cfg)
	env := baseEnv(t)
	run := func(args ...string) result {
		return runBinary(t, env, append([]string{"files", args[0], "--config", cfg}, args[1:]...)...)
	}
	pdf := writeFile(t, dir, "contract.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"+strings.Repeat("0", 1000))
	page := writeFile(t, dir, "page.html", "<!doctype html><html><script>alert(1)</script></html>")
	empty := writeFile(t, dir, "empty.txt", "")
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"add", "--contact", "zoe@northwind.example", "--name", "Vertrag 2026 — Zoë.pdf", pdf}, 0, `"Vertrag 2026 — Zoë.pdf" (application/pdf, 1029 bytes, sha256 `},
		{[]string{"add", "--company", "northwind-co", pdf}, 0, `"contract.pdf" (application/pdf`},
		{[]string{"add", "--contact", "zoe@northwind.example", page}, 1, "this type of file is not accepted"},
		{[]string{"add", "--contact", "zoe@northwind.example", empty}, 1, "the file is empty"},
		{[]string{"add", "--contact", "nobody@example.test", pdf}, 1, `contact "nobody@example.test"`},
		{[]string{"add", "--contact", id, "--company", "x", pdf}, 2, "exactly one of --contact and --company"},
		{[]string{"add", "--contact", id, filepath.Join(dir, "missing.pdf")}, 1, "no such file"},
		{[]string{"list", "--contact", id}, 0, "Vertrag 2026 — Zoë.pdf"},
		{[]string{"list", "--company", "northwind-co"}, 0, "contract.pdf"},
		{[]string{"remove", "not-an-id"}, 1, "not found"},
	}
	for _, s := range steps {
		r := run(s.args...)
		if r.code != s.code || !strings.Contains(r.stdout+r.stderr, s.want) {
			t.Fatalf("files %v: code %d (want %d)\nstdout: %s\nstderr: %s", s.args, r.code, s.code, r.stdout, r.stderr)
		}
	}
	listed := run("list", "--contact", id).stdout
	fileID := regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f-]{27}`).FindString(listed)
	if r := run("remove", fileID); r.code != 0 || !strings.Contains(r.stdout, "removed "+fileID) {
		t.Fatalf("remove: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run("list", "--contact", id); strings.Contains(r.stdout, fileID) {
		t.Errorf("a removed file is listed:\n%s", r.stdout)
	}
	s := openTestStore(t, dir)
	defer s.Close()
	if ids, _ := s.FilesToSweep(context.Background(), time.Now().Add(48*time.Hour), 10); len(ids) != 0 {
		t.Errorf("records left for the sweep: %v", ids)
	}
	page2, _ := s.OwnerFiles(context.Background(), files.CompanyOwner("northwind-co"), connectors.PageRequest{})
	if len(page2.Items) != 1 {
		t.Fatalf("company files: %+v", page2.Items)
	}
	stored, err := os.ReadDir(filepath.Join(dir, "data", "files"))
	if err != nil || len(stored) != 1 || stored[0].Name() != page2.Items[0].ID {
		t.Errorf("the files folder holds %v (%v), want only %s", stored, err, page2.Items[0].ID)
	}
}
