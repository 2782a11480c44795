package i18n

import (
	"golang.org/x/text/language"
)

// maxAcceptLanguage bounds the Accept-Language header we parse.
const maxAcceptLanguage = 512

// Choice is the outcome of choosing a language: the offered language
// code and the full tag that asked for it, whose region (such as "CH" in
// "de-CH") refines number and date formats.
type Choice struct {
	Lang string
	Tag  language.Tag
}

// Choose picks the first of the candidates that names an offered
// language, each candidate being a language tag ("de", "de-CH") or an
// Accept-Language header; empty, malformed and unoffered candidates are
// skipped. Without a match it returns the default language.
func (c *Catalog) Choose(candidates ...string) Choice {
	for _, cand := range candidates {
		if ch, ok := c.match(cand); ok {
			return ch
		}
	}
	return Choice{Lang: c.def, Tag: language.Make(c.def)}
}

// match matches one candidate against the offered languages.
func (c *Catalog) match(cand string) (Choice, bool) {
	if cand == "" || len(cand) > maxAcceptLanguage {
		return Choice{}, false
	}
	tags, _, err := language.ParseAcceptLanguage(cand)
	if err != nil || len(tags) == 0 {
		return Choice{}, false
	}
	for _, t := range tags {
		// The matcher also pairs unrelated languages it has no data for
		// (Klingon with English); only the same base language counts.
		_, idx, conf := c.matcher.Match(t)
		want, _ := t.Base()
		got, _ := language.Make(c.offered[idx]).Base()
		if conf >= language.High && want == got {
			return Choice{Lang: c.offered[idx], Tag: t}, true
		}
	}
	return Choice{}, false
}
