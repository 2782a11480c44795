package i18n

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Language is an offered language as a switcher shows it: its code and
// its name in itself ("Deutsch").
type Language struct {
	Code string
	Name string
}

// Languages lists the offered languages with their own names.
func (c *Catalog) Languages() []Language { return slices.Clone(c.languages) }

// namedLanguages lists languages with their own names.
func namedLanguages(codes []string) []Language {
	out := make([]Language, len(codes))
	for i, code := range codes {
		t := language.Make(code)
		out[i] = Language{Code: code, Name: capitalize(display.Self.Name(t))}
	}
	return out
}

// capitalize upper-cases the first letter of a language name ("français"
// → "Français"), as a list of languages shows it.
func capitalize(name string) string {
	for i, r := range name {
		return strings.ToUpper(string(r)) + name[i+len(string(r)):]
	}
	return name
}

// Country is one ISO 3166 country with its name in a language.
type Country struct {
	Code string
	Name string
}

// countryCodes lists the ISO 3166-1 alpha-2 codes CLDR knows as countries
// or areas, computed once.
var countryCodes = sync.OnceValue(func() []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err == nil && r.IsCountry() && r.String() == code {
				out = append(out, code)
			}
		}
	}
	return out
})

// Countries lists every country with its CLDR name in the localizer's
// language, sorted by that name as the language sorts. The list is built
// once per localizer and shared: callers must not change it.
func (l *Localizer) Countries() []Country { return l.countries() }

// countriesIn builds the country list of a language.
func countriesIn(lang string) []Country {
	tag := language.Make(lang)
	names := display.Regions(tag)
	var out []Country
	for _, code := range countryCodes() {
		if name := names.Name(language.MustParseRegion(code)); name != "" {
			out = append(out, Country{Code: code, Name: name})
		}
	}
	col := collate.New(tag)
	sort.SliceStable(out, func(i, j int) bool { return col.CompareString(out[i].Name, out[j].Name) < 0 })
	return out
}

// CountryName returns the name of an ISO 3166 code in the localizer's
// language, or value itself when it is no such code (CRMs often keep
// country names as free text).
func (l *Localizer) CountryName(value string) string {
	if len(value) != 2 {
		return value
	}
	r, err := language.ParseRegion(strings.ToUpper(value))
	if err != nil || !r.IsCountry() {
		return value
	}
	if name := display.Regions(language.Make(l.lang)).Name(r); name != "" {
		return name
	}
	return value
}
