package config

import (
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Validate checks the configuration as serve needs it and returns every
// problem at once as Problems, or nil. Call it after Load (or Derive).
func (c *Config) Validate() error { return c.validate(true) }

// ValidateAuthOptional is Validate for the commands that need no sign-in
// (demo, import, link, settings): an auth section left entirely unset is
// accepted; a partly set one is checked as for serve.
func (c *Config) ValidateAuthOptional() error { return c.validate(!c.Auth.unset()) }

func (c *Config) validate(authRequired bool) error {
	var p Problems
	checkAddr(&p, "listen.addr", c.Listen.Addr)
	checkProxies(&p, c.Listen.TrustedProxies)
	checkURL(&p, "public_url", c.PublicURL, true)
	if strings.TrimSpace(c.DataDir) == "" {
		p.add("data_dir", "required")
	}
	checkOneOf(&p, "log.level", c.Log.Level, "debug", "info", "warn", "error")
	checkOneOf(&p, "log.format", c.Log.Format, "json", "text")
	checkDSN(&p, c.Database.DSN)
	c.Connector.validate(&p)
	c.Auth.validate(&p, authRequired)
	c.Portal.validate(&p)
	c.Portal.validateLocale(&p)
	c.Business.validate(&p)
	c.Cache.validate(&p)
	c.Breaker.validate(&p)
	c.Webhook.validate(&p)
	if c.Metrics.Pprof && c.Metrics.Addr == "" {
		p.add("metrics.pprof", "needs metrics.addr: the profiling endpoints are served on the metrics listener only")
	}
	c.Payments.validate(&p)
	c.Documents.validate(&p)
	c.Email.validate(&p)
	c.Email.validateCategoryTo(&p, c.Tickets.Categories)
	c.Tickets.validate(&p)
	c.Staff.validate(&p)
	c.RateLimit.validate(&p)
	c.Files.validate(&p)
	validateForms(&p, c.Forms)
	if c.Portal.HSTSMaxAge < 0 {
		p.add("portal.hsts_max_age", "must not be negative")
	}
	if c.Metrics.Addr != "" {
		checkAddr(&p, "metrics.addr", c.Metrics.Addr)
		if c.Metrics.Addr == c.Listen.Addr && !strings.HasSuffix(c.Metrics.Addr, ":0") {
			p.add("metrics.addr", "must differ from listen.addr")
		}
	}
	return p.orNil()
}

// IsPostgres reports whether the DSN selects PostgreSQL rather than SQLite.
func (d DatabaseConfig) IsPostgres() bool {
	lower := strings.ToLower(d.DSN)
	return strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://")
}

// checkProxies checks that every trusted proxy is an IP address or CIDR.
func checkProxies(p *Problems, proxies []string) {
	for i, s := range proxies {
		if net.ParseIP(s) == nil {
			if _, _, err := net.ParseCIDR(s); err != nil {
				p.add(fmt.Sprintf("listen.trusted_proxies[%d]", i), "%q is not an IP address or CIDR", s)
			}
		}
	}
}

func checkDSN(p *Problems, dsn string) {
	const path = "database.dsn"
	switch {
	case strings.TrimSpace(dsn) == "":
		p.add(path, "required")
	case strings.Contains(dsn, "://") && !(DatabaseConfig{DSN: dsn}).IsPostgres():
		p.add(path, "must be a file path, a file: URI or a postgres:// URL")
	case (DatabaseConfig{DSN: dsn}).IsPostgres():
		if u, err := url.Parse(dsn); err != nil || u.Host == "" {
			p.add(path, "is not a valid postgres:// URL")
		}
	}
}

// checkAddr checks a host:port listen address; the host may be empty (all
// interfaces) and the port 0 (any free port).
func checkAddr(p *Problems, path, addr string) {
	if addr == "" {
		p.add(path, "required")
		return
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		p.add(path, "%q is not a host:port address", addr)
		return
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		p.add(path, "%q has an invalid port", addr)
	}
}

// checkURL checks an absolute http or https URL; "" is a problem only when
// required.
func checkURL(p *Problems, path, s string, required bool) {
	if s == "" {
		if required {
			p.add(path, "required")
		}
		return
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		p.add(path, "is not a valid URL")
	case u.Scheme != "http" && u.Scheme != "https":
		p.add(path, "must start with http:// or https://")
	case u.Host == "":
		p.add(path, "must name a host")
	case u.User != nil:
		p.add(path, "must not hold credentials")
	case u.Fragment != "":
		p.add(path, "must not have a #fragment")
	}
}

func checkOneOf(p *Problems, path, value string, allowed ...string) {
	if !slices.Contains(allowed, value) {
		p.add(path, "%q is not one of %s", value, strings.Join(allowed, ", "))
	}
}

func checkPositive(p *Problems, path string, d time.Duration) {
	if d <= 0 {
		p.add(path, "must be a duration greater than 0, such as 30s")
	}
}

func checkMin(p *Problems, path string, n, minimum int) {
	if n < minimum {
		p.add(path, "must be at least %d", minimum)
	}
}
