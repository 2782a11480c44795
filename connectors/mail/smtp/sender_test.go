package smtp_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"clientgate/connectors/mail"
	"clientgate/connectors/mail/mailtest"
	"clientgate/connectors/mail/smtp"
)

const from = "portal@example.test"

// newSender returns a Sender for the test Mailpit with the given URL
// options and credentials ("" for none).
func newSender(t *testing.T, mp *mailtest.Mailpit, userinfo, query string) *smtp.Sender {
	t.Helper()
	u := "smtp://" + userinfo + mp.SMTP + query
	s, err := smtp.New(smtp.Options{URL: u, From: from, HELO: "portal.example.test", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("smtp.New(%q): %v", u, err)
	}
	return s
}

func TestSenderConformsAgainstMailpit(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	mailtest.RunSender(t, newSender(t, mp, "", "?tls=none"), mp, from)
}

// TestCredentialsNeverInPlainText: with tls=none the sender refuses to
// authenticate (go-mail's mechanism discovery offers PLAIN and LOGIN only
// over TLS), so a password never crosses the network unencrypted.
func TestCredentialsNeverInPlainText(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	s := newSender(t, mp, "portal%40example.test:p%40ss%3Aword@", "?tls=none")
	to := mailtest.Recipient("auth")
	err := s.Send(context.Background(), mail.Message{To: []string{to}, Subject: "auth", Text: "x"})
	if err == nil || errors.Is(err, mail.ErrPermanent) {
		t.Fatalf("Send with credentials over plain text: err = %v, want a (temporary) refusal", err)
	}
	if strings.Contains(err.Error(), "p@ss") {
		t.Errorf("the error shows the password: %v", err)
	}
}

// TestStartTLSRequiredByDefault: smtp:// without tls= requires STARTTLS,
// so a server that does not offer it (the test Mailpit) is refused
// rather than sent the message, and the credentials, in plain text.
func TestStartTLSRequiredByDefault(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	to := mailtest.Recipient("starttls")
	for _, q := range []string{"", "?tls=starttls"} {
		err := newSender(t, mp, "user:secret@", q).Send(context.Background(), mail.Message{To: []string{to}, Subject: "x", Text: "x"})
		if err == nil || errors.Is(err, mail.ErrPermanent) {
			t.Errorf("tls %q: err = %v, want a temporary error", q, err)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("the error shows the password: %v", err)
		}
	}
	err := newSender(t, mp, "", "?tls=opportunistic").Send(context.Background(), mail.Message{To: []string{to}, Subject: "x", Text: "x"})
	if err != nil {
		t.Errorf("tls=opportunistic: %v", err)
	}
	if got := mailtest.WaitFor(t, mp, to, 1, 10*time.Second); len(got) != 1 {
		t.Errorf("%d messages delivered, want only the opportunistic one", len(got))
	}
}

// TestPermanentRefusal: the test Mailpit accepts only @example.test
// recipients (--smtp-allowed-recipients); others get a 5xx answer.
func TestPermanentRefusal(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	err := newSender(t, mp, "", "?tls=none").Send(context.Background(),
		mail.Message{To: []string{"someone@refused.invalid"}, Subject: "x", Text: "x"})
	if !errors.Is(err, mail.ErrPermanent) {
		t.Errorf("err = %v, want ErrPermanent", err)
	}
}

func TestServerDownIsTemporary(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s, err := smtp.New(smtp.Options{URL: "smtp://" + addr + "?tls=none", From: from, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), mail.Message{To: []string{"a@example.test"}, Subject: "x", Text: "x"})
	if err == nil || errors.Is(err, mail.ErrPermanent) {
		t.Errorf("err = %v, want a temporary error", err)
	}
}

func TestNewRefusesBadOptions(t *testing.T) {
	for name, o := range map[string]smtp.Options{
		"no from":    {URL: "smtp://relay"},
		"bad from":   {URL: "smtp://relay", From: "not an address"},
		"bad url":    {URL: "http://relay", From: from},
		"empty url":  {From: from},
		"from lines": {URL: "smtp://relay", From: "a@b\r\nBcc: c@d"},
	} {
		if _, err := smtp.New(o); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
