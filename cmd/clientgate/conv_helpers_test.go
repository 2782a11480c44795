package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/mail/mailtest"
)

// convPeople are the people of a conversation test: a client, another
// client, and a staff member (groups portal-staff), each with a fresh
// address at example.test so that tests sharing one Mailpit never read
// each other's messages.
type convPeople struct {
	client, other, staff, staffTo string
}

func newConvPeople() convPeople {
	return convPeople{client: mailtest.Recipient("cleo"), other: mailtest.Recipient("dora"),
		staff: mailtest.Recipient("sam"), staffTo: mailtest.Recipient("helpdesk")}
}

// provider starts the development provider for a portal on addr with
// the client, the other client and the staff member (in portal-staff).
func (who convPeople) provider(t *testing.T, addr string) *devoidc.Provider {
	t.Helper()
	return startProviderFor(t, []string{addr}, devoidc.Person{Email: who.client, Name: "Cleo Client"},
		devoidc.Person{Email: who.other, Name: "Dora Other"}, devoidc.Person{Email: who.staff, Name: "Sam Staff", Groups: []string{"portal-staff"}})
}

// csrfOf returns a signed-in client's CSRF token (GET /api/v1/me).
func csrfOf(t *testing.T, pc *portalClient) string {
	t.Helper()
	resp, body := pc.get("/api/v1/me")
	tok := resp.Header.Get("X-CSRF-Token")
	if tok == "" {
		t.Fatalf("no CSRF token: %d %s", resp.StatusCode, body)
	}
	return tok
}

// csrfIn returns the CSRF token a page carries.
var csrfIn = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`)

// pageCSRF opens a page and returns its CSRF token.
func pageCSRF(t *testing.T, pc *portalClient, path string) string {
	t.Helper()
	resp, page := pc.get(path)
	m := csrfIn.FindStringSubmatch(page)
	if resp.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("%s: %d, no CSRF token\n%s", path, resp.StatusCode, page)
	}
	return m[1]
}

// postJSON sends a JSON body with the CSRF token and decodes the answer
// into out (when not nil), failing unless it has the status want.
func postJSON(t *testing.T, pc *portalClient, path, token, body string, want int, out any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, pc.base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", token)
	resp, text := pc.do(req)
	if resp.StatusCode != want {
		t.Fatalf("POST %s: %d, want %d\n%s", path, resp.StatusCode, want, text)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(text), out); err != nil {
			t.Fatalf("POST %s: %v\n%s", path, err, text)
		}
	}
}

// postPage sends a form with the CSRF token as a browser does and
// returns the page it ends on.
func postPage(t *testing.T, pc *portalClient, path, token string, form url.Values) (*http.Response, string) {
	t.Helper()
	form.Set("csrf_token", token)
	return pc.do(mustForm(t, pc.base+path, form))
}

// delivered waits until exactly n messages reached to, then a little
// longer to catch a duplicate, and returns them.
func delivered(t *testing.T, mp *mailtest.Mailpit, to string, n int, within time.Duration) []mailtest.Delivered {
	t.Helper()
	mailtest.WaitFor(t, mp, to, n, within)
	time.Sleep(time.Second)
	got, err := mp.Delivered(context.Background(), to)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d messages delivered to %s, want exactly %d", len(got), to, n)
	}
	return got
}

// mentions fails unless the message holds every part, in its subject or
// either body.
func mentions(t *testing.T, what string, d mailtest.Delivered, parts ...string) {
	t.Helper()
	all := d.Subject + "\n" + d.Text + "\n" + d.HTML
	for _, p := range parts {
		if !strings.Contains(all, p) {
			t.Errorf("%s lacks %q:\nsubject %s\n%s", what, p, d.Subject, d.Text)
		}
	}
}

// omits fails when the message holds any part.
func omits(t *testing.T, what string, d mailtest.Delivered, parts ...string) {
	t.Helper()
	all := d.Subject + "\n" + d.Text + "\n" + d.HTML
	for _, p := range parts {
		if strings.Contains(all, p) {
			t.Errorf("%s holds %q, another client's data", what, p)
		}
	}
}
