package portal

import (
	"math"
	"strings"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"clientgate/connectors"
)

// formatter formats money and dates for one contact's locale.
type formatter struct {
	tag     language.Tag
	printer *message.Printer
	date    string // time layout of a date
}

// symbolAfter lists languages that write the currency symbol after the
// amount ("1.506,00 €").
var symbolAfter = map[string]bool{
	"de": true, "fr": true, "es": true, "it": true, "pt": true, "sv": true, "da": true,
	"nb": true, "fi": true, "pl": true, "cs": true, "ru": true, "sk": true, "hu": true,
}

// dateLayouts are date layouts by language or region; the default is
// English (United States).
var dateLayouts = map[string]string{
	"en-GB": "2 Jan 2006", "en-AU": "2 Jan 2006", "en-IE": "2 Jan 2006", "en-NZ": "2 Jan 2006",
	"de": "02.01.2006", "fr": "02/01/2006", "es": "02/01/2006", "it": "02/01/2006",
	"pt": "02/01/2006", "nl": "02-01-2006", "ja": "2006/01/02", "zh": "2006/01/02",
	"sv": "2006-01-02", "da": "02.01.2006", "nb": "02.01.2006", "fi": "2.1.2006", "pl": "02.01.2006",
}

// newFormatter returns a formatter for a BCP 47 tag; English for an empty
// or unknown one.
func newFormatter(locale string) formatter {
	tag, err := language.Parse(locale)
	if err != nil || locale == "" {
		tag = language.AmericanEnglish
	}
	base, _ := tag.Base()
	region, _ := tag.Region()
	layout, ok := dateLayouts[base.String()+"-"+region.String()]
	if !ok {
		layout, ok = dateLayouts[base.String()]
	}
	if !ok {
		layout = "Jan 2, 2006"
	}
	return formatter{tag: tag, printer: message.NewPrinter(tag), date: layout}
}

// Money formats an amount with its currency symbol for the locale, such as
// "$1,506.00" or "1.506,00 €".
func (f formatter) Money(m connectors.Money) string {
	digits := connectors.MinorDigits(m.Currency)
	abs := m.Minor
	sign := ""
	if abs < 0 {
		sign, abs = "-", -abs
	}
	if abs < 0 || abs > 1<<53 {
		return m.String() // beyond float64's exact range: plain but exact
	}
	value := float64(abs) / math.Pow10(digits)
	num := f.printer.Sprint(number.Decimal(value, number.Scale(digits)))
	unit, err := currency.ParseISO(m.Currency)
	if err != nil {
		return strings.TrimSpace(sign + num + " " + m.Currency)
	}
	sym := f.printer.Sprint(currency.NarrowSymbol(unit))
	base, _ := f.tag.Base()
	if symbolAfter[base.String()] {
		return sign + num + "\u00a0" + sym
	}
	return sign + sym + num
}

// Date formats the date of t (in UTC), or "" for the zero time.
func (f formatter) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(f.date)
}

// DateTime formats t (in UTC) with the time of day, or "" for zero.
func (f formatter) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(f.date+" 15:04") + " UTC"
}

// Number formats a count for the locale.
func (f formatter) Number(n int) string { return f.printer.Sprint(number.Decimal(n)) }
