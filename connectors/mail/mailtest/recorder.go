package mailtest

import (
	"context"
	"fmt"
	netmail "net/mail"
	"slices"
	"strings"
	"sync"

	"clientgate/connectors/mail"
)

// Recorder is an in-memory mail.Sender that keeps what it is given, for
// the tests of code that sends mail. It is also an Inbox. Failures are
// injected with Fail.
type Recorder struct {
	from string

	mu       sync.Mutex
	sent     []mail.Message
	failNext int
	failErr  error
	attempts int
}

// NewRecorder returns a Recorder whose default From is from.
func NewRecorder(from string) *Recorder { return &Recorder{from: from} }

var _ mail.Sender = (*Recorder)(nil)

// Send validates m as a real sender does and records it, unless ctx has
// ended or a failure is injected.
func (r *Recorder) Send(ctx context.Context, m mail.Message) error {
	if m.From == "" {
		m.From = r.from
	}
	if err := m.Validate(); err != nil {
		return fmt.Errorf("mailtest: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mailtest: %w", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.attempts++
	if r.failNext > 0 {
		r.failNext--
		return fmt.Errorf("mailtest: injected failure: %w", r.failErr)
	}
	m.To = slices.Clone(m.To)
	r.sent = append(r.sent, m)
	return nil
}

// Fail makes the next n sends fail with err (wrapped); wrap
// mail.ErrPermanent in err for a permanent refusal.
func (r *Recorder) Fail(n int, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failNext, r.failErr = n, err
}

// Sent returns the recorded messages, oldest first.
func (r *Recorder) Sent() []mail.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.sent)
}

// Attempts returns how many valid sends were attempted, failed ones
// included.
func (r *Recorder) Attempts() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.attempts
}

// Delivered implements Inbox.
func (r *Recorder) Delivered(_ context.Context, to string) ([]Delivered, error) {
	var out []Delivered
	for _, m := range r.Sent() {
		d := Delivered{MessageID: m.MessageID, From: bare(m.From), Subject: m.Subject, Text: m.Text, HTML: m.HTML,
			Headers: map[string][]string{}}
		for _, a := range m.To {
			d.To = append(d.To, bare(a))
		}
		if m.ReplyTo != "" {
			d.ReplyTo = []string{bare(m.ReplyTo)}
		}
		for k, v := range m.Headers {
			d.Headers[k] = []string{v}
		}
		if slices.ContainsFunc(d.To, func(a string) bool { return strings.EqualFold(a, to) }) {
			out = append(out, d)
		}
	}
	return out, nil
}

// bare returns the address part of "Name <addr>".
func bare(a string) string {
	if p, err := netmail.ParseAddress(a); err == nil {
		return p.Address
	}
	return a
}
