package config

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strings"
)

// EmailConfig configures outgoing email. Email is off while SMTPURL is
// empty; messages are then neither queued nor sent.
type EmailConfig struct {
	// SMTPURL names the mail server: smtp://user:password@host:587 uses
	// STARTTLS (required unless ?tls=opportunistic or ?tls=none),
	// smtps://user:password@host:465 implicit TLS. The user and password
	// are percent-encoded.
	SMTPURL string `yaml:"smtp_url"`
	// From is the sender of every email, "Name <address>" or "address".
	From string `yaml:"from"`
	// StaffTo are the default staff recipients (new tickets and replies
	// with nobody assigned).
	StaffTo []string `yaml:"staff_to"`
	// CategoryTo are the staff recipients of one ticket category (a name
	// from tickets.categories), instead of StaffTo.
	CategoryTo map[string][]string `yaml:"category_to"`
}

// Enabled reports whether email is configured.
func (e EmailConfig) Enabled() bool { return e.SMTPURL != "" }

func (e EmailConfig) validate(p *Problems) {
	if e.From != "" {
		checkMailAddress(p, "email.from", e.From)
	}
	for i, a := range e.StaffTo {
		checkMailAddress(p, fmt.Sprintf("email.staff_to[%d]", i), a)
	}
	if e.SMTPURL == "" {
		return
	}
	if e.From == "" {
		p.add("email.from", "required when email.smtp_url is set")
	}
	checkSMTPURL(p, e.SMTPURL)
}

func checkMailAddress(p *Problems, path, a string) {
	if _, err := mail.ParseAddress(a); err != nil || strings.ContainsAny(a, "\r\n") {
		p.add(path, "%q is not an email address", a)
	}
}

// checkSMTPURL checks the form of email.smtp_url (the SMTP adapter parses
// it again when it starts); messages never show the password.
func checkSMTPURL(p *Problems, raw string) {
	const path = "email.smtp_url"
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		p.add(path, "is not a valid URL (percent-encode special characters in the user and password)")
		return
	case u.Scheme != "smtp" && u.Scheme != "smtps":
		p.add(path, "must start with smtp:// or smtps://")
		return
	case u.Hostname() == "" || (u.Path != "" && u.Path != "/"):
		p.add(path, "must be smtp://[user:password@]host[:port], without a path")
		return
	}
	tls := "starttls"
	for key, values := range u.Query() {
		switch {
		case key != "tls" || len(values) != 1:
			p.add(path, "option %q is unknown (the only one is tls)", key)
		case u.Scheme == "smtps":
			p.add(path, "an smtps:// URL always uses TLS; tls= is for smtp:// URLs")
		case values[0] != "starttls" && values[0] != "opportunistic" && values[0] != "none":
			p.add(path, "tls=%q is not starttls, opportunistic or none", values[0])
		default:
			tls = values[0]
		}
	}
	if u.User != nil && tls != "starttls" && u.Scheme == "smtp" {
		p.add(path, "a user and password are only sent over TLS: use tls=starttls (the default) or smtps://")
	}
	if tls == "none" && !isLoopback(u.Hostname()) {
		p.add(path, "tls=none sends mail unencrypted; it is only allowed to a relay on this host (localhost, 127.0.0.1, ::1)")
	}
}

func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}
