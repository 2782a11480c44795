package portal

import (
	"net/url"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
)

// navLink is one entry of the main navigation.
type navLink struct {
	Label   string
	URL     string
	Current bool
}

// layoutData is what every page template receives.
type layoutData struct {
	Title     string
	Brand     brand
	Base      string
	Nav       []navLink
	CSRF      string
	UserName  string
	SignedIn  bool
	Stale     string
	Notice    string
	RequestID string
	F         formatter
	Page      any
}

// moduleLabels are the navigation labels of the modules.
var moduleLabels = map[string]string{
	modInvoices: "Invoices", modQuotes: "Quotes", modTransactions: "Payments",
	modTasks: "Appointments", modDetails: "My details",
}

// layoutData builds the data shared by every page.
func (s *server) layoutData(c *gin.Context, v view, stale bool, age time.Duration) layoutData {
	d := layoutData{
		Title: v.Title, Brand: s.brand, Base: s.base + "/", Notice: v.Notice,
		RequestID: requestID(c), Page: v.Data,
	}
	if stale {
		d.Stale = staleText(age)
	}
	vw := viewerOf(c)
	if vw == nil {
		d.F = newFormatter("")
		if p, ok := auth.PrincipalFrom(c); ok && !p.Bearer {
			// Signed in but refused: still offer to sign out.
			d.SignedIn, d.UserName, d.CSRF = true, p.Name, p.CSRFToken
		}
		return d
	}
	d.SignedIn, d.UserName, d.CSRF, d.F = true, vw.contact.Name(), vw.p.CSRFToken, vw.fmt
	d.Nav = []navLink{{Label: "Overview", URL: s.base + "/", Current: c.FullPath() == s.base+"/"}}
	for _, m := range allModules {
		if vw.modules[m] {
			u := s.base + "/" + m
			d.Nav = append(d.Nav, navLink{Label: moduleLabels[m], URL: u, Current: pathUnder(c.FullPath(), u)})
		}
	}
	return d
}

// pathUnder reports whether route is u or below it.
func pathUnder(route, u string) bool {
	return route == u || len(route) > len(u) && route[:len(u)+1] == u+"/"
}

// staleText says how old stale data is, in words.
func staleText(age time.Duration) string {
	switch {
	case age < 2*time.Minute:
		return "about a minute"
	case age < 2*time.Hour:
		return itoa(int(age.Minutes())) + " minutes"
	}
	return itoa(int(age.Hours())) + " hours"
}

// httpURL returns raw when it is an absolute http(s) URL, else "".
func httpURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	return raw
}
