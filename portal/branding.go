package portal

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/gin-gonic/gin"
)

// defaultAccent is the accent colour when none is configured.
const defaultAccent = "#2f5bd3"

// hexColor matches the CSS colours we accept: #rgb or #rrggbb.
var hexColor = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// brand is the validated Branding.
type brand struct {
	Name       string
	LogoURL    string
	accent     string
	logoOrigin string // "scheme://host" for a remote logo, else ""
}

// newBrand validates the branding options.
func newBrand(b Branding) (brand, error) {
	out := brand{Name: strings.TrimSpace(b.Name), LogoURL: strings.TrimSpace(b.LogoURL), accent: defaultAccent}
	if out.Name == "" {
		out.Name = "Client portal"
	}
	if b.AccentColor != "" {
		if !hexColor.MatchString(b.AccentColor) {
			return brand{}, errorf("accent colour %q must be a hex colour such as #0a7d5a", b.AccentColor)
		}
		out.accent = strings.ToLower(b.AccentColor)
	}
	if out.LogoURL == "" {
		return out, nil
	}
	u, err := url.Parse(out.LogoURL)
	switch {
	case err != nil:
		return brand{}, errorf("logo URL %q: %w", out.LogoURL, err)
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
		return out, nil
	case (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil:
		out.logoOrigin = u.Scheme + "://" + u.Host
		return out, nil
	}
	return brand{}, errorf("logo URL %q must be an http(s) URL or a path starting with /", out.LogoURL)
}

// themeCSS serves the accent colour as a stylesheet, so that no inline
// style is needed and the CSP can stay strict.
func (s *server) themeCSS(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "text/css; charset=utf-8",
		[]byte(":root{--accent:"+s.brand.accent+";}\n"))
}
