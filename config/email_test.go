package config

import (
	"strings"
	"testing"
)

func TestEmailAccepts(t *testing.T) {
	for _, e := range []EmailConfig{
		{},
		{SMTPURL: "smtp://u:p%40ss@mail.example.com:587", From: "Portal <portal@example.com>", StaffTo: []string{"help@example.com"}},
		{SMTPURL: "smtps://u:p@mail.example.com", From: "portal@example.com"},
		{SMTPURL: "smtp://mail.example.com?tls=opportunistic", From: "portal@example.com"},
		{SMTPURL: "smtp://127.0.0.1:1025?tls=none", From: "portal@example.com"},
		{SMTPURL: "smtp://localhost?tls=none", From: "portal@example.com"},
	} {
		c := validConfig()
		c.Email = e
		if err := c.Validate(); err != nil {
			t.Errorf("%+v: %v", e, err)
		}
	}
}

func TestEmailRejects(t *testing.T) {
	tests := []struct {
		email EmailConfig
		want  string
	}{
		{EmailConfig{SMTPURL: "smtp://mail.example.com"}, "email.from: required when email.smtp_url is set"},
		{EmailConfig{From: "not an address"}, `email.from: "not an address" is not an email address`},
		{EmailConfig{StaffTo: []string{"ok@example.com", "bad"}}, `email.staff_to[1]: "bad" is not an email address`},
		{EmailConfig{SMTPURL: "http://mail.example.com", From: "a@b.c"}, "email.smtp_url: must start with smtp:// or smtps://"},
		{EmailConfig{SMTPURL: "smtp://", From: "a@b.c"}, "email.smtp_url: must be smtp://[user:password@]host[:port]"},
		{EmailConfig{SMTPURL: "smtp://mail.example.com?tls=maybe", From: "a@b.c"}, `email.smtp_url: tls="maybe" is not starttls`},
		{EmailConfig{SMTPURL: "smtp://mail.example.com?port=2", From: "a@b.c"}, `email.smtp_url: option "port" is unknown`},
		{EmailConfig{SMTPURL: "smtps://mail.example.com?tls=none", From: "a@b.c"}, "email.smtp_url: an smtps:// URL always uses TLS"},
		{EmailConfig{SMTPURL: "smtp://u:s3cret@mail.example.com?tls=opportunistic", From: "a@b.c"}, "email.smtp_url: a user and password are only sent over TLS"},
		{EmailConfig{SMTPURL: "smtp://mail.example.com?tls=none", From: "a@b.c"}, "email.smtp_url: tls=none sends mail unencrypted"},
		{EmailConfig{SMTPURL: "smtp://u:s3cret@mail.example.com/x", From: "a@b.c"}, "without a path"},
	}
	for _, tt := range tests {
		c := validConfig()
		c.Email = tt.email
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.email, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "s3cret") {
			t.Errorf("the problem shows the password: %v", err)
		}
	}
}

func TestEmailFromEnvironment(t *testing.T) {
	env := []string{"CLIENTGATE_EMAIL_SMTP_URL=smtp://127.0.0.1:1025?tls=none", "CLIENTGATE_EMAIL_FROM=portal@example.com",
		"CLIENTGATE_EMAIL_STAFF_TO=a@example.com,b@example.com"}
	c, err := Load("", env)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Email.Enabled() || c.Email.From != "portal@example.com" || len(c.Email.StaffTo) != 2 {
		t.Errorf("email from the environment: %+v", c.Email)
	}
}
