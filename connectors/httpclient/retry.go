package httpclient

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// idempotent reports whether a request may be sent again safely.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	return false
}

type methodKey struct{}

type idempotentKey struct{}

// WithIdempotent marks the requests sent with ctx as safe to retry whatever
// their method, for reads that a backend only accepts as POST (such as a
// search with a JSON body).
func WithIdempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

func markedIdempotent(ctx context.Context) bool {
	v, _ := ctx.Value(idempotentKey{}).(bool)
	return v
}

// withMethod records the request method in ctx: on a transport error the
// retry policy sees no response, and so no request, to read it from.
func withMethod(ctx context.Context, method string) context.Context {
	return context.WithValue(ctx, methodKey{}, method)
}

// checkRetry retries idempotent requests on transport errors, 429 and 5xx
// (but 501), and never once the context has ended or a Retry-After asks
// for a longer wait than RetryWaitMax.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	method, _ := ctx.Value(methodKey{}).(string)
	if !idempotent(method) && !markedIdempotent(ctx) {
		return false, nil
	}
	if wait, ok := retryAfter(resp); ok && wait > c.opts.RetryWaitMax {
		return false, nil
	}
	return retryablehttp.ErrorPropagatedRetryPolicy(ctx, resp, err)
}

// backoff waits for Retry-After when the server sent one, else an
// exponential step with full jitter between min and max.
func backoff(lo, hi time.Duration, attempt int, resp *http.Response) time.Duration {
	if wait, ok := retryAfter(resp); ok {
		return min(wait, hi)
	}
	ceiling := lo << min(attempt, 16)
	if ceiling > hi || ceiling <= 0 {
		ceiling = hi
	}
	return lo + rand.N(ceiling-lo+1)
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(time.Until(at), 0), true
	}
	return 0, false
}
