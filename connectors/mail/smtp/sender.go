// Package smtp sends clientgate's email through an SMTP server with
// github.com/wneessen/go-mail, configured by an SMTP URL (see ParseURL).
package smtp

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"time"

	gomail "github.com/wneessen/go-mail"

	"clientgate/connectors"
	"clientgate/connectors/mail"
)

// Options configures a Sender.
type Options struct {
	// URL is email.smtp_url.
	URL string
	// From is the default sender (email.from), used when a message has
	// none.
	From string
	// HELO is the name clientgate gives itself to the server, such as the
	// public URL's host; "" sends go-mail's default.
	HELO string
	// Timeout bounds connecting and each command; default 30s.
	Timeout time.Duration
	// TLSConfig replaces the default TLS settings (the system's roots and
	// the URL's host as server name), for example to trust a private CA.
	TLSConfig *tls.Config
	// Logger receives warnings; nil discards them.
	Logger *slog.Logger
}

// Sender is the SMTP mail.Sender. It connects for every Send (the
// outbox sends a handful of messages, not bulk mail).
type Sender struct {
	s    Settings
	opts Options
}

var _ mail.Sender = (*Sender)(nil)

// New checks the options and returns a Sender; it does not connect.
func New(o Options) (*Sender, error) {
	s, err := ParseURL(o.URL)
	if err != nil {
		return nil, err
	}
	if o.From == "" {
		return nil, errors.New("smtp: a default From address is required")
	}
	if err := (mail.Message{From: o.From, To: []string{o.From}, Subject: "x", Text: "x"}).Validate(); err != nil {
		return nil, fmt.Errorf("smtp: default From: %w", err)
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Sender{s: s, opts: o}, nil
}

// Send delivers m. Once the server has accepted the message, a failure
// to close the connection is only logged: the message is sent, and
// reporting an error would make the outbox send it again.
func (c *Sender) Send(ctx context.Context, m mail.Message) error {
	if m.From == "" {
		m.From = c.opts.From
	}
	if err := m.Validate(); err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	msg, err := buildMsg(m)
	if err != nil {
		return fmt.Errorf("smtp: %w: %w", connectors.ErrInvalid, err)
	}
	client, err := gomail.NewClient(c.s.Host, c.clientOptions()...)
	if err != nil {
		return fmt.Errorf("smtp: %w", err)
	}
	conn, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fmt.Errorf("smtp: connect to %s: %w", c.s.Addr(), err)
	}
	if err := client.SendWithSMTPClient(conn, msg); err != nil {
		client.CloseWithSMTPClient(conn)
		return classify(c.s.Addr(), err)
	}
	if err := client.CloseWithSMTPClient(conn); err != nil {
		c.opts.Logger.WarnContext(ctx, "smtp: message accepted, closing the connection failed", "addr", c.s.Addr(), "err", err)
	}
	return nil
}

// classify wraps a send error, marking the server's permanent refusals.
func classify(addr string, err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) && !se.IsTemp() && se.ErrorCode() >= 500 {
		return fmt.Errorf("smtp: send through %s: %w: %w", addr, mail.ErrPermanent, err)
	}
	return fmt.Errorf("smtp: send through %s: %w", addr, err)
}

// clientOptions turns the settings into go-mail's options.
func (c *Sender) clientOptions() []gomail.Option {
	opts := []gomail.Option{gomail.WithPort(c.s.Port), gomail.WithTimeout(c.opts.Timeout)}
	switch c.s.TLS {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSOpportunistic:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	tc := c.opts.TLSConfig
	if tc == nil {
		tc = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	tc = tc.Clone()
	if tc.ServerName == "" {
		tc.ServerName = c.s.Host
	}
	opts = append(opts, gomail.WithTLSConfig(tc))
	if c.opts.HELO != "" {
		opts = append(opts, gomail.WithHELO(c.opts.HELO))
	}
	if c.s.Username != "" {
		opts = append(opts, gomail.WithUsername(c.s.Username), gomail.WithPassword(c.s.Password),
			gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover))
	}
	return opts
}

// buildMsg turns a valid message into go-mail's.
func buildMsg(m mail.Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.From(m.From); err != nil {
		return nil, err
	}
	if err := msg.To(m.To...); err != nil {
		return nil, err
	}
	if m.ReplyTo != "" {
		if err := msg.ReplyTo(m.ReplyTo); err != nil {
			return nil, err
		}
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	if m.MessageID != "" {
		msg.SetMessageIDWithValue(m.MessageID)
	} else {
		msg.SetMessageID()
	}
	for name, value := range m.Headers {
		msg.SetGenHeader(gomail.Header(name), value)
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}
