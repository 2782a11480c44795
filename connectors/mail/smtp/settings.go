package smtp

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// TLSMode is how the connection to the mail server is encrypted.
type TLSMode string

// The TLS modes. smtp:// URLs take one with ?tls= (starttls by
// default); smtps:// is always TLSImplicit.
const (
	// TLSStartTLS requires STARTTLS: a server that does not offer it, or
	// a certificate that does not verify, fails the send.
	TLSStartTLS TLSMode = "starttls"
	// TLSOpportunistic uses STARTTLS when offered, else plain text.
	TLSOpportunistic TLSMode = "opportunistic"
	// TLSNone never encrypts: only for a relay on the same host or
	// network, such as a local Postfix or a test server.
	TLSNone TLSMode = "none"
	// TLSImplicit speaks TLS from the first byte (SMTPS, usually port 465).
	TLSImplicit TLSMode = "implicit"
)

// Settings is a parsed email.smtp_url.
type Settings struct {
	Host     string
	Port     int
	Username string
	Password string
	TLS      TLSMode
}

// Default ports.
const (
	submissionPort = 587
	smtpsPort      = 465
)

// ParseURL reads an SMTP URL: smtp://[user[:password]@]host[:port][?tls=
// starttls|opportunistic|none] (port 587 by default) or smtps://[user
// [:password]@]host[:port] (implicit TLS, port 465 by default). The user
// and password are percent-encoded. Errors never hold the password.
func ParseURL(raw string) (Settings, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Settings{}, fmt.Errorf("smtp: url is not a valid URL")
	}
	var s Settings
	switch u.Scheme {
	case "smtp":
		s.Port, s.TLS = submissionPort, TLSStartTLS
	case "smtps":
		s.Port, s.TLS = smtpsPort, TLSImplicit
	default:
		return Settings{}, fmt.Errorf("smtp: url must start with smtp:// or smtps://")
	}
	if s.Host = u.Hostname(); s.Host == "" || (u.Path != "" && u.Path != "/") || u.Fragment != "" {
		return Settings{}, fmt.Errorf("smtp: url must be scheme://[user:password@]host[:port], without a path")
	}
	if p := u.Port(); p != "" {
		if s.Port, err = strconv.Atoi(p); err != nil || s.Port < 1 || s.Port > 65535 {
			return Settings{}, fmt.Errorf("smtp: url has an invalid port")
		}
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	return s, s.query(u)
}

// query applies the URL's query options.
func (s *Settings) query(u *url.URL) error {
	for key, values := range u.Query() {
		if key != "tls" || len(values) != 1 {
			return fmt.Errorf("smtp: url option %q is unknown (the only one is tls)", key)
		}
		mode := TLSMode(strings.ToLower(values[0]))
		switch {
		case s.TLS == TLSImplicit:
			return fmt.Errorf("smtp: an smtps:// url always uses TLS; tls= is for smtp:// urls")
		case mode == TLSStartTLS, mode == TLSOpportunistic, mode == TLSNone:
			s.TLS = mode
		default:
			return fmt.Errorf("smtp: url option tls=%q is not starttls, opportunistic or none", values[0])
		}
	}
	return nil
}

// Addr returns host:port.
func (s Settings) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }
