package restapi

import (
	"bytes"
	"io"
	"net/http"

	"clientgate/connectors/httpclient"
)

// sharedTransport sends OAuth2 token requests through the connector's
// HTTP client, so that they get the same timeout, connection pool, size
// limit, redaction and retry policy as every other request to the CRM.
// A token request is a POST, so by that policy it is sent once: the next
// call asks for a token again.
type sharedTransport struct{ c *httpclient.Client }

// RoundTrip sends req and hands back the answer read in full.
func (t sharedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.c.Do(req.Context(), req)
	if err != nil {
		return nil, err
	}
	return &http.Response{
		Status: http.StatusText(resp.StatusCode), StatusCode: resp.StatusCode,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: resp.Header, Body: io.NopCloser(bytes.NewReader(resp.Body)),
		ContentLength: int64(len(resp.Body)), Request: req,
	}, nil
}

// tokenClient is the client for OAuth2 token requests: the shared one.
func tokenClient(c *httpclient.Client) *http.Client {
	return &http.Client{
		Transport:     sharedTransport{c: c},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
