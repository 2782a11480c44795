package emails

import (
	"bytes"
	"fmt"
	"strings"

	"clientgate/connectors/mail"
)

// Content is one email in its recipient's language.
type Content struct {
	// Lang is the recipient's language code (the html lang attribute and
	// the footer's texts).
	Lang    string
	Subject string
	// Greeting opens the email, such as "Hello Priya,"; optional.
	Greeting string
	// Intro and Outro are paragraphs before and after the quote, facts
	// and action.
	Intro []string
	// QuoteBy introduces Quote, such as "Sam Staff wrote:".
	QuoteBy string
	// Quote is text a person typed (a message), shown as they wrote it.
	Quote string
	// Facts are label and value rows, such as a ticket's status.
	Facts []Fact
	// Action is the one button, such as "Open the ticket"; optional.
	Action Action
	Outro  []string
	// Reason says why the recipient gets the email, in the footer.
	Reason string
	// Unsubscribe is the URL that stops such emails without signing in;
	// it adds a footer link and the List-Unsubscribe headers (one-click,
	// RFC 8058). Empty for emails to staff.
	Unsubscribe string
}

// Fact is one label and value row.
type Fact struct{ Label, Value string }

// Action is a button with its link.
type Action struct{ Label, URL string }

// data is what the templates see.
type data struct {
	Content
	Portal, Accent, UnsubscribeLabel, Automatic string
	Business                                    Business
	AddressLines                                []string
}

// Render returns the email as a message without recipients: subject,
// plain text, HTML, and the List-Unsubscribe headers when the content has
// an unsubscribe link. Every value is escaped in the HTML.
func (r *Renderer) Render(c Content) (mail.Message, error) {
	if strings.TrimSpace(c.Subject) == "" {
		return mail.Message{}, fmt.Errorf("emails: a subject is required")
	}
	l := r.Localizer(c.Lang)
	c.Lang = l.Lang()
	d := data{Content: c, Portal: r.o.PortalName, Accent: r.o.AccentColor, Business: r.o.Business,
		UnsubscribeLabel: l.T("emails.unsubscribe"), Automatic: l.T("emails.automatic", "Portal", r.o.PortalName)}
	if a := strings.TrimSpace(strings.ReplaceAll(r.o.Business.Address, "\r\n", "\n")); a != "" {
		d.AddressLines = strings.Split(a, "\n")
	}
	var html, text bytes.Buffer
	if err := r.html.ExecuteTemplate(&html, "email.html", d); err != nil {
		return mail.Message{}, fmt.Errorf("emails: html: %w", err)
	}
	if err := r.text.ExecuteTemplate(&text, "email.txt", d); err != nil {
		return mail.Message{}, fmt.Errorf("emails: text: %w", err)
	}
	m := mail.Message{Subject: oneLine(c.Subject), Text: tidy(text.String()), HTML: html.String(),
		Headers: map[string]string{"Auto-Submitted": "auto-generated"}}
	if c.Unsubscribe != "" {
		m.Headers["List-Unsubscribe"] = "<" + c.Unsubscribe + ">"
		m.Headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
	}
	return m, nil
}

// oneLine folds white space, line breaks included, for a header.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// tidy drops trailing spaces and runs of blank lines from the text part.
func tidy(s string) string {
	var out []string
	blank := true
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" && blank {
			continue
		}
		blank = line == ""
		out = append(out, line)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
}
