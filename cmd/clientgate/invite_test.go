package main

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/mail/mailtest"
)

// TestInviteAndSignupEmails: clientgate invite queues the invitation (once
// a day) that the running portal sends, its link starting the normal
// sign-in at public_url; a person signing in for the first time with
// auto-provisioning on is announced to the staff.
func TestInviteAndSignupEmails(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	who := newConvPeople()
	dir, addr := t.TempDir(), freeAddr(t)
	newcomer := mailtest.Recipient("newcomer")
	op := startProviderFor(t, []string{addr}, devoidc.Person{Email: newcomer, Name: "Nina Newcomer"})
	yaml := `listen: {addr: ` + addr + `}
metrics: {addr: ""}
data_dir: ` + dir + `/data
email:
  smtp_url: smtp://` + mp.SMTP + `?tls=none
  from: Portal <portal@example.test>
  staff_to: [` + who.staffTo + `]
auth:
  issuer: ` + op.Issuer() + `
  client_id: portal
  client_secret: portal-secret
  redirect_url: http://` + addr + `/auth/callback
  session_keys: [` + sessionKey + `]
  auto_provision: true
`
	cfg := writeFile(t, dir, "c.yaml", yaml)
	data := writeFile(t, dir, "data.json", `{"contacts": [{"email": "`+who.client+`", "first_name": "Cleo", "portal_access": true}]}`)
	if r := runBinary(t, baseEnv(t), "import", "--config", cfg, data); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"invite", "--config", cfg, "--email", who.client}, 0, "invitation to " + who.client + " queued"},
		{[]string{"invite", "--config", cfg, "--email", who.client}, 0, "already invited today"},
		{[]string{"invite", "--config", cfg, "--email", "nobody@example.test"}, 1, "not found"},
		{[]string{"invite", "--config", cfg}, 2, "--email"},
		{[]string{"invite", "--config", writeFile(t, dir, "off.yaml", strings.Replace(yaml, "smtp_url: smtp://"+mp.SMTP+"?tls=none", `smtp_url: ""`, 1)),
			"--email", who.client}, 1, "email is off"},
	} {
		r := runBinary(t, baseEnv(t), tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.out) {
			t.Errorf("%v: code %d, want %d with %q\nstdout %s\nstderr %s", tc.args[3:], r.code, tc.code, tc.out, r.stdout, r.stderr)
		}
	}
	p, _ := startBinary(t, baseEnv(t), false, "serve", "--config", cfg)
	inv := delivered(t, mp, who.client, 1, 30*time.Second)[0]
	mentions(t, "the invitation", inv, "Your client portal at Client portal is ready",
		"http://"+addr+"/auth/login?next=%2Fclients%2F", who.client)
	pc := newPortalClient(t, addr)
	if resp, page := pc.signIn(newcomer); resp.StatusCode != 200 || !strings.Contains(page, "Nina") {
		t.Fatalf("the newcomer's sign-in: %d\n%s", resp.StatusCode, page)
	}
	signup := delivered(t, mp, who.staffTo, 1, 30*time.Second)[0]
	mentions(t, "the sign-up email", signup, "New sign-up: Nina Newcomer", newcomer, "http://"+addr+"/staff/?contact=")
	p.stop(t, syscall.SIGTERM)
	checkNoPanic(t, p.output())
}
