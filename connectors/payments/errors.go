package payments

import (
	"errors"
	"fmt"

	"clientgate/connectors"
)

// Sentinel errors returned, wrapped with context, by every Provider. Each
// also matches the connectors sentinel of the same meaning, so the
// portal's one mapping from errors to HTTP answers covers them.
var (
	// ErrInvalid means the request was malformed (no amount, a bad URL).
	ErrInvalid = fmt.Errorf("payments: invalid request: %w", connectors.ErrInvalid)
	// ErrCurrency means the provider does not take the currency.
	ErrCurrency = fmt.Errorf("payments: currency not supported: %w", connectors.ErrInvalid)
	// ErrUnavailable means the provider could not be reached, timed out,
	// or failed (429 and 5xx answers after retries).
	ErrUnavailable = fmt.Errorf("payments: provider unavailable: %w", connectors.ErrUnavailable)
	// ErrAuth means the provider rejected clientgate's credentials.
	ErrAuth = fmt.Errorf("payments: provider rejected the credentials: %w", connectors.ErrBackendAuth)
	// ErrRefused means the provider understood the request and refused
	// it (an idempotency key reused with other parameters, a closed
	// checkout).
	ErrRefused = fmt.Errorf("payments: provider refused the request: %w", connectors.ErrConflict)
	// ErrSignature means a webhook's signature is missing, forged or
	// outside the tolerance window: answer 400 and apply nothing.
	ErrSignature = errors.New("payments: webhook signature missing, invalid or too old")
	// ErrPayload means a correctly signed webhook body is not an event the
	// provider's library can read.
	ErrPayload = errors.New("payments: webhook payload unreadable")
)
