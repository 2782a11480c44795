package main

import (
	"net/url"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/jetpackcrm/jetpacktest"
	"clientgate/connectors/mail/mailtest"
)

// TestConversationEmailsEndToEnd runs the real binary on the SQL store
// with email through a switchable proxy to the test Mailpit. A client
// opens a ticket (the staff get it), the staff member answers in the
// staff inbox (the client gets it, in the portal and by email), then the
// mail server goes down: the client's next reply is saved and retried,
// the portal restarts, the server comes back, and the staff get that
// reply exactly once; a further restart sends nothing again. No email
// holds another client's data; every link starts with public_url.
func TestConversationEmailsEndToEnd(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	proxy := mailtest.NewProxy(t, mp.SMTP)
	who := newConvPeople()
	dir, addr := t.TempDir(), freeAddr(t)
	op := who.provider(t, addr)
	cfg := writeFile(t, dir, "c.yaml", `listen: {addr: `+addr+`}
metrics: {addr: ""}
data_dir: `+dir+`/data
email:
  smtp_url: smtp://`+proxy.Addr()+`?tls=none
  from: Portal <portal@example.test>
  staff_to: [`+who.staffTo+`]
staff: {claim: groups, values: [portal-staff]}
tickets: {categories: [Billing, Other]}
auth:
  issuer: `+op.Issuer()+`
  client_id: portal
  client_secret: portal-secret
  redirect_url: http://`+addr+`/auth/callback
  session_keys: [`+sessionKey+`]
`)
	data := writeFile(t, dir, "data.json", `{"contacts": [
  {"email": "`+who.client+`", "first_name": "Cleo", "last_name": "Client", "portal_access": true},
  {"email": "`+who.other+`", "first_name": "Dora", "last_name": "Other", "portal_access": true}]}`)
	if r := runBinary(t, baseEnv(t), "import", "--config", cfg, data); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	p, _ := startBinary(t, baseEnv(t), false, "serve", "--config", cfg)
	base := "http://" + addr

	dora := newPortalClient(t, addr)
	dora.signIn(who.other)
	postJSON(t, dora, "/api/v1/tickets", csrfOf(t, dora), `{"subject":"Dora's secret plan","body":"for staff only","category":"Other"}`, 201, nil)
	cleo := newPortalClient(t, addr)
	cleo.signIn(who.client)
	var ticket struct{ ID string }
	postJSON(t, cleo, "/api/v1/tickets", csrfOf(t, cleo), `{"subject":"Invoice address","body":"Please use our new address.","category":"Billing"}`, 201, &ticket)
	staffMail := delivered(t, mp, who.staffTo, 2, 30*time.Second)
	opened := staffMail[1]
	if !strings.Contains(staffMail[1].Subject, "Invoice address") {
		opened = staffMail[0]
	}
	mentions(t, "the staff's email", opened, "New ticket from Cleo Client: Invoice address", "Please use our new address.",
		base+"/staff/threads/"+ticket.ID, who.client)

	staff := newPortalClient(t, addr)
	if resp, page := staff.signIn(who.staff); resp.Request.URL.Path != "/staff/" || !strings.Contains(page, "Invoice address") {
		t.Fatalf("staff sign-in ends at %s:\n%s", resp.Request.URL, page)
	}
	thread := "/staff/threads/" + ticket.ID
	if resp, page := postPage(t, staff, thread+"/reply", pageCSRF(t, staff, thread),
		url.Values{"body": {"Done: we changed it."}, "status": {"waiting_on_client"}}); !strings.Contains(page, "Your reply was sent.") {
		t.Fatalf("staff reply: %d\n%s", resp.StatusCode, page)
	}
	reply := delivered(t, mp, who.client, 1, 30*time.Second)[0]
	mentions(t, "the client's email", reply, "New reply to your ticket: Invoice address", "Done: we changed it.", "Sam Staff",
		base+"/clients/tickets/"+ticket.ID, base+"/clients/unsubscribe/")
	omits(t, "the client's email", reply, "Dora", "secret plan", who.other)
	if _, page := cleo.get("/clients/tickets/" + ticket.ID); !strings.Contains(page, "Done: we changed it.") {
		t.Error("the client does not see the reply in the portal")
	}

	proxy.Up(false)
	postJSON(t, cleo, "/api/v1/tickets/"+ticket.ID+"/replies", csrfOf(t, cleo), `{"body":"Thank you, one more question."}`, 201, nil)
	deadline := time.Now().Add(30 * time.Second)
	for proxy.Refused() == 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if proxy.Refused() == 0 {
		t.Fatal("the portal did not try to send while the mail server was down")
	}
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Fatalf("exit %d after SIGTERM:\n%s", code, p.output())
	}
	proxy.Up(true)
	again, _ := startBinary(t, baseEnv(t), false, "serve", "--config", cfg)
	later := delivered(t, mp, who.staffTo, 3, 90*time.Second)
	mentions(t, "the reply sent after the outage", later[2], "New reply from Cleo Client: Invoice address", "Thank you, one more question.")
	again.stop(t, syscall.SIGTERM)
	third, _ := startBinary(t, baseEnv(t), false, "serve", "--config", cfg)
	time.Sleep(2 * time.Second)
	delivered(t, mp, who.staffTo, 3, time.Second)
	delivered(t, mp, who.client, 1, time.Second)
	third.stop(t, syscall.SIGTERM)
	checkNoPanic(t, p.output()+again.output()+third.output())
}

