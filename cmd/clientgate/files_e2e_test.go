package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"clientgate/auth/devoidc"
	"clientgate/connectors/files/clamd/clamdtest"
)

// filesServer serves e2eData with the real binary and the files section
// given in YAML; it returns a client signed in as Zoë, one signed in as
// Bob, and the process.
func filesServer(t testing.TB, filesYAML string) (zoe, bob *portalClient, p *proc) {
	t.Helper()
	zoe, bob, p, _ = filesServerWithMetrics(t, filesYAML)
	return zoe, bob, p
}

// filesServerWithMetrics is filesServer that also returns the URL of the
// process's metrics.
func filesServerWithMetrics(t testing.TB, filesYAML string) (zoe, bob *portalClient, p *proc, metrics string) {
	t.Helper()
	dir := t.TempDir()
	addr := freeAddr(t)
	op := startProviderFor(t, []string{addr}, devoidc.Person{Email: "zoe@northwind.example", Name: "Zoë"},
		devoidc.Person{Email: "bob@example.test", Name: "Bob"})
	cfg := writeFile(t, dir, "c.yaml", `listen: {addr: `+addr+`}
metrics: {addr: "127.0.0.1:0"}
data_dir: `+dir+`/data
`+authYAML(op, addr)+`files:
`+filesYAML)
	if r := runBinary(t, baseEnv(t), "import", "--config", cfg, writeFile(t, dir, "data.json", e2eData)); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	p, addrs := startBinary(t, baseEnv(t), true, "serve", "--config", cfg)
	zoe, bob = newPortalClient(t, addr), newPortalClient(t, addr)
	waitReady(t, zoe.base)
	for email, pc := range map[string]*portalClient{"zoe@northwind.example": zoe, "bob@example.test": bob} {
		if resp, page := pc.signIn(email); resp.StatusCode != http.StatusOK {
			t.Fatalf("sign-in of %s: %d\n%s", email, resp.StatusCode, page)
		}
	}
	return zoe, bob, p, "http://" + addrs["metrics"] + "/metrics"
}

// csrfToken reads the upload form's CSRF token from the files page.
func (pc *portalClient) csrfToken() string {
	pc.t.Helper()
	_, page := pc.get("/clients/files")
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		pc.t.Fatalf("no CSRF token on the files page:\n%s", page)
	}
	return m[1]
}

// uploadForm posts the files page's form: the CSRF token, then a file
// named name whose content body streams; it returns the answer.
func (pc *portalClient) uploadForm(token, name string, body io.Reader) (*http.Response, string) {
	pc.t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := mw.WriteField("csrf_token", token)
		if err == nil {
			var w io.Writer
			if w, err = mw.CreateFormFile("file", name); err == nil {
				_, err = io.Copy(w, body)
			}
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, err := http.NewRequest(http.MethodPost, pc.base+"/clients/files", pr)
	if err != nil {
		pc.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return pc.do(req)
}

// pdfOf is a file type detection takes for a PDF, n bytes long.
func pdfOf(n int) []byte {
	b := bytes.Repeat([]byte("0123456789abcdef"), n/16+1)[:n]
	copy(b, "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
	return b
}

// TestFilesEndToEnd uploads a file through the real binary's page, lists
// and downloads it back, and checks that another client gets 404.
func TestFilesEndToEnd(t *testing.T) {
	zoe, bob, _, metrics := filesServerWithMetrics(t, "  max_size: 5MB\n")
	for _, outcome := range []string{"stored", "failed", "too_large", "empty", "type", "quota", "name", "infected", "scan_unavailable"} {
		waitForMetric(t, metrics, `clientgate_file_uploads_total{outcome="`+outcome+`"} 0`)
	}
	content := pdfOf(3 << 20)
	resp, page := zoe.uploadForm(zoe.csrfToken(), "../../Q3 report.pdf", bytes.NewReader(content))
	if resp.StatusCode != http.StatusOK || resp.Request.URL.RawQuery != "done=uploaded" || !strings.Contains(page, "Q3 report.pdf") {
		t.Fatalf("upload: %d %s\n%s", resp.StatusCode, resp.Request.URL, page)
	}
	m := regexp.MustCompile(`href="/clients/files/([0-9a-f-]{36})" download>Q3 report.pdf`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the files page does not link the upload:\n%s", page)
	}
	resp, got := zoe.get("/clients/files/" + m[1])
	if resp.StatusCode != http.StatusOK || got != string(content) || resp.Header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="Q3 report.pdf"`) ||
		resp.Header.Get("Content-Security-Policy") != "default-src 'none'; sandbox" {
		t.Errorf("download: %d, %d bytes, headers %v", resp.StatusCode, len(got), resp.Header)
	}
	for _, path := range []string{"/clients/files/" + m[1], "/api/v1/files/" + m[1]} {
		if resp, body := bob.get(path); resp.StatusCode != http.StatusNotFound || strings.Contains(body, "%PDF") {
			t.Errorf("Bob's %s: %d", path, resp.StatusCode)
		}
	}
	resp, page = zoe.uploadForm(zoe.csrfToken(), "big.pdf", bytes.NewReader(pdfOf(6<<20)))
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(page, "larger than we accept") {
		t.Errorf("oversized upload: %d\n%s", resp.StatusCode, page)
	}
	waitForMetric(t, metrics, `clientgate_file_uploads_total{outcome="stored"} 1`)
	waitForMetric(t, metrics, `clientgate_file_uploads_total{outcome="too_large"} 1`)
}

// TestFilesVirusScanEndToEnd: with files.clamd set to Debian's clamd, the
// EICAR test file is refused through the real binary and nothing is kept.
func TestFilesVirusScanEndToEnd(t *testing.T) {
	addr := clamdtest.Start(t, 64<<20)
	zoe, _, _ := filesServer(t, fmt.Sprintf("  clamd: %q\n", addr))
	resp, page := zoe.uploadForm(zoe.csrfToken(), "notes.txt", strings.NewReader("hello\n"+clamdtest.EICAR+"\n"))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "virus scanner found something harmful") {
		t.Fatalf("EICAR upload: %d\n%s", resp.StatusCode, page)
	}
	if strings.Contains(page, "notes.txt") {
		t.Error("the refused file is listed")
	}
	resp, page = zoe.uploadForm(zoe.csrfToken(), "clean.txt", strings.NewReader("nothing to see here\n"))
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "clean.txt") {
		t.Errorf("clean upload: %d\n%s", resp.StatusCode, page)
	}
}
