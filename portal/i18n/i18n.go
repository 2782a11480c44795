// Package i18n holds the portal's message catalogs and chooses the
// language of a request. Every text a client reads (pages, error pages,
// sign-in refusals, emails) comes from the catalogs in locales/, read with
// github.com/nicksnyder/go-i18n/v2: locales/<lang>.toml holds the portal's
// common messages, and each area (payments, tickets, files, ...) may keep
// its own in locales/<area>.<lang>.toml, one file per language. A message
// ID must be defined in one file of a language only.
//
// Adding a message: add its ID and English text to the area's English file
// (locales/en.toml or locales/<area>.en.toml), then the same ID to the
// area's file of every other language (a test fails while any language
// lacks it, or while a translation's {{.Placeholders}} differ from
// English's).
// Plural messages have the CLDR forms of each language ("one", "other";
// French, Spanish also "many"). Portal templates call {{$f.T "id" "Name"
// value}} and {{$f.N "id" count}} on their formatter; Go code calls
// Localizer.T and Localizer.N.
//
// Adding a language: add locales/<code>.toml and locales/<area>.<code>.toml
// for every area, with every ID, and the code to Shipped.
package i18n

import (
	"embed"
	"errors"
	"fmt"
	"slices"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var localeFS embed.FS

// English is the language every catalog is written from, and the last
// fallback for a message.
const English = "en"

// Shipped lists the languages with a complete catalog, English first.
func Shipped() []string { return []string{English, "de", "fr", "es", "nl"} }

// Catalog is the parsed catalogs, with the languages a portal offers and
// its default. It is safe for concurrent use.
type Catalog struct {
	bundle     *goi18n.Bundle
	offered    []string
	def        string
	matcher    language.Matcher
	localizers map[string]*Localizer
	languages  []Language // the offered languages with their names
}

// New parses the shipped catalogs and offers the given languages (every
// shipped one when empty) with def as the default (English when empty).
// It lists every language that is not shipped, and a default that is not
// offered.
func New(offered []string, def string) (*Catalog, error) {
	if len(offered) == 0 {
		offered = Shipped()
	}
	if def == "" {
		def = English
	}
	var errs []error
	for _, l := range offered {
		if !slices.Contains(Shipped(), l) {
			errs = append(errs, fmt.Errorf("i18n: language %q is not shipped (shipped: %s)", l, strings.Join(Shipped(), ", ")))
		}
	}
	if !slices.Contains(offered, def) {
		errs = append(errs, fmt.Errorf("i18n: default language %q is not among the offered languages", def))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	bundle, ids, err := loadBundle()
	if err != nil {
		return nil, err
	}
	c := &Catalog{bundle: bundle, offered: slices.Clone(offered), def: def, localizers: map[string]*Localizer{},
		languages: namedLanguages(offered)}
	tags := make([]language.Tag, len(c.offered))
	for i, l := range c.offered {
		tags[i] = language.Make(l)
		c.localizers[l] = newLocalizer(bundle, l, ids)
	}
	c.matcher = language.NewMatcher(tags)
	return c, nil
}

// loadBundle parses every embedded catalog and returns the IDs of their
// messages too.
func loadBundle() (*goi18n.Bundle, map[string]bool, error) {
	bundle := goi18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	ids := map[string]bool{}
	for _, l := range Shipped() {
		files, err := catalogFiles(l)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range files {
			mf, err := bundle.LoadMessageFileFS(localeFS, f)
			if err != nil {
				return nil, nil, fmt.Errorf("i18n: catalog %s: %w", f, err)
			}
			for _, m := range mf.Messages {
				ids[m.ID] = true
			}
		}
	}
	return bundle, ids, nil
}

// catalogFiles lists the embedded catalogs of a language: locales/<lang>.toml
// first, then the areas' locales/<area>.<lang>.toml in name order.
func catalogFiles(lang string) ([]string, error) {
	entries, err := localeFS.ReadDir("locales")
	if err != nil {
		return nil, fmt.Errorf("i18n: catalogs: %w", err)
	}
	files := []string{"locales/" + lang + ".toml"}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "."+lang+".toml") {
			files = append(files, "locales/"+e.Name())
		}
	}
	return files, nil
}

// Offered lists the languages the portal offers, in configured order.
func (c *Catalog) Offered() []string { return slices.Clone(c.offered) }

// Default is the portal's default language.
func (c *Catalog) Default() string { return c.def }

// IsOffered reports whether lang is one of the offered language codes.
func (c *Catalog) IsOffered(lang string) bool { return slices.Contains(c.offered, lang) }

// Localizer returns the localizer of an offered language, or the
// default's for any other value.
func (c *Catalog) Localizer(lang string) *Localizer {
	if l, ok := c.localizers[lang]; ok {
		return l
	}
	return c.localizers[c.def]
}
