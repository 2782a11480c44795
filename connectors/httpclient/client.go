// Package httpclient is the one outbound HTTP client every HTTP connector
// uses: bounded retries with jittered backoff for idempotent requests only,
// Retry-After honoured, an overall timeout per call, a cap on response size,
// pooled connections, and errors that never carry a secret from the URL.
package httpclient

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"clientgate/connectors"
)

// Options configures a Client. Zero values take the defaults noted.
type Options struct {
	// Timeout bounds one call, retries and waits included (default 10s).
	Timeout time.Duration
	// Retries is how many times an idempotent request is retried after a
	// transport error, a 429 or a 5xx (default 2; negative for none).
	Retries int
	// RetryWaitMin and RetryWaitMax bound the backoff between attempts
	// (defaults 100ms and 2s). A Retry-After longer than RetryWaitMax stops
	// the retries: the answer is returned as it is.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxBodyBytes caps a response body (default 8 MiB).
	MaxBodyBytes int64
	// MaxIdleConnsPerHost sizes the connection pool (default 32).
	MaxIdleConnsPerHost int
	// SecretParams names query parameters whose values are redacted from
	// every error and log line (for example "api_secret").
	SecretParams []string
	// OnRetry, when set, is called before every retry, for metrics.
	OnRetry func(method string)
	// Logger receives debug lines about retries (default: discard).
	Logger *slog.Logger
	// Transport replaces the pooled transport, for tests.
	Transport http.RoundTripper
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 2
	}
	if o.Retries < 0 {
		o.Retries = 0
	}
	if o.RetryWaitMin <= 0 {
		o.RetryWaitMin = 100 * time.Millisecond
	}
	if o.RetryWaitMax <= 0 {
		o.RetryWaitMax = 2 * time.Second
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 8 << 20
	}
	if o.MaxIdleConnsPerHost <= 0 {
		o.MaxIdleConnsPerHost = 32
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Client sends requests to one backend. It is safe for concurrent use.
type Client struct {
	rc   *retryablehttp.Client
	opts Options
}

// Response is a fully read answer.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

// New builds a Client.
func New(opts Options) *Client {
	opts.defaults()
	rc := retryablehttp.NewClient()
	rc.HTTPClient = &http.Client{
		Transport: transport(opts),
		// Never follow redirects: a redirect from a CRM API means a wrong
		// URL, and following it could resend credentials elsewhere.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	rc.RetryMax = opts.Retries
	rc.RetryWaitMin = opts.RetryWaitMin
	rc.RetryWaitMax = opts.RetryWaitMax
	rc.Backoff = backoff
	rc.Logger = nil
	rc.ErrorHandler = lastAnswer
	rc.RequestLogHook = func(_ retryablehttp.Logger, req *http.Request, attempt int) {
		if attempt > 0 {
			opts.Logger.DebugContext(req.Context(), "retrying backend request", "method", req.Method, "attempt", attempt)
			if opts.OnRetry != nil {
				opts.OnRetry(req.Method)
			}
		}
	}
	c := &Client{rc: rc, opts: opts}
	rc.CheckRetry = c.checkRetry
	return c
}

func transport(opts Options) http.RoundTripper {
	if opts.Transport != nil {
		return opts.Transport
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 4 * opts.MaxIdleConnsPerHost
	t.MaxIdleConnsPerHost = opts.MaxIdleConnsPerHost
	t.IdleConnTimeout = 90 * time.Second
	return t
}

// Do sends req, retrying only when its method is idempotent (GET, HEAD,
// OPTIONS) or ctx comes from WithIdempotent, and returns the answer read
// in full whatever its status.
// Transport failures, timeouts and oversized bodies are
// connectors.ErrUnavailable; a cancelled ctx returns ctx's error. The
// request's URL is redacted in every error.
func (c *Client) Do(ctx context.Context, req *http.Request) (*Response, error) {
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	rreq, err := retryablehttp.FromRequest(req.WithContext(withMethod(ctx, req.Method)))
	if err != nil {
		return nil, fmt.Errorf("httpclient: %s %s: %w", req.Method, c.Redact(req.URL), err)
	}
	resp, err := c.rc.Do(rreq)
	if err != nil {
		return nil, c.failure(parent, ctx, req, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBodyBytes+1))
	if err != nil {
		return nil, c.failure(parent, ctx, req, err)
	}
	if int64(len(body)) > c.opts.MaxBodyBytes {
		return nil, fmt.Errorf("%w: %s %s: response larger than %d bytes",
			connectors.ErrUnavailable, req.Method, c.Redact(req.URL), c.opts.MaxBodyBytes)
	}
	return &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

// lastAnswer is called when retries end without success: it hands back
// the last answer, whatever its status, so that the caller sees the
// backend's own status and body; an error only when there was no answer.
func lastAnswer(resp *http.Response, err error, attempts int) (*http.Response, error) {
	if resp != nil {
		return resp, nil
	}
	if err == nil {
		err = fmt.Errorf("giving up after %d attempt(s)", attempts)
	}
	return nil, err
}

// failure turns a transport error into a redacted error. The end of the
// caller's context (parent) is reported as that context's error, whatever
// context req was built with; the call's own timeout as ErrUnavailable.
func (c *Client) failure(parent, ctx context.Context, req *http.Request, err error) error {
	if perr := parent.Err(); perr != nil {
		return fmt.Errorf("httpclient: %s %s: %w", req.Method, c.Redact(req.URL), perr)
	}
	cause := unwrapURLError(err)
	if ctx.Err() != nil {
		cause = fmt.Errorf("timed out after %s", c.opts.Timeout)
	}
	return fmt.Errorf("%w: %s %s: %v", connectors.ErrUnavailable, req.Method, c.Redact(req.URL), cause)
}

// unwrapURLError drops the *url.Error wrapper, whose text repeats the
// unredacted URL.
func unwrapURLError(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Err
	}
	return err
}
