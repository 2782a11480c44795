package cache

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/httprate"
	gocache "github.com/patrickmn/go-cache"
	"github.com/prometheus/client_golang/prometheus"
)

// WebhookOption changes a WebhookHandler default.
type WebhookOption func(*webhook)

// WithWebhookRegisterer registers clientgate_webhook_invalidations_total
// on reg.
func WithWebhookRegisterer(reg prometheus.Registerer) WebhookOption {
	return func(h *webhook) { h.reg = reg }
}

// WithMaxBody sets the largest body accepted, in bytes (default 4096;
// values below 1 keep the default).
func WithMaxBody(n int64) WebhookOption {
	return func(h *webhook) {
		if n > 0 {
			h.maxBody = n
		}
	}
}

// WithMaxFailures bounds the refused requests (bad signature, expired,
// replayed, malformed) accepted from one source per minute (default 10;
// values below 1 keep the default); past it the source is refused with
// 429 before its body is read. Correctly signed new requests never count.
func WithMaxFailures(n int) WebhookOption {
	return func(h *webhook) {
		if n > 0 {
			h.maxFailures = n
		}
	}
}

// WithMaxRemembered bounds how many signatures are remembered against
// replays (default 10000; values below 1 keep the default); past it
// requests are refused with 429 until remembered ones expire.
func WithMaxRemembered(n int) WebhookOption {
	return func(h *webhook) {
		if n > 0 {
			h.maxSeen = n
		}
	}
}

type webhook struct {
	secret   []byte
	maxAge   time.Duration
	inv      Invalidator
	reg      prometheus.Registerer
	maxBody  int64
	maxSeen  int
	seen     *gocache.Cache
	outcomes *prometheus.CounterVec
	// failures counts refused requests per source.
	maxFailures int
	failures    *httprate.RateLimiter
}

// webhookBody is what POST /hooks/invalidate accepts.
type webhookBody struct {
	ContactID string `json:"contact_id"`
	Email     string `json:"email"`
	All       bool   `json:"all"`
}

// WebhookHandler returns the handler of POST /hooks/invalidate. A request
// carries X-Clientgate-Timestamp (unix seconds, within maxAge of now, either
// way; default 5m) and X-Clientgate-Signature (see Sign), and a JSON body
// {"contact_id": "…"}, {"email": "…"} or {"all": true}. A signature is
// accepted once: a replay within the window is refused. Refusals are
// application/problem+json; every outcome is counted in
// clientgate_webhook_invalidations_total{outcome}. With an empty secret
// every request is refused with 503, since anyone could sign.
func WebhookHandler(secret []byte, maxAge time.Duration, inv Invalidator, opts ...WebhookOption) http.Handler {
	if maxAge <= 0 {
		maxAge = 5 * time.Minute
	}
	h := &webhook{secret: secret, maxAge: maxAge, inv: inv, maxBody: 4096, maxSeen: 10000, maxFailures: 10}
	for _, o := range opts {
		o(h)
	}
	h.failures = httprate.NewRateLimiter(h.maxFailures, failureWindow)
	h.seen = gocache.New(2*maxAge, maxAge)
	h.outcomes = register(h.reg, prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "clientgate_webhook_invalidations_total",
		Help: "Invalidation webhook requests by outcome.",
	}, []string{"outcome"}))
	for _, o := range WebhookOutcomes() {
		h.outcomes.WithLabelValues(o)
	}
	return h
}

// ServeHTTP checks, in order: method, the source's recent refusals, body
// size, timestamp, signature, replay, body; then applies the
// invalidation. A bad signature is refused before it takes any memory.
func (h *webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(h.secret) == 0 {
		h.refuse(w, http.StatusServiceUnavailable, "disabled", "no webhook secret is configured")
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.refuse(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST")
		return
	}
	src := source(r)
	if h.blocked(src) {
		w.Header().Set("Retry-After", strconv.Itoa(int(failureWindow.Seconds())))
		h.refuse(w, http.StatusTooManyRequests, "source_blocked", "too many refused requests from this address; retry later")
		return
	}
	h.serve(w, r, src)
}

// serve handles a request from a source that is not blocked; every
// refusal counts against the source.
func (h *webhook) serve(w http.ResponseWriter, r *http.Request, src string) {
	fw := &failureWriter{ResponseWriter: w}
	h.check(fw, r)
	if fw.status >= 400 && fw.status < 500 && fw.status != http.StatusTooManyRequests {
		h.failed(r, src)
	}
}

// check runs the checks and applies a genuine invalidation.
func (h *webhook) check(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.refuse(w, http.StatusRequestEntityTooLarge, "too_large", "body larger than "+strconv.FormatInt(h.maxBody, 10)+" bytes")
			return
		}
		h.refuse(w, http.StatusBadRequest, "bad_request", "could not read the body")
		return
	}
	if status, outcome, detail := h.authenticate(r, body); status != 0 {
		h.refuse(w, status, outcome, detail)
		return
	}
	var b webhookBody
	if err := decodeStrict(body, &b); err != nil || b == (webhookBody{}) {
		h.refuse(w, http.StatusBadRequest, "bad_request", `body must be {"contact_id": "…"}, {"email": "…"} or {"all": true}`)
		return
	}
	h.apply(b)
	h.outcomes.WithLabelValues("ok").Inc()
	w.WriteHeader(http.StatusNoContent)
}

// authenticate checks the timestamp, the signature and replays; it returns
// a zero status when the request is authentic and new.
func (h *webhook) authenticate(r *http.Request, body []byte) (status int, outcome, detail string) {
	tsText := r.Header.Get(HeaderTimestamp)
	sig := r.Header.Get(HeaderSignature)
	secs, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil || sig == "" {
		return http.StatusUnauthorized, "unauthorized", "missing or malformed signature headers"
	}
	if age := time.Since(time.Unix(secs, 0)); age > h.maxAge || age < -h.maxAge {
		return http.StatusUnauthorized, "expired", "timestamp outside the accepted window"
	}
	digest, ok := checkSignature(h.secret, tsText, body, sig)
	if !ok {
		return http.StatusUnauthorized, "unauthorized", "bad signature"
	}
	if h.seen.ItemCount() >= h.maxSeen {
		h.seen.DeleteExpired()
		if h.seen.ItemCount() >= h.maxSeen {
			return http.StatusTooManyRequests, "rate_limited", "too many invalidations, retry later"
		}
	}
	if h.seen.Add(string(digest), struct{}{}, gocache.DefaultExpiration) != nil {
		return http.StatusUnauthorized, "replayed", "signature already used"
	}
	return 0, "", ""
}

func (h *webhook) apply(b webhookBody) {
	if b.All {
		h.inv.InvalidateAll()
		return
	}
	if b.ContactID != "" {
		h.inv.Invalidate(b.ContactID)
	}
	if b.Email != "" {
		h.inv.InvalidateEmail(b.Email)
	}
}

// decodeStrict decodes one JSON object with no unknown fields and nothing
// after it.
func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("cache: trailing data after the JSON object")
	}
	return nil
}

// problem is an RFC 9457 problem details body.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

func (h *webhook) refuse(w http.ResponseWriter, status int, outcome, detail string) {
	h.outcomes.WithLabelValues(outcome).Inc()
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
}
