package cache

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Webhook headers.
const (
	// HeaderTimestamp carries the signing time in unix seconds.
	HeaderTimestamp = "X-Clientgate-Timestamp"
	// HeaderSignature carries "sha256=" and the hex HMAC-SHA256.
	HeaderSignature = "X-Clientgate-Signature"
)

// Sign returns the X-Clientgate-Signature value of a webhook body signed
// at ts: "sha256=" followed by the hex HMAC-SHA256, keyed with secret, of
// the unix seconds, a dot and the body.
func Sign(secret []byte, ts time.Time, body []byte) string {
	return "sha256=" + hex.EncodeToString(mac(secret, strconv.FormatInt(ts.Unix(), 10), body))
}

func mac(secret []byte, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return m.Sum(nil)
}

// checkSignature reports, in constant time, whether sig is the signature
// of body at the timestamp text ts, and returns the decoded MAC. Replays
// are remembered by the decoded MAC, never by the header's text, so that
// another spelling of one signature (hex in upper case) is the same.
func checkSignature(secret []byte, ts string, body []byte, sig string) ([]byte, bool) {
	const prefix = "sha256="
	if len(sig) != len(prefix)+2*sha256.Size || sig[:len(prefix)] != prefix {
		return nil, false
	}
	got, err := hex.DecodeString(sig[len(prefix):])
	if err != nil {
		return nil, false
	}
	return got, hmac.Equal(got, mac(secret, ts, body))
}

// SendInvalidation posts a signed invalidation to a clientgate webhook at
// endpoint (the URL of POST /hooks/invalidate), for `clientgate cache
// purge` and other clients. A nil client means http.DefaultClient. Any
// answer but 2xx is an error carrying the status (never the secret).
func SendInvalidation(ctx context.Context, client *http.Client, endpoint string, secret []byte, inv Invalidation) error {
	if inv.IsZero() {
		return fmt.Errorf("cache: empty invalidation")
	}
	if client == nil {
		client = http.DefaultClient
	}
	body, err := json.Marshal(inv)
	if err != nil {
		return fmt.Errorf("cache: encoding invalidation: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("cache: webhook request: %w", err)
	}
	now := time.Now()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
	req.Header.Set(HeaderSignature, Sign(secret, now, body))
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("cache: webhook: %w", err)
	}
	defer resp.Body.Close()
	detail, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("cache: webhook answered %s: %s", resp.Status, bytes.TrimSpace(detail))
	}
	return nil
}
