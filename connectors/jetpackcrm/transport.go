package jetpackcrm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/httpclient"
)

// The query parameters holding the credentials. The API reads them from
// the query string only (headers and bodies are ignored).
const (
	paramKey    = "api_key"
	paramSecret = "api_secret"
)

// get calls a GET endpoint and returns the body of a 200 answer. A GET
// identical to one made earlier in the same request is not sent again
// (connectors.ReadOnce).
func (c *Connector) get(ctx context.Context, endpoint string, q url.Values) ([]byte, error) {
	key := "jetpackcrm GET " + c.base + " " + endpoint + "?" + q.Encode()
	return connectors.ReadOnce(ctx, key, func() ([]byte, error) { return c.call(ctx, http.MethodGet, endpoint, q, nil) })
}

// post calls an endpoint with a JSON body. customers and companies only
// read their arguments from a JSON body, and are called with POST as in
// the plugin's docs and every capture (a GET body is untested and dropped
// by some proxies). Like every POST, they are sent once, never retried.
func (c *Connector) post(ctx context.Context, endpoint string, body any) ([]byte, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("jetpackcrm: %s: encode body: %w", endpoint, err)
	}
	if !readEndpoints[endpoint] {
		connectors.ForgetReads(ctx) // a write: later reads must see it
		return c.call(ctx, http.MethodPost, endpoint, nil, raw)
	}
	key := "jetpackcrm POST " + c.base + " " + endpoint + " " + string(raw)
	return connectors.ReadOnce(ctx, key, func() ([]byte, error) { return c.call(ctx, http.MethodPost, endpoint, nil, raw) })
}

// readEndpoints are the endpoints called with POST that only read.
var readEndpoints = map[string]bool{"customers": true, "companies": true}

// call sends one request to {URL}/zbs_api/{endpoint}/ (always with the
// trailing slash: without it WordPress redirects GETs) and turns every
// answer but a 200 into an error matching a connectors sentinel.
func (c *Connector) call(ctx context.Context, method, endpoint string, q url.Values, body []byte) ([]byte, error) {
	if q == nil {
		q = url.Values{}
	}
	q.Set(paramKey, c.opts.APIKey)
	q.Set(paramSecret, c.opts.APISecret)
	target := c.base + "/zbs_api/" + endpoint + "/?" + q.Encode()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, rd)
	if err != nil {
		return nil, fmt.Errorf("jetpackcrm: %s: %w", endpoint, c.scrub(err))
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("jetpackcrm: %s: %w", endpoint, err)
	}
	if resp.StatusCode != http.StatusOK {
		err := c.statusError(endpoint, resp)
		c.opts.Logger.WarnContext(ctx, "jetpackcrm call failed", "endpoint", endpoint, "status", resp.StatusCode, "error", err)
		return nil, err
	}
	return resp.Body, nil
}

// statusError maps a non-200 answer to a sentinel error.
func (c *Connector) statusError(endpoint string, resp *httpclient.Response) error {
	code := resp.StatusCode
	switch {
	case code == http.StatusUnauthorized:
		return fmt.Errorf("%w: jetpackcrm: %s: the CRM rejected the API key and secret (HTTP 401); check api_key and api_secret",
			connectors.ErrBackendAuth, endpoint)
	case code == http.StatusNotFound && looksHTML(resp):
		return fmt.Errorf("%w: jetpackcrm: %s: WordPress answered its HTML 404 page: enable the API module "+
			"(Jetpack CRM → Core Modules → API) and check the url", connectors.ErrMisconfigured, endpoint)
	case code >= 300 && code < 400:
		return fmt.Errorf("%w: jetpackcrm: %s: the site redirects (HTTP %d to %s); set url to the site's canonical address",
			connectors.ErrMisconfigured, endpoint, code, c.location(resp))
	case code == http.StatusNotFound || code == http.StatusBadRequest || code == http.StatusMethodNotAllowed:
		return fmt.Errorf("%w: jetpackcrm: %s: HTTP %d: %s; check the url and the plugin version",
			connectors.ErrMisconfigured, endpoint, code, c.snippet(resp.Body))
	}
	return fmt.Errorf("%w: jetpackcrm: %s: HTTP %d: %s", connectors.ErrUnavailable, endpoint, code, c.snippet(resp.Body))
}

func looksHTML(resp *httpclient.Response) bool {
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	return strings.Contains(ct, "html") || bytes.HasPrefix(bytes.TrimSpace(resp.Body), []byte("<"))
}

// location returns a redirect's target with the secret redacted.
func (c *Connector) location(resp *httpclient.Response) string {
	u, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		return "an unreadable location"
	}
	return c.http.Redact(u)
}

// snippet is a short, single-line, secret-free summary of a body for an
// error message: a JSON message, else the text of an HTML page.
func (c *Connector) snippet(body []byte) string {
	var env struct {
		Message string `json:"message"`
		Data    struct {
			Message string `json:"message"`
		} `json:"data"`
	}
	text := ""
	if json.Unmarshal(body, &env) == nil {
		text = env.Data.Message + " " + env.Message
	}
	if strings.TrimSpace(text) == "" {
		text = plainText(string(body))
	}
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > 160 {
		text = string(r[:160]) + "…"
	}
	if text == "" {
		text = "empty body"
	}
	return c.scrubText(text)
}

// scrubText removes the secret, raw or escaped for a URL, from text.
func (c *Connector) scrubText(s string) string {
	for _, v := range []string{c.opts.APISecret, url.QueryEscape(c.opts.APISecret), url.PathEscape(c.opts.APISecret)} {
		if v != "" {
			s = strings.ReplaceAll(s, v, "REDACTED")
		}
	}
	return s
}

func (c *Connector) scrub(err error) error { return fmt.Errorf("%s", c.scrubText(err.Error())) }
