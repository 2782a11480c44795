// Package emails renders the portal's emails: one layout, in HTML and in
// plain text, in the portal's branding, with the business's details, in
// the recipient's language. A caller describes an email as Content, whose
// texts it takes from the message catalogs with the recipient's
// Localizer, and gets a mail.Message without recipients:
//
//	l := r.Localizer(lang)
//	msg, err := r.Render(emails.Content{Lang: lang,
//		Subject: l.T("payments.email.unsettled.subject", "Number", inv.Number),
//		Intro:   []string{l.T("payments.email.unsettled.intro")},
//		Action:  emails.Action{Label: l.T("emails.open_staff"), URL: link},
//		Reason:  l.T("emails.reason.staff", "Business", r.Business())})
//
// Every value is escaped in the HTML part; text typed by people (a
// message's body) goes in Quote, which keeps its line breaks. Package
// notify sends them to staff and contacts.
package emails

import (
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"regexp"
	"strings"
	texttemplate "text/template"

	"clientgate/portal/i18n"
)

//go:embed templates/*
var templateFS embed.FS

// Business is who sends the emails, shown in every email's footer.
type Business struct {
	Name, Address, Email, Phone, Website string
}

// Options configure a Renderer.
type Options struct {
	// PortalName is the portal's name, at the top of every email.
	PortalName string
	// AccentColor is the colour of the action button, "#rrggbb" or
	// "#rgb"; default #2563eb.
	AccentColor string
	// Business is shown in the footer; Name defaults to PortalName.
	Business Business
	// Languages are the offered languages and DefaultLanguage the
	// fallback, as for the portal's pages.
	Languages       []string
	DefaultLanguage string
}

// Renderer renders emails; it is safe for concurrent use.
type Renderer struct {
	o    Options
	cat  *i18n.Catalog
	html *htmltemplate.Template
	text *texttemplate.Template
}

var (
	hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	shortHex  = regexp.MustCompile(`^#[0-9a-fA-F]{3}$`)
)

// New parses the templates and catalogs once.
func New(o Options) (*Renderer, error) {
	if strings.TrimSpace(o.PortalName) == "" {
		return nil, errors.New("emails: a portal name is required")
	}
	if o.Business.Name == "" {
		o.Business.Name = o.PortalName
	}
	if o.AccentColor == "" {
		o.AccentColor = "#2563eb"
	}
	if shortHex.MatchString(o.AccentColor) {
		c := o.AccentColor
		o.AccentColor = string([]byte{'#', c[1], c[1], c[2], c[2], c[3], c[3]})
	}
	if !hexColour.MatchString(o.AccentColor) {
		return nil, fmt.Errorf("emails: accent colour %q is not #rrggbb", o.AccentColor)
	}
	cat, err := i18n.New(o.Languages, o.DefaultLanguage)
	if err != nil {
		return nil, fmt.Errorf("emails: %w", err)
	}
	html, err := htmltemplate.New("email.html").Funcs(htmltemplate.FuncMap{"css": safeColour}).ParseFS(templateFS, "templates/email.html")
	if err != nil {
		return nil, fmt.Errorf("emails: %w", err)
	}
	text, err := texttemplate.New("email.txt").Funcs(texttemplate.FuncMap{"quoteLines": quoteLines}).ParseFS(templateFS, "templates/email.txt")
	if err != nil {
		return nil, fmt.Errorf("emails: %w", err)
	}
	return &Renderer{o: o, cat: cat, html: html, text: text}, nil
}

// Localizer returns the localizer of an offered language, the default
// language's for any other.
func (r *Renderer) Localizer(lang string) *i18n.Localizer { return r.cat.Localizer(lang) }

// Language chooses a recipient's language from their saved preference,
// then their CRM locale, else the default.
func (r *Renderer) Language(saved, locale string) string { return r.cat.Choose(saved, locale).Lang }

// DefaultLanguage is the language of emails to staff.
func (r *Renderer) DefaultLanguage() string { return r.cat.Default() }

// Business is the business's name, for texts that name it.
func (r *Renderer) Business() string { return r.o.Business.Name }

// PortalName is the portal's name.
func (r *Renderer) PortalName() string { return r.o.PortalName }

// safeColour passes the checked accent colour into a style attribute.
func safeColour(c string) htmltemplate.CSS {
	if !hexColour.MatchString(c) {
		return "#2563eb"
	}
	return htmltemplate.CSS(c) // #nosec: checked against hexColour
}

// quoteLines splits quoted text into its lines for the text part.
func quoteLines(s string) []string {
	return strings.Split(strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n"), "\n")
}