// TestConversationEmailsJetpack: in front of Jetpack CRM, whose API has
// no tickets, clientgate keeps the conversation: a client writes about an
// invoice on its page, the staff get it naming the invoice, and the
// client gets the staff's answer with a link to the invoice.
func TestConversationEmailsJetpack(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	who := newConvPeople()
	crm := testJetpack(t)
	id := crm.AddContact(jetpacktest.Contact{Fields: map[string]string{"status": "Customer", "email": who.client, "fname": "Cleo", "lname": "Client"}})
	crm.AddInvoice(jetpacktest.Invoice{ContactID: id, Ref: "JP-0042", Status: "Unpaid", Currency: "USD", Date: time.Now().Add(-48 * time.Hour).Unix(),
		Total: "120.00", Net: "120.00", Lines: []jetpacktest.Line{{Title: "Hosting", Quantity: "1", Price: "120.00", Total: "120.00"}}})
	other := crm.AddContact(jetpacktest.Contact{Fields: map[string]string{"status": "Customer", "email": who.other, "fname": "Dora"}})
	crm.AddInvoice(jetpacktest.Invoice{ContactID: other, Ref: "JP-SECRET", Status: "Unpaid", Currency: "USD", Total: "9.00"})
	addr := freeAddr(t)
	op := startProviderFor(t, []string{addr}, devoidc.Person{Email: who.client, Name: "Cleo Client"},
		devoidc.Person{Email: who.staff, Name: "Sam Staff", Groups: []string{"portal-staff"}})
	env := append(baseEnv(t), "CLIENTGATE_LISTEN_ADDR="+addr, "CLIENTGATE_METRICS_ADDR=", "CLIENTGATE_DATA_DIR="+t.TempDir(),
		"CLIENTGATE_CONNECTOR_TYPE=jetpackcrm", "CLIENTGATE_CONNECTOR_JETPACKCRM_URL="+crm.URL,
		"CLIENTGATE_CONNECTOR_JETPACKCRM_API_KEY=k", "CLIENTGATE_CONNECTOR_JETPACKCRM_API_SECRET=s",
		"CLIENTGATE_AUTH_ISSUER="+op.Issuer(), "CLIENTGATE_AUTH_CLIENT_ID=portal", "CLIENTGATE_AUTH_CLIENT_SECRET=portal-secret",
		"CLIENTGATE_AUTH_SESSION_KEYS="+sessionKey, "CLIENTGATE_AUTH_REDIRECT_URL=http://"+addr+"/auth/callback",
		"CLIENTGATE_EMAIL_SMTP_URL=smtp://"+mp.SMTP+"?tls=none", "CLIENTGATE_EMAIL_FROM=portal@example.test",
		"CLIENTGATE_EMAIL_STAFF_TO="+who.staffTo, "CLIENTGATE_STAFF_VALUES=portal-staff")
	p, _ := startBinary(t, env, false, "serve")
	base := "http://" + addr
	cleo := newPortalClient(t, addr)
	cleo.signIn(who.client)
	_, list := cleo.get("/api/v1/invoices")
	m := regexp.MustCompile(`"id":"([^"]+)","number":"JP-0042"`).FindStringSubmatch(list)
	if m == nil {
		t.Fatalf("no invoice JP-0042 in %s", list)
	}
	invoice := "/clients/invoices/" + m[1]
	if resp, page := postPage(t, cleo, invoice+"/messages", pageCSRF(t, cleo, invoice),
		url.Values{"body": {"Can we pay this by bank transfer?"}}); !strings.Contains(page, "Your message was sent.") {
		t.Fatalf("posting the message: %d\n%s", resp.StatusCode, page)
	}
	toStaff := delivered(t, mp, who.staffTo, 1, 30*time.Second)[0]
	mentions(t, "the staff's email", toStaff, "Message from Cleo Client about invoice JP-0042", "Can we pay this by bank transfer?")
	link := regexp.MustCompile(regexp.QuoteMeta(base) + `/staff/threads/[0-9a-f-]{36}`).FindString(toStaff.Text)
	if link == "" {
		t.Fatalf("no staff link in %s", toStaff.Text)
	}
	staff := newPortalClient(t, addr)
	staff.signIn(who.staff)
	thread := strings.TrimPrefix(link, base)
	postPage(t, staff, thread+"/reply", pageCSRF(t, staff, thread), url.Values{"body": {"Yes, the details are on the invoice."}, "status": {"closed"}})
	toClient := delivered(t, mp, who.client, 1, 30*time.Second)[0]
	mentions(t, "the client's email", toClient, "New message about invoice JP-0042", "Yes, the details are on the invoice.",
		base+invoice+"#messages", "Closed")
	omits(t, "the client's email", toClient, "JP-SECRET", who.other)
	if _, page := cleo.get(invoice); !strings.Contains(page, "Yes, the details are on the invoice.") {
		t.Error("the client does not see the answer on the invoice's page")
	}
	p.stop(t, syscall.SIGTERM)
	checkNoPanic(t, p.output())
}
