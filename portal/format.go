package portal

import (
	"time"

	"golang.org/x/text/number"

	"clientgate/connectors"
)

// formatter formats money and dates for one contact's locale. Its zero
// value formats like an empty locale (English, United States).
type formatter struct {
	loc *localeFormat
}

// newFormatter returns a formatter for a BCP 47 tag; English for an empty
// or unknown one. The locale's state is cached (see localeFor).
func newFormatter(locale string) formatter {
	return formatter{loc: localeFor(locale)}
}

// locale returns f's locale state, the default one for a zero formatter.
func (f formatter) locale() *localeFormat {
	if f.loc == nil {
		return localeFor("")
	}
	return f.loc
}

// Money formats an amount with its currency symbol for the locale, such as
// "$1,506.00" or "1.506,00 €". It uses a layout derived once per locale and
// currency from golang.org/x/text and verified against it (see moneyLayout),
// and x/text itself for what the layout cannot represent.
func (f formatter) Money(m connectors.Money) string {
	loc := f.locale()
	if l := loc.moneyLayout(m.Currency); l != nil {
		if s, ok := l.format(m.Minor, m.Currency); ok {
			return s
		}
	}
	return loc.slowMoney(m)
}

// Date formats the date of t (in UTC), or "" for the zero time.
func (f formatter) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(f.locale().date)
}

// DateTime formats t (in UTC) with the time of day, or "" for zero.
func (f formatter) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(f.locale().date+" 15:04") + " UTC"
}

// Number formats a count for the locale.
func (f formatter) Number(n int) string { return f.locale().printer.Sprint(number.Decimal(n)) }
