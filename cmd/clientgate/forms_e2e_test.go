package main

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"clientgate/connectors/files/filestest"
	"clientgate/connectors/mail/mailtest"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// TestFormsAndSharingEndToEnd: through the real binary, a client sends
// "Request a quote or job" with a file: the staff get it by email with
// the answers and the file's name (not its content); the staff member
// shares a contract from the staff inbox: the client gets the email, sees
// it as new and downloads it; another client reaches neither file. Once
// on SQLite with a folder, once on PostgreSQL with S3-compatible object
// storage.
func TestFormsAndSharingEndToEnd(t *testing.T) {
	t.Run("sqlite and a folder", func(t *testing.T) { formsAndSharing(t, nil) })
	t.Run("postgres and object storage", func(t *testing.T) {
		env := append([]string{"CLIENTGATE_DATABASE_DSN=" + sqlstoretest.PostgresDSN(t)}, fakeS3Env(t)...)
		formsAndSharing(t, env)
	})
}

// fakeS3Env points files.url at an in-memory S3-compatible server, with
// its credentials in the AWS variables as in production.
func fakeS3Env(t *testing.T) []string {
	u, env := filestest.FakeS3(t)
	out := []string{"CLIENTGATE_FILES_URL=" + u}
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	return out
}

// formsAndSharing runs the flow with extra environment.
func formsAndSharing(t *testing.T, extra []string) {
	mp := mailtest.MailpitFromEnv(t)
	who := newConvPeople()
	dir, addr := t.TempDir(), freeAddr(t)
	op := who.provider(t, addr)
	cfg := writeFile(t, dir, "c.yaml", `listen: {addr: `+addr+`}
metrics: {addr: ""}
data_dir: `+dir+`/data
business: {name: Acme Studio}
email:
  smtp_url: smtp://`+mp.SMTP+`?tls=none
  from: Portal <portal@example.test>
  staff_to: [`+who.staffTo+`]
staff: {claim: groups, values: [portal-staff]}
forms:
  - key: quote
    title: Request a quote or job
    fields:
      - {name: summary, label: "What do you need?", type: text, required: true}
      - {name: kind, label: Kind of job, type: choice, required: true, options: [Print, Furniture]}
      - {name: budget, label: Budget (EUR), type: number}
      - {name: files, label: Plans, type: file}
`+authYAML(op, addr))
	env := append(baseEnv(t), extra...)
	data := writeFile(t, dir, "data.json", `{"contacts": [
  {"email": "`+who.client+`", "first_name": "Cleo", "last_name": "Client", "portal_access": true},
  {"email": "`+who.other+`", "first_name": "Dora", "last_name": "Other", "portal_access": true}]}`)
	if r := runBinary(t, env, "import", "--config", cfg, data); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	startBinary(t, env, false, "serve", "--config", cfg)
	base := "http://" + addr
	cleo, dora, staff := newPortalClient(t, addr), newPortalClient(t, addr), newPortalClient(t, addr)
	cleo.signIn(who.client)
	dora.signIn(who.other)

	plan := append([]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "SECRET-CONTENT-OF-THE-PLAN"...)
	_, page := postParts(t, cleo, "/clients/forms/quote", pageCSRF(t, cleo, "/clients/forms/quote"),
		[][3]string{{"summary", "", "Shelving for the shop"}, {"kind", "", "Furniture"}, {"budget", "", "2 400"}, {"files", "site plan.pdf", string(plan)}})
	if !strings.Contains(page, "Thank you, your request was sent.") || !strings.Contains(page, "What do you need?: Shelving for the shop") {
		t.Fatalf("the form was not sent:\n%s", page)
	}
	planLink := regexp.MustCompile(`href="(/clients/files/[0-9a-f-]{36})" download>site plan.pdf<`).FindStringSubmatch(page)
	if planLink == nil {
		t.Fatalf("the form's ticket lists no file:\n%s", page)
	}
	mail := delivered(t, mp, who.staffTo, 1, 30*time.Second)[0]
	mentions(t, "the staff's email", mail, "New request “Request a quote or job” from Cleo Client", "What do you need?: Shelving for the shop",
		"Kind of job: Furniture", "Budget (EUR): 2400", "site plan.pdf", base+"/staff/threads/", who.client)
	omits(t, "the staff's email", mail, "SECRET-CONTENT-OF-THE-PLAN", who.other)

	if resp, _ := staff.signIn(who.staff); resp.Request.URL.Path != "/staff/" {
		t.Fatalf("staff sign-in ends at %s", resp.Request.URL)
	}
	resp, _ := staff.get("/staff/files?" + url.Values{"email": {who.client}}.Encode())
	if !strings.HasPrefix(resp.Request.URL.Path, "/staff/contacts/") {
		t.Fatalf("finding the client ends at %s", resp.Request.URL)
	}
	sharePage := resp.Request.URL.Path
	contract := append([]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "the contract"...)
	if _, page := postParts(t, staff, sharePage, pageCSRF(t, staff, sharePage),
		[][3]string{{"share", "", "contact"}, {"file", "Contract 2026.pdf", string(contract)}}); !strings.Contains(page, "The files were shared.") {
		t.Fatalf("sharing: %s", page)
	}
	told := delivered(t, mp, who.client, 1, 30*time.Second)[0]
	mentions(t, "the client's email", told, "new document", "Acme Studio", "Contract 2026.pdf", base+"/clients/files")
	omits(t, "the client's email", told, "the contract", who.other)

	_, home := cleo.get("/clients/")
	m := regexp.MustCompile(`href="(/clients/files/[0-9a-f-]{36})"[^>]*>Contract 2026.pdf`).FindStringSubmatch(home)
	if m == nil {
		t.Fatalf("the overview does not show the new file:\n%s", home)
	}
	for _, f := range []struct {
		path string
		want []byte
	}{{m[1], contract}, {planLink[1], plan}} {
		if resp, got := cleo.get(f.path); resp.StatusCode != http.StatusOK || !bytes.Equal([]byte(got), f.want) {
			t.Errorf("Cleo downloads %s: %d, %d bytes", f.path, resp.StatusCode, len(got))
		}
		if resp, got := dora.get(f.path); resp.StatusCode != http.StatusNotFound || strings.Contains(got, "%PDF") {
			t.Errorf("Dora downloads Cleo's %s: %d", f.path, resp.StatusCode)
		}
	}
	if got, _ := mp.Delivered(t.Context(), who.other); len(got) != 0 {
		t.Errorf("Dora got %d emails", len(got))
	}
}

// postParts posts a multipart form as a browser does (the CSRF token
// first), each part {name, file name ("" for text), content}, and
// returns the page it ends on.
func postParts(t *testing.T, pc *portalClient, path, token string, parts [][3]string) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf_token", token)
	for _, p := range parts {
		if p[1] == "" {
			mw.WriteField(p[0], p[2])
			continue
		}
		w, err := mw.CreateFormFile(p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[2]))
	}
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, pc.base+path, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return pc.do(req)
}
