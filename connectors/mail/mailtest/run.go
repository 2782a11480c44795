package mailtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/mail"
)

// Recipient returns a fresh address at example.test, so that tests
// sharing one Mailpit never read each other's messages.
func Recipient(name string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return name + "-" + hex.EncodeToString(b) + "@example.test"
}

// RunSender checks a mail.Sender against the messages inbox receives:
// text and HTML bodies, Unicode, several recipients, Reply-To, the
// Message-ID and extra headers arrive intact; the default From (from) is
// used; malformed messages (no recipient, header injection through the
// subject or an address, bad header names, no text) are refused with
// ErrInvalid and never delivered; a cancelled context fails.
func RunSender(t *testing.T, s mail.Sender, inbox Inbox, from string) {
	ctx := context.Background()
	wait := 20 * time.Second
	t.Run("Plain", func(t *testing.T) {
		to := Recipient("plain")
		m := mail.Message{To: []string{"Zoë Ångström <" + to + ">"}, Subject: "Your ticket", Text: "Hello Zoë,\nyour ticket is open.",
			MessageID: "plain-" + strings.Split(to, "@")[0] + "@portal.example.test"}
		if err := s.Send(ctx, m); err != nil {
			t.Fatalf("Send: %v", err)
		}
		d := WaitFor(t, inbox, to, 1, wait)
		checkDelivered(t, d, m, from)
	})
	t.Run("HTMLAndUnicode", func(t *testing.T) {
		to, other := Recipient("html"), Recipient("html-cc")
		m := mail.Message{To: []string{to, other}, From: "Portal <" + from + ">", ReplyTo: "help@example.test",
			Subject: "Grüße – Ticket ✓ 東京", Text: "Plain part: Zoë 東京 ✓",
			HTML: "<p>HTML part: <b>Zoë</b> 東京 ✓</p>", Headers: map[string]string{"Auto-Submitted": "auto-generated"}}
		if err := s.Send(ctx, m); err != nil {
			t.Fatalf("Send: %v", err)
		}
		checkDelivered(t, WaitFor(t, inbox, to, 1, wait), m, from)
		checkDelivered(t, WaitFor(t, inbox, other, 1, wait), m, from)
	})
	t.Run("Refused", func(t *testing.T) { checkRefused(t, s, inbox) })
	t.Run("Cancelled", func(t *testing.T) {
		to := Recipient("cancelled")
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.Send(cctx, mail.Message{To: []string{to}, Subject: "x", Text: "x"}); err == nil {
			t.Error("Send with a cancelled context: no error")
		}
	})
}

func checkDelivered(t *testing.T, got []Delivered, want mail.Message, from string) {
	t.Helper()
	if len(got) != 1 {
		t.Fatalf("%d messages delivered, want 1", len(got))
	}
	d := got[0]
	if d.Subject != want.Subject {
		t.Errorf("subject %q, want %q", d.Subject, want.Subject)
	}
	if norm(d.Text) != norm(want.Text) {
		t.Errorf("text %q, want %q", d.Text, want.Text)
	}
	if want.HTML != "" && !strings.Contains(d.HTML, want.HTML) {
		t.Errorf("html %q, want it to hold %q", d.HTML, want.HTML)
	}
	if !strings.EqualFold(d.From, from) {
		t.Errorf("from %q, want %q", d.From, from)
	}
	if len(d.To) != len(want.To) {
		t.Errorf("to %v, want %v", d.To, want.To)
	}
	if want.MessageID != "" && d.MessageID != want.MessageID {
		t.Errorf("Message-ID %q, want %q", d.MessageID, want.MessageID)
	}
	if want.ReplyTo != "" && (len(d.ReplyTo) != 1 || d.ReplyTo[0] != want.ReplyTo) {
		t.Errorf("reply-to %v, want %s", d.ReplyTo, want.ReplyTo)
	}
	for k, v := range want.Headers {
		if got := d.Header(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
}

func norm(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }

// checkRefused sends malformed messages: each is ErrInvalid and none
// arrives.
func checkRefused(t *testing.T, s mail.Sender, inbox Inbox) {
	to, victim := Recipient("refused"), Recipient("victim")
	bad := map[string]mail.Message{
		"no recipient":          {Subject: "x", Text: "x"},
		"subject injection":     {To: []string{to}, Subject: "Hi\r\nBcc: " + victim, Text: "x"},
		"address injection":     {To: []string{to + "\r\nBcc: " + victim}, Subject: "x", Text: "x"},
		"bad recipient":         {To: []string{"not an address"}, Subject: "x", Text: "x"},
		"bad header name":       {To: []string{to}, Subject: "x", Text: "x", Headers: map[string]string{"X Bad": "1"}},
		"reserved header":       {To: []string{to}, Subject: "x", Text: "x", Headers: map[string]string{"Bcc": victim}},
		"header value newline":  {To: []string{to}, Subject: "x", Text: "x", Headers: map[string]string{"X-Note": "a\r\nBcc: " + victim}},
		"no text":               {To: []string{to}, Subject: "x"},
		"invalid utf-8 subject": {To: []string{to}, Subject: "\xff", Text: "x"},
		"bad message id":        {To: []string{to}, Subject: "x", Text: "x", MessageID: "<x@y>"},
	}
	for name, m := range bad {
		err := s.Send(context.Background(), m)
		var verr *connectors.ValidationError
		if !errors.Is(err, connectors.ErrInvalid) || !errors.As(err, &verr) {
			t.Errorf("%s: err = %v, want a *connectors.ValidationError", name, err)
		}
	}
	time.Sleep(300 * time.Millisecond)
	for _, addr := range []string{to, victim} {
		if got, err := inbox.Delivered(context.Background(), addr); err != nil || len(got) > 0 {
			t.Errorf("malformed messages delivered to %s: %d (%v)", addr, len(got), err)
		}
	}
}
