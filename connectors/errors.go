package connectors

import (
	"errors"
	"sort"
	"strings"
)

// Sentinel errors returned, wrapped with context, by every Connector.
// Callers test for them with errors.Is.
var (
	// ErrNotFound means the item does not exist or belongs to another contact.
	ErrNotFound = errors.New("connectors: not found")
	// ErrAmbiguous means a lookup that must match one contact matched several.
	ErrAmbiguous = errors.New("connectors: ambiguous match")
	// ErrUnsupported means the backend cannot do this; Capabilities says so.
	ErrUnsupported = errors.New("connectors: not supported by this connector")
	// ErrUnavailable means the backend could not be reached or failed:
	// transport errors, timeouts, 429 and 5xx answers after retries, garbage.
	ErrUnavailable = errors.New("connectors: backend unavailable")
	// ErrBackendAuth means the backend rejected clientgate's credentials.
	ErrBackendAuth = errors.New("connectors: backend rejected credentials")
	// ErrMisconfigured means the backend answers but is not set up as
	// clientgate needs (an API module switched off, a wrong base URL).
	ErrMisconfigured = errors.New("connectors: backend misconfigured")
	// ErrInvalid means the caller's input was rejected.
	ErrInvalid = errors.New("connectors: invalid input")
	// ErrConflict means the item's state does not allow the action, such as
	// accepting a quote that was already declined.
	ErrConflict = errors.New("connectors: conflicting state")
)

// ValidationError lists the fields of an input that were rejected, each with
// a message safe to show to the person who typed it. It matches ErrInvalid
// with errors.Is.
type ValidationError struct {
	// Fields maps a field name to what is wrong with its value.
	Fields map[string]string
}

// Error lists the rejected fields in a stable order.
func (e *ValidationError) Error() string {
	names := make([]string, 0, len(e.Fields))
	for name := range e.Fields {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = name + ": " + e.Fields[name]
	}
	return "connectors: invalid input: " + strings.Join(parts, "; ")
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Add records a problem with one field, creating the map when needed.
func (e *ValidationError) Add(field, message string) {
	if e.Fields == nil {
		e.Fields = map[string]string{}
	}
	if _, seen := e.Fields[field]; !seen {
		e.Fields[field] = message
	}
}

// OrNil returns e when it holds at least one problem, else nil.
func (e *ValidationError) OrNil() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}
