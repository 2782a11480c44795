package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clientgate/portal/i18n"
)

// validateLocale checks the language and time zone keys: every offered
// language shipped, the default among them, the time zone known to the tz
// database.
func (c PortalConfig) validateLocale(p *Problems) {
	shipped := i18n.Shipped()
	if len(c.Languages) == 0 {
		p.add("portal.languages", "must name at least one language (%s)", strings.Join(shipped, ", "))
	}
	for i, l := range c.Languages {
		if !slices.Contains(shipped, l) {
			p.add(fmt.Sprintf("portal.languages[%d]", i), "%q is not a shipped language (%s)", l, strings.Join(shipped, ", "))
		}
	}
	if !slices.Contains(c.Languages, c.DefaultLanguage) {
		p.add("portal.default_language", "%q must be one of portal.languages", c.DefaultLanguage)
	}
	if _, err := time.LoadLocation(c.DefaultTimeZone); err != nil || c.DefaultTimeZone == "" || c.DefaultTimeZone == "Local" {
		p.add("portal.default_timezone", "%q is not an IANA time zone such as Europe/Berlin", c.DefaultTimeZone)
	}
}
