package mailtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// Environment variables naming the test Mailpit (.ci/run starts one).
const (
	// EnvMailpit is the base URL of Mailpit's HTTP API, such as
	// http://127.0.0.1:8025.
	EnvMailpit = "CLIENTGATE_TEST_MAILPIT"
	// EnvMailpitSMTP is its SMTP address, such as 127.0.0.1:1025.
	EnvMailpitSMTP = "CLIENTGATE_TEST_MAILPIT_SMTP"
)

// Mailpit reads messages from a Mailpit server's HTTP API.
type Mailpit struct {
	// API is the base URL of the HTTP API.
	API string
	// SMTP is the host:port of its SMTP listener.
	SMTP   string
	client *http.Client
}

// MailpitFromEnv returns the Mailpit named by EnvMailpit and
// EnvMailpitSMTP after checking that it answers. Without them the test is
// skipped, unless CI is set: then it fails, so that CI never silently
// skips the email tests.
func MailpitFromEnv(t testing.TB) *Mailpit {
	t.Helper()
	api, smtpAddr := os.Getenv(EnvMailpit), os.Getenv(EnvMailpitSMTP)
	if api == "" || smtpAddr == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("mailtest: %s and %s must name the test Mailpit when CI is set (.ci/run starts one)", EnvMailpit, EnvMailpitSMTP)
		}
		t.Skipf("mailtest: no Mailpit: set %s=http://127.0.0.1:8025 and %s=127.0.0.1:1025 to run", EnvMailpit, EnvMailpitSMTP)
	}
	m := &Mailpit{API: strings.TrimSuffix(api, "/"), SMTP: smtpAddr, client: &http.Client{Timeout: 10 * time.Second}}
	var info struct{ Version string }
	if err := m.get(context.Background(), "/api/v1/info", &info); err != nil {
		t.Fatalf("mailtest: Mailpit at %s does not answer: %v", api, err)
	}
	return m
}

// Delivered implements Inbox with Mailpit's search API.
func (m *Mailpit) Delivered(ctx context.Context, to string) ([]Delivered, error) {
	var list struct {
		Messages []struct{ ID string } `json:"messages"`
	}
	q := url.Values{"query": {`to:"` + to + `"`}, "limit": {"200"}}
	if err := m.get(ctx, "/api/v1/search?"+q.Encode(), &list); err != nil {
		return nil, err
	}
	var out []Delivered
	for _, s := range list.Messages {
		d, err := m.message(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		// Search matches substrings; keep exact recipients only.
		if slices.ContainsFunc(d.To, func(a string) bool { return strings.EqualFold(a, to) }) {
			out = append(out, d)
		}
	}
	slices.Reverse(out) // the API lists newest first
	return out, nil
}

type mailpitAddress struct{ Name, Address string }

func addresses(as []mailpitAddress) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Address
	}
	return out
}

// message reads one message with its headers.
func (m *Mailpit) message(ctx context.Context, id string) (Delivered, error) {
	var msg struct {
		MessageID           string
		From                mailpitAddress
		To, ReplyTo         []mailpitAddress
		Subject, Text, HTML string
	}
	if err := m.get(ctx, "/api/v1/message/"+url.PathEscape(id), &msg); err != nil {
		return Delivered{}, err
	}
	d := Delivered{MessageID: msg.MessageID, From: msg.From.Address, To: addresses(msg.To), ReplyTo: addresses(msg.ReplyTo),
		Subject: msg.Subject, Text: msg.Text, HTML: msg.HTML}
	err := m.get(ctx, "/api/v1/message/"+url.PathEscape(id)+"/headers", &d.Headers)
	return d, err
}

func (m *Mailpit) get(ctx context.Context, path string, into any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.API+path, nil)
	if err != nil {
		return err
	}
	c := m.client
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("mailpit: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("mailpit: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("mailpit: GET %s: %s: %s", path, resp.Status, body)
	}
	return json.Unmarshal(body, into)
}

// WaitFor polls inbox until at least n messages were delivered to the
// address, for up to timeout, and returns them.
func WaitFor(t testing.TB, inbox Inbox, to string, n int, timeout time.Duration) []Delivered {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		got, err := inbox.Delivered(context.Background(), to)
		if err != nil {
			t.Fatalf("mailtest: reading the inbox of %s: %v", to, err)
		}
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailtest: %d messages delivered to %s within %v, want %d", len(got), to, timeout, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
