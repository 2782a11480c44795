// Package mail is the contract for sending email: the Message type, the
// Sender interface every mail adapter implements, and the errors they
// return. The SMTP adapter is in mail/smtp, the durable outbox (a
// message is a job, retried until sent, sent once) in mail/outbox, and
// the conformance helper every Sender passes in mail/mailtest.
package mail

import (
	"context"
	"errors"
	"fmt"
	netmail "net/mail"
	"strings"
	"unicode"

	"clientgate/connectors"
)

// Message is one email. Bodies are complete: the caller renders them
// (HTML escaped by its templates). Text is required; HTML is optional and
// sent as the alternative part.
type Message struct {
	// From is "Name <addr>" or "addr"; "" means the sender's default
	// (email.from).
	From string `json:"from,omitempty"`
	// To lists one or more recipients, each "Name <addr>" or "addr".
	To []string `json:"to"`
	// ReplyTo is optional, as From.
	ReplyTo string `json:"reply_to,omitempty"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html,omitempty"`
	// MessageID is the Message-ID header without angle brackets, such as
	// "ticket-1.42@portal.example.com"; "" lets the sender make one. The
	// outbox sets a stable one derived from the message's key, so that a
	// message sent twice (see outbox) carries the same ID both times.
	MessageID string `json:"message_id,omitempty"`
	// Headers are further headers, such as List-Unsubscribe or
	// Auto-Submitted. Names must be valid header names; address headers
	// and the ones above may not be set here.
	Headers map[string]string `json:"headers,omitempty"`
}

// Sender sends messages. Implementations are safe for concurrent use.
type Sender interface {
	// Send delivers m to the mail server. It returns a *connectors.
	// ValidationError (ErrInvalid) for a malformed message,
	// ErrPermanent (wrapped) when the server refused it for good (a 5xx
	// answer: retrying cannot help), and any other error when sending
	// may succeed later (the server is down, slow or answered 4xx).
	Send(ctx context.Context, m Message) error
}

// ErrPermanent means the mail server refused the message for good.
var ErrPermanent = errors.New("mail: refused permanently")

// reservedHeaders may not be set through Message.Headers.
var reservedHeaders = map[string]bool{
	"from": true, "to": true, "cc": true, "bcc": true, "reply-to": true, "sender": true, "subject": true,
	"message-id": true, "date": true, "mime-version": true, "content-type": true, "content-transfer-encoding": true,
	"return-path": true,
}

// MaxRecipients bounds a message's recipients.
const MaxRecipients = 50

// Validate reports every problem with the message at once as a
// *connectors.ValidationError: missing or malformed addresses, a subject
// with line breaks (header injection) or control characters, an empty
// text body, bad header names or values.
func (m Message) Validate() error {
	var verr connectors.ValidationError
	if len(m.To) == 0 || len(m.To) > MaxRecipients {
		verr.Add("to", fmt.Sprintf("needs 1 to %d recipients", MaxRecipients))
	}
	for i, to := range m.To {
		checkAddress(&verr, fmt.Sprintf("to[%d]", i), to)
	}
	if m.From != "" {
		checkAddress(&verr, "from", m.From)
	}
	if m.ReplyTo != "" {
		checkAddress(&verr, "reply_to", m.ReplyTo)
	}
	if msg := (connectors.TextRule{Max: 998, Required: true}).Problem(m.Subject); msg != "" {
		verr.Add("subject", msg)
	}
	if msg := (connectors.TextRule{Multiline: true, Required: true}).Problem(strings.ReplaceAll(m.Text, "\r\n", "\n")); msg != "" {
		verr.Add("text", msg)
	}
	if m.MessageID != "" && !validMessageID(m.MessageID) {
		verr.Add("message_id", "must look like local@domain, without spaces or angle brackets")
	}
	for name, value := range m.Headers {
		checkHeader(&verr, name, value)
	}
	return verr.OrNil()
}

func checkAddress(verr *connectors.ValidationError, field, addr string) {
	if strings.ContainsAny(addr, "\r\n") {
		verr.Add(field, "must be one line")
		return
	}
	if _, err := netmail.ParseAddress(addr); err != nil {
		verr.Add(field, "is not an email address")
	}
}

func checkHeader(verr *connectors.ValidationError, name, value string) {
	field := "headers." + name
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return r <= ' ' || r > '~' || r == ':' }) >= 0 {
		verr.Add(field, "is not a valid header name")
		return
	}
	if reservedHeaders[strings.ToLower(name)] {
		verr.Add(field, "cannot be set as an extra header")
		return
	}
	if msg := (connectors.TextRule{Max: 998}).Problem(value); msg != "" {
		verr.Add(field, msg)
	}
}

// validMessageID reports whether id can be a Message-ID: local@domain
// of printable ASCII without spaces or angle brackets.
func validMessageID(id string) bool {
	local, domain, ok := strings.Cut(id, "@")
	bad := func(r rune) bool { return r > unicode.MaxASCII || r <= ' ' || r == '<' || r == '>' || r == '@' }
	return ok && local != "" && domain != "" && len(id) <= 250 &&
		strings.IndexFunc(local, bad) < 0 && strings.IndexFunc(domain, bad) < 0
}
