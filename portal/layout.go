package portal

import (
	"net/url"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/connectors/bridge"
	"clientgate/portal/i18n"
)

// navLink is one entry of the main navigation.
type navLink struct {
	Label   string
	URL     string
	Current bool
}

// layoutData is what every page template receives.
type layoutData struct {
	Title    string
	Brand    brand
	Business business
	Base     string
	Path     string // the page's path, for forms that come back to it
	// Query is the page's query without lang, kept by the signed-out
	// language switcher (a GET form).
	Query     url.Values
	Nav       []navLink
	CSRF      string
	UserName  string
	SignedIn  bool
	Stale     string
	Notice    string
	RequestID string
	// F is the client's locale: money, dates, times and messages.
	F formatter
	// Text is the layout's wording in F's language.
	Text *layoutText
	// Lang is the page's language code; Languages those offered.
	Lang      string
	Languages []i18n.Language
	// DetectZone asks the page's script to send the browser's time zone,
	// for a signed-in client who has saved none.
	DetectZone bool
	// Zone is the time zone the page's times are shown in.
	Zone string
	// Staff marks the staff pages (their language switcher is a
	// visitor's).
	Staff bool
	Page  any
}

// moduleLabels are the message IDs of the modules' navigation labels.
var moduleLabels = map[string]string{
	modInvoices: "nav.invoices", modQuotes: "nav.quotes", modTransactions: "nav.transactions",
	modTasks: "nav.tasks", modDetails: "nav.details", modFiles: "files.nav", modTickets: "tickets.nav", modForms: "forms.nav",
}

// layoutData builds the data shared by every page.
func (s *server) layoutData(c *gin.Context, v view, stale bool, age time.Duration) layoutData {
	d := layoutData{
		Brand: s.brand, Business: s.business, Base: s.base + "/", Path: c.Request.URL.Path,
		RequestID: requestID(c), Page: v.Data, Languages: s.cat.Languages(),
	}
	if q := c.Request.URL.Query(); len(q) > 0 {
		q.Del("lang")
		d.Query = q
	}
	vw := viewerOf(c)
	switch {
	case c.GetBool(keyStaff):
		p, _ := auth.PrincipalFrom(c)
		d.F, d.Staff = s.formatterFor(c, bridge.Preferences{}, ""), true
		d.SignedIn, d.UserName, d.CSRF = true, p.Name, p.CSRFToken
		d.Nav = s.staffNav(c, d.F)
	case vw == nil:
		d.F = s.formatterFor(c, s.signedInPreferences(c), "")
		if p, ok := auth.PrincipalFrom(c); ok && !p.Bearer {
			// Signed in but refused: still offer to sign out.
			d.SignedIn, d.UserName, d.CSRF = true, p.Name, p.CSRFToken
		}
	default:
		d.SignedIn, d.UserName, d.CSRF, d.F = true, vw.contact.Name(), vw.p.CSRFToken, vw.fmt
		d.DetectZone = vw.prefs.TimeZone == "" && !vw.p.Bearer
	}
	d.Lang, d.Zone = d.F.Lang(), d.F.where().String()
	d.Text = s.layoutTexts.of(d.F, s.business.Name)
	if vw != nil && !d.Staff {
		d.Nav = s.nav(c, vw, d.Text)
	}
	d.Title = d.F.T(v.Title, v.TitleArgs...)
	if v.Notice == "" && c.Query("done") == "preferences" {
		v.Notice = "prefs.saved"
	}
	if v.Notice != "" {
		d.Notice = d.F.T(v.Notice)
	}
	if stale {
		d.Stale = staleText(d.F, age)
	}
	if v.Localize != nil {
		d.Page = v.Localize(d.F)
	}
	return d
}

// nav builds the main navigation of the viewer's modules, labelled in
// text's language.
func (s *server) nav(c *gin.Context, vw *viewer, text *layoutText) []navLink {
	out := make([]navLink, 1, len(allModules)+1)
	out[0] = navLink{Label: text.overview, URL: s.base + "/", Current: c.FullPath() == s.base+"/"}
	for _, m := range allModules {
		if label, ok := text.modules[m]; ok && vw.modules[m] {
			u := s.base + "/" + m
			out = append(out, navLink{Label: label, URL: u, Current: pathUnder(c.FullPath(), u)})
		}
	}
	return out
}

// pathUnder reports whether route is u or below it.
func pathUnder(route, u string) bool {
	return route == u || len(route) > len(u) && route[:len(u)+1] == u+"/"
}

// staleText says how old stale data is, in words.
func staleText(f formatter, age time.Duration) string {
	if age < 2*time.Hour {
		return f.N("age.minutes", max(1, int(age.Minutes())))
	}
	return f.N("age.hours", int(age.Hours()))
}

// httpURL returns raw when it is an absolute http(s) URL, else "".
func httpURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	return raw
}
