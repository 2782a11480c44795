package portal

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/bridge"
	"clientgate/portal/i18n"
)

// langCookie keeps the language a signed-out visitor chose.
const langCookie = "clientgate_lang"

// setLocale loads the catalogs for the offered languages and the default
// time zone.
func (s *server) setLocale(o Options) error {
	cat, err := i18n.New(o.Languages, o.DefaultLanguage)
	if err != nil {
		return errorf("languages: %w", err)
	}
	s.cat, s.en = cat, cat.Localizer(i18n.English)
	name := o.DefaultTimeZone
	if name == "" {
		name = "UTC"
	}
	if s.zone, err = loadZone(name); err != nil {
		return errorf("default time zone: %w", err)
	}
	return nil
}

// loadZone loads an IANA time zone; "Local" and "" are refused, since a
// client's zone never depends on the server's.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, errorf("%q is not an IANA time zone", name)
	}
	return time.LoadLocation(name)
}

// formatterFor builds the formatter of a request: the language from the
// contact's saved preference, else their CRM locale, else the browser's
// Accept-Language, else the default; the time zone from their saved
// preference, else the default. Unknown values fall back quietly.
// crmLocale may be "", and prefs the zero value for a visitor.
func (s *server) formatterFor(c *gin.Context, prefs bridge.Preferences, crmLocale string) formatter {
	visitor, _ := c.Cookie(langCookie)
	if q := c.Query("lang"); s.cat.IsOffered(q) {
		visitor = q
	}
	if prefs.ContactID != "" {
		visitor = ""
	}
	ch := s.cat.Choose(prefs.Language, crmLocale, visitor, c.GetHeader("Accept-Language"))
	locale := ch.Tag.String()
	if crmLocale != "" && sameBase(crmLocale, ch.Lang) {
		locale = crmLocale // the CRM's region refines the formats
	}
	zone := s.zone
	if z, ok := s.zoneNamed(prefs.TimeZone); ok {
		zone = z
	}
	return formatter{loc: localeFor(locale), tr: s.cat.Localizer(ch.Lang), zone: zone}
}

// maxCachedZones bounds the loaded time zones kept (the tz database has
// about 600 names).
const maxCachedZones = 1000

// zoneNamed returns a loaded time zone, kept for the next request; false
// for "" or an unknown name.
func (s *server) zoneNamed(name string) (*time.Location, bool) {
	if name == "" {
		return nil, false
	}
	if z, ok := s.zones.Load(name); ok {
		return z.(*time.Location), true
	}
	z, err := loadZone(name)
	if err != nil {
		return nil, false
	}
	if s.zoneCount.Load() < maxCachedZones {
		if _, loaded := s.zones.LoadOrStore(name, z); !loaded {
			s.zoneCount.Add(1)
		}
	}
	return z, true
}

// sameBase reports whether a locale such as "de-AT" is of language lang.
func sameBase(locale, lang string) bool {
	base, _, _ := strings.Cut(strings.ReplaceAll(locale, "_", "-"), "-")
	return strings.EqualFold(base, lang)
}

// rememberVisitorLanguage keeps a signed-out visitor's ?lang= choice in a
// cookie, so the next pages (the sign-in refusal, a 404) keep it.
func (s *server) rememberVisitorLanguage(c *gin.Context) {
	if q := c.Query("lang"); s.cat.IsOffered(q) {
		http.SetCookie(c.Writer, &http.Cookie{Name: langCookie, Value: q, Path: "/",
			MaxAge: 365 * 24 * 3600, HttpOnly: true, Secure: strings.HasPrefix(s.publicURL, "https://"),
			SameSite: http.SameSiteLaxMode})
	}
	c.Next()
}
