package connectortest

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"clientgate/connectors"
)

// redirectTarget is where the redirect fault sends clients.
const redirectTarget = "/redirected-elsewhere"

// fault is one way a backend fails.
type fault struct {
	name    string
	want    error // the sentinel every call must return; nil for any error
	retried bool  // idempotent requests must be retried
	refused bool  // the server is closed before the connector is opened
	serve   func(w http.ResponseWriter, r *http.Request, unblock <-chan struct{})
}

func faults() []fault {
	return []fault{
		{name: "500 HTML", want: connectors.ErrUnavailable, retried: true, serve: status(500, "text/html")},
		{name: "503", want: connectors.ErrUnavailable, retried: true, serve: status(503, "text/plain")},
		{name: "429 Retry-After 0", want: connectors.ErrUnavailable, retried: true,
			serve: func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
				w.Header().Set("Retry-After", "0")
				status(429, "application/json")(w, r, nil)
			}},
		{name: "timeout", want: connectors.ErrUnavailable,
			serve: func(w http.ResponseWriter, r *http.Request, unblock <-chan struct{}) {
				select {
				case <-unblock:
				case <-r.Context().Done():
				}
			}},
		{name: "invalid JSON", want: connectors.ErrUnavailable, serve: status(200, "application/json")},
		{name: "huge body", want: connectors.ErrUnavailable, serve: hugeBody},
		{name: "401", want: connectors.ErrBackendAuth, serve: status(401, "application/json")},
		{name: "redirect", serve: func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			if strings.HasPrefix(r.URL.Path, redirectTarget) {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `{"id":"1","email":"someone@example.com"}`)
				return
			}
			http.Redirect(w, r, redirectTarget+r.URL.RequestURI(), http.StatusFound)
		}},
		{name: "connection refused", want: connectors.ErrUnavailable, refused: true,
			serve: func(http.ResponseWriter, *http.Request, <-chan struct{}) {}},
	}
}

// status answers with code and a body that echoes the request, secrets
// included, so that an adapter quoting the body in its errors is caught.
// For 200 the body is truncated JSON.
func status(code int, contentType string) func(http.ResponseWriter, *http.Request, <-chan struct{}) {
	return func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(code)
		echo := echoRequest(r)
		switch {
		case strings.HasPrefix(contentType, "text/html"):
			fmt.Fprintf(w, "<html><body><h1>Internal Server Error</h1><pre>%s</pre></body></html>", html.EscapeString(echo))
		case code == 200:
			fmt.Fprintf(w, `{"id": "1", "email": "someone@example.com", "request": %q, "lines": [1, 2,`, echo)
		default:
			fmt.Fprintf(w, `{"error": "failed", "request": %q}`, echo)
		}
	}
}

// echoRequest renders the request line and headers.
func echoRequest(r *http.Request) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", r.Method, r.URL.String())
	names := make([]string, 0, len(r.Header))
	for name := range r.Header {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "%s: %s\n", name, strings.Join(r.Header[name], ", "))
	}
	return b.String()
}

// hugeBody answers 200 with a valid JSON document of several MiB.
func hugeBody(w http.ResponseWriter, _ *http.Request, _ <-chan struct{}) {
	w.Header().Set("Content-Type", "application/json")
	chunk := []byte(strings.Repeat(`"padding-padding-padding-padding",`, 1024))
	if _, err := w.Write([]byte(`{"data":[`)); err != nil {
		return
	}
	for range 6 << 20 / len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
	_, _ = w.Write([]byte(`"end"]}`))
}

// containsSecret reports whether text holds the secret, plainly or
// URL-encoded.
func containsSecret(text, secret string) bool {
	for _, form := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret)} {
		if strings.Contains(text, form) {
			return true
		}
	}
	return false
}

// faultCall is one call made against a failing backend.
type faultCall struct {
	op    string
	write bool
	do    func(c connectors.Connector) error
}

// faultCalls lists the calls each fault is checked with.
func faultCalls(caps connectors.Capabilities) []faultCall {
	ctx := context.Background()
	out := []faultCall{
		{"Ping", false, func(c connectors.Connector) error { return c.Ping(ctx) }},
		{"FindContactByEmail", false, func(c connectors.Connector) error {
			_, err := c.FindContactByEmail(ctx, "someone@example.com")
			return err
		}},
	}
	if caps.UpdateContact {
		out = append(out, faultCall{"UpdateContact", true, func(c connectors.Connector) error {
			_, err := c.UpdateContact(ctx, "1", connectors.ContactPatch{connectors.FieldFirstName: "New"})
			return err
		}})
	}
	if caps.Quotes && caps.DecideQuotes {
		out = append(out, faultCall{"DecideQuote", true, func(c connectors.Connector) error {
			_, _, err := c.DecideQuote(ctx, connectors.Scope{ContactID: "1"}, "1", connectors.Decision{Accept: true})
			return err
		}})
	}
	return out
}
