package portal

import (
	"time"

	"golang.org/x/text/number"

	"clientgate/connectors"
	"clientgate/portal/i18n"
)

// formatter is one client's locale: it formats money, dates and times for
// their language and region, in their time zone, and translates the
// portal's messages (T, N). Templates get it as .F. Its zero value
// formats like an empty locale (English, United States) in UTC and
// returns message IDs untranslated.
type formatter struct {
	loc  *localeFormat
	tr   *i18n.Localizer
	zone *time.Location
}

// key names what the formatter's output depends on: language, locale and
// time zone.
func (f formatter) key() string {
	lang := ""
	if f.tr != nil {
		lang = f.tr.Lang()
	}
	zone := "UTC"
	if f.zone != nil {
		zone = f.zone.String()
	}
	tag := ""
	if f.loc != nil {
		tag = f.loc.tag.String()
	}
	return lang + "|" + tag + "|" + zone
}

// newFormatter returns a formatter for a BCP 47 tag; English for an empty
// or unknown one, in UTC, without translations. The locale's state is
// cached (see localeFor).
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

// where returns f's time zone, UTC for none.
func (f formatter) where() *time.Location {
	if f.zone == nil {
		return time.UTC
	}
	return f.zone
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

// Date formats a calendar date (an invoice's date or due date, a quote's
// validity), or "" for the zero time. Connectors keep such dates at
// midnight UTC, so the date is read in UTC and never shifts across
// midnight in the client's time zone.
func (f formatter) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(f.locale().date)
}

// Day formats the date on which an instant (a payment, a decision) fell
// in the client's time zone, or "" for the zero time.
func (f formatter) Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(f.where()).Format(f.locale().date)
}

// DateTime formats an instant with its time of day in the client's time
// zone, naming the zone ("4 Mar 2026 15:30 CET"), or "" for zero.
func (f formatter) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(f.where()).Format(f.locale().date + " 15:04 MST")
}

// Number formats a count for the locale.
func (f formatter) Number(n int) string { return f.locale().printer.Sprint(number.Decimal(n)) }

// Lang is the language of f's messages, such as "de"; "en" without
// translations.
func (f formatter) Lang() string {
	if f.tr == nil {
		return i18n.English
	}
	return f.tr.Lang()
}

// T translates message id with name, value pairs for its placeholders.
func (f formatter) T(id string, args ...any) string {
	if f.tr == nil {
		return id
	}
	return f.tr.T(id, args...)
}

// N translates the plural message id for count.
func (f formatter) N(id string, count int, args ...any) string {
	if f.tr == nil {
		return id
	}
	return f.tr.N(id, count, args...)
}

// Countries lists the countries with their names in f's language.
func (f formatter) Countries() []i18n.Country {
	if f.tr == nil {
		return nil
	}
	return f.tr.Countries()
}

// Country names an ISO 3166 country code in f's language; other values
// are returned as they are.
func (f formatter) Country(value string) string {
	if f.tr == nil {
		return value
	}
	return f.tr.CountryName(value)
}
