// Package mailtest helps test mail senders and the code that sends
// mail: Inbox reads delivered messages back (Mailpit's HTTP API, or a
// Recorder in memory), RunSender is the conformance check every
// mail.Sender passes, and Recorder is an in-memory mail.Sender for other
// packages' tests.
package mailtest

import (
	"context"
	"strings"
)

// Delivered is a message as the receiving side saw it.
type Delivered struct {
	MessageID string
	From      string
	To        []string
	ReplyTo   []string
	Subject   string
	Text      string
	HTML      string
	// Headers maps canonical header names to their values.
	Headers map[string][]string
}

// Inbox reads delivered messages back.
type Inbox interface {
	// Delivered returns the messages delivered to the address (ignoring
	// case), oldest first.
	Delivered(ctx context.Context, to string) ([]Delivered, error)
}

// Header returns the first value of a header, "" when absent.
func (d Delivered) Header(name string) string {
	for k, v := range d.Headers {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}
