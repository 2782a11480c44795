package portal

import (
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// localeFormat is the formatting state of one locale string: its tag,
// x/text printer, date layout and the money layouts derived so far.
type localeFormat struct {
	tag     language.Tag
	printer *message.Printer
	date    string // time layout of a date
	after   bool   // the currency symbol follows the amount

	cached  bool          // layouts may be derived and kept (see maxLayouts)
	numOnce sync.Once     // derives num
	num     *numberLayout // nil when the printer's numbers do not fit one
	layouts sync.Map      // currency code → *moneyLayout (nil: slow path only)
	count   atomic.Int32  // entries in layouts
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

// Bounds of the locale cache: locale strings come from CRM data, so only
// short ones are kept, and only so many.
const (
	maxLocales      = 256
	maxLocaleLength = 64
)

var (
	locales     sync.Map // locale string → *localeFormat
	localeCount atomic.Int32
)

// localeFor returns the cached state of a locale string, creating it on
// first use. Beyond the cache's bounds it returns a fresh state that
// formats money with x/text only.
func localeFor(locale string) *localeFormat {
	if v, ok := locales.Load(locale); ok {
		return v.(*localeFormat)
	}
	if len(locale) > maxLocaleLength || localeCount.Load() >= maxLocales {
		return newLocaleFormat(locale, false)
	}
	v, loaded := locales.LoadOrStore(locale, newLocaleFormat(locale, true))
	if !loaded {
		localeCount.Add(1)
	}
	return v.(*localeFormat)
}

// newLocaleFormat parses a BCP 47 tag (English, United States for an empty
// or invalid one) and picks its date layout.
func newLocaleFormat(locale string, cached bool) *localeFormat {
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
	return &localeFormat{tag: tag, printer: message.NewPrinter(tag), date: layout,
		after: symbolAfter[base.String()], cached: cached}
}
