package payments

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"clientgate/connectors"
)

// IdempotencyKey derives a checkout's idempotency key from the invoice
// and its amount due: the same invoice and amount give the same key, so a
// repeated request returns the provider's first checkout; a new amount
// due gives a new key.
func IdempotencyKey(invoiceID string, due connectors.Money) string {
	sum := sha256.Sum256([]byte(invoiceID + "\x00" + strconv.FormatInt(due.Minor, 10) + "\x00" + due.Currency))
	return "clientgate-" + hex.EncodeToString(sum[:16])
}

// MaxIDLength bounds the IDs a checkout echoes back (providers keep
// metadata values short).
const MaxIDLength = 200

// Validate checks a request before any call to the provider and returns
// ErrInvalid (wrapped) naming the first problem.
func (r CheckoutRequest) Validate() error {
	for name, v := range map[string]string{
		"attempt": r.AttemptID, "invoice": r.InvoiceID, "contact": r.ContactID, "idempotency key": r.IdempotencyKey,
	} {
		if strings.TrimSpace(v) == "" || len(v) > MaxIDLength || !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			return fmt.Errorf("%w: %s missing, too long or not valid text", ErrInvalid, name)
		}
	}
	switch {
	case r.Amount.Minor <= 0:
		return fmt.Errorf("%w: amount must be positive", ErrInvalid)
	case r.Amount.Currency == "" || r.Amount.Currency != strings.ToUpper(r.Amount.Currency):
		return fmt.Errorf("%w: currency must be an upper-case ISO 4217 code", ErrInvalid)
	case !utf8.ValidString(r.InvoiceNumber + r.Email + r.Description):
		return fmt.Errorf("%w: invoice number, email or description is not valid text", ErrInvalid)
	}
	for name, v := range map[string]string{"success URL": r.SuccessURL, "cancel URL": r.CancelURL} {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("%w: %s must be an absolute http(s) URL", ErrInvalid, name)
		}
	}
	return nil
}

// Describe returns r.Description, or "Invoice " + the invoice number.
func (r CheckoutRequest) Describe() string {
	if d := strings.TrimSpace(r.Description); d != "" {
		return d
	}
	return "Invoice " + r.InvoiceNumber
}
