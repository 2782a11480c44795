package staffnote

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// The headers of a notice's POST.
const (
	// HeaderTimestamp carries the signing time in unix seconds.
	HeaderTimestamp = "X-Clientgate-Timestamp"
	// HeaderSignature carries "sha256=" and the hex HMAC-SHA256, keyed
	// with the secret, of the timestamp, a dot and the body: as the
	// portal's inbound webhook.
	HeaderSignature = "X-Clientgate-Signature"
	// HeaderEvent carries the notice's kind.
	HeaderEvent = "X-Clientgate-Event"
)

// ErrRejected means the receiver refused a notice for good (a 4xx answer
// other than 408 and 429).
var ErrRejected = errors.New("staffnote: the receiver rejected the notice")

// Webhook posts each notice as JSON to one URL, signed. It is safe for
// concurrent use.
type Webhook struct {
	url    string
	secret []byte
	client *http.Client
	now    func() time.Time
}

// NewWebhook returns a notifier posting to endpoint (http or https)
// signed with secret; a nil client gets one with a 15-second timeout.
func NewWebhook(endpoint, secret string, client *http.Client) (*Webhook, error) {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("staffnote: webhook URL %q is not an http(s) URL", endpoint)
	}
	if len(secret) < 16 {
		return nil, errors.New("staffnote: the webhook secret must have at least 16 characters")
	}
	if client == nil {
		client = &http.Client{Timeout: 15 * time.Second}
	}
	return &Webhook{url: endpoint, secret: []byte(secret), client: client, now: time.Now}, nil
}

// Notify posts n. A 2xx answer delivers it.
func (w *Webhook) Notify(ctx context.Context, n Notice) error {
	body, err := json.Marshal(n)
	if err != nil {
		return fmt.Errorf("%w: encode notice: %v", ErrRejected, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("staffnote: %w", err)
	}
	ts := w.now()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	req.Header.Set(HeaderSignature, Sign(w.secret, ts, body))
	req.Header.Set(HeaderEvent, string(n.Kind))
	resp, err := w.client.Do(req)
	if err != nil {
		return fmt.Errorf("staffnote: post notice %s: %w", n.ID, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch code := resp.StatusCode; {
	case code >= 200 && code < 300:
		return nil
	case code >= 400 && code < 500 && code != http.StatusRequestTimeout && code != http.StatusTooManyRequests:
		return fmt.Errorf("%w: notice %s answered %s", ErrRejected, n.ID, resp.Status)
	default:
		return fmt.Errorf("staffnote: notice %s answered %s", n.ID, resp.Status)
	}
}

// Sign returns the HeaderSignature value of body signed at ts.
func Sign(secret []byte, ts time.Time, body []byte) string {
	m := hmac.New(sha256.New, secret)
	fmt.Fprintf(m, "%d.", ts.Unix())
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether a receiver's request carries a valid signature
// of body made within maxAge of now: how an endpoint checks notices.
func Verify(secret []byte, h http.Header, body []byte, maxAge time.Duration, now time.Time) bool {
	secs, err := strconv.ParseInt(h.Get(HeaderTimestamp), 10, 64)
	if err != nil {
		return false
	}
	ts := time.Unix(secs, 0)
	if d := now.Sub(ts); d > maxAge || d < -maxAge {
		return false
	}
	return hmac.Equal([]byte(h.Get(HeaderSignature)), []byte(Sign(secret, ts, body)))
}
