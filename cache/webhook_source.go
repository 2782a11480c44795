package cache

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/go-chi/httprate"
)

// failureWindow is the window over which a source's refused requests are
// counted.
const failureWindow = time.Minute

type clientAddrKey struct{}

// WithClientAddr returns ctx naming the request's client address, as the
// HTTP server in front (which knows the trusted proxies) resolved it; the
// webhook counts refused requests per address. Without it the webhook
// uses the connection's remote address.
func WithClientAddr(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientAddrKey{}, addr)
}

// source names where a request came from.
func source(r *http.Request) string {
	if a, ok := r.Context().Value(clientAddrKey{}).(string); ok && a != "" {
		return httprate.CanonicalizeIP(a)
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return httprate.CanonicalizeIP(host)
}

// blocked reports whether src used up its refused requests for now.
func (h *webhook) blocked(src string) bool {
	_, rate, err := h.failures.Status(src)
	return err == nil && rate >= float64(h.maxFailures)
}

// failed counts a refused request against src.
func (h *webhook) failed(r *http.Request, src string) {
	h.failures.OnLimit(headerSink{}, r, src)
}

// failureWriter remembers the status written.
type failureWriter struct {
	http.ResponseWriter
	status int
}

func (w *failureWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

// headerSink is a ResponseWriter that discards everything, for the
// limiter's bookkeeping headers of a request already answered.
type headerSink struct{}

func (headerSink) Header() http.Header         { return http.Header{} }
func (headerSink) Write(b []byte) (int, error) { return len(b), nil }
func (headerSink) WriteHeader(int)             {}
