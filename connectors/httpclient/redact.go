package httpclient

import "net/url"

// Redact returns u as text with the values of the secret query parameters
// and any user password replaced by "REDACTED".
func (c *Client) Redact(u *url.URL) string {
	if u == nil {
		return ""
	}
	clean := *u
	if clean.User != nil {
		clean.User = url.User(clean.User.Username())
	}
	if clean.RawQuery != "" {
		q := clean.Query()
		for _, name := range c.opts.SecretParams {
			if q.Has(name) {
				q.Set(name, "REDACTED")
			}
		}
		clean.RawQuery = q.Encode()
	}
	return clean.String()
}
