package i18n

import (
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Localizer translates messages into one language, falling back to
// English for a message the language lacks (the catalog test makes sure
// none does) and to the message ID for an unknown one.
type Localizer struct {
	lang    string
	l       *goi18n.Localizer
	printer *message.Printer
	// countries is the country list in this language, built on first use.
	countries func() []Country
	// plain keeps the messages asked for without arguments.
	plain *memo
}

// newLocalizer returns the localizer of lang; ids are the catalogs'
// message IDs, whose texts without arguments it keeps once rendered.
func newLocalizer(b *goi18n.Bundle, lang string, ids map[string]bool) *Localizer {
	return &Localizer{lang: lang, l: goi18n.NewLocalizer(b, lang, English),
		printer:   message.NewPrinter(language.Make(lang)),
		countries: sync.OnceValue(func() []Country { return countriesIn(lang) }),
		plain:     &memo{known: ids}}
}

// Lang is the localizer's language code, such as "de".
func (l *Localizer) Lang() string { return l.lang }

// T returns message id with its placeholders filled from args, which are
// name, value pairs: T("refusal.no_access", "Email", email).
func (l *Localizer) T(id string, args ...any) string {
	if len(args) == 0 && l != nil {
		return l.plainText(id)
	}
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data(args)}, id)
}

// plainText returns message id without arguments, from the memo once
// rendered.
func (l *Localizer) plainText(id string) string {
	if s, ok := l.plain.load(id); ok {
		return s
	}
	s := l.render(id)
	l.plain.keep(id, s)
	return s
}

// render returns message id without template data, as T does for no
// arguments, bypassing the memo.
func (l *Localizer) render(id string) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data(nil)}, id)
}

// N returns the plural message id in the form that count takes in the
// language; {{.Count}} is count written for the language, such as "1.000".
func (l *Localizer) N(id string, count int, args ...any) string {
	d := data(args)
	d["Count"] = l.printer.Sprint(count)
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: count}, id)
}

// localize runs lc, returning fallback when no catalog has the message.
func (l *Localizer) localize(lc *goi18n.LocalizeConfig, fallback string) string {
	if l == nil {
		return fallback
	}
	s, err := l.l.Localize(lc)
	if err != nil && s == "" {
		return fallback
	}
	return s
}

// data turns name, value pairs into template data; a trailing name
// without a value is dropped.
func data(args []any) map[string]any {
	d := make(map[string]any, len(args)/2+1)
	for i := 0; i+1 < len(args); i += 2 {
		if name, ok := args[i].(string); ok {
			d[name] = args[i+1]
		}
	}
	return d
}
