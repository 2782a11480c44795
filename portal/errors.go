package portal

import (
	"context"
	"errors"
	"net/http"

	"clientgate/connectors"
)

// statusClientClosed is the non-standard status logged when the client
// went away before the answer was ready.
const statusClientClosed = 499

// httpError is an error with an HTTP status and a message safe to show.
// Title, Detail and Next are message IDs (package i18n): the page shows
// them in the client's language, the API in English. err, the cause, is
// logged and never shown.
type httpError struct {
	Status int
	Title  string
	Detail string
	// Next says what to do next; may be empty.
	Next string
	// Fields lists per-field problems for invalid input, as the connector
	// wrote them (English).
	Fields map[string]string
	err    error
}

// Error describes the error for logs.
func (e *httpError) Error() string {
	if e.err != nil {
		return "portal: " + e.Title + ": " + e.err.Error()
	}
	return "portal: " + e.Title
}

// Unwrap returns the cause.
func (e *httpError) Unwrap() error { return e.err }

// errNotFound answers unknown routes, items and switched-off modules.
var errNotFound = &httpError{Status: http.StatusNotFound, Title: "error.not_found.title",
	Detail: "error.not_found.detail", Next: "error.not_found.next"}

// toHTTPError maps any error to a status and a safe message: connectors'
// sentinels to their status, context errors to 503 or 499, others to 500.
func toHTTPError(err error) *httpError {
	var he *httpError
	if errors.As(err, &he) {
		return he
	}
	e := mapSentinel(err)
	e.err = err
	return e
}

// mapSentinel picks the status and message for err.
func mapSentinel(err error) *httpError {
	var verr *connectors.ValidationError
	switch {
	case errors.As(err, &verr):
		return &httpError{Status: http.StatusUnprocessableEntity, Title: "error.invalid_input.title",
			Detail: "error.invalid_input.detail", Fields: verr.Fields}
	case errors.Is(err, connectors.ErrNotFound), errors.Is(err, connectors.ErrUnsupported):
		return &httpError{Status: http.StatusNotFound, Title: errNotFound.Title, Detail: errNotFound.Detail, Next: errNotFound.Next}
	case errors.Is(err, connectors.ErrInvalid):
		return messageError(http.StatusBadRequest, "error.invalid_request")
	case errors.Is(err, connectors.ErrConflict):
		return &httpError{Status: http.StatusConflict, Title: "error.conflict.title",
			Detail: "error.conflict.detail", Next: "error.conflict.next"}
	case errors.Is(err, connectors.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return messageError(http.StatusServiceUnavailable, "error.unavailable")
	case errors.Is(err, connectors.ErrBackendAuth), errors.Is(err, connectors.ErrMisconfigured):
		return &httpError{Status: http.StatusBadGateway, Title: "error.backend.title",
			Detail: "error.backend.detail", Next: "error.backend.next"}
	case errors.Is(err, context.Canceled):
		return messageError(statusClientClosed, "error.cancelled")
	}
	return messageError(http.StatusInternalServerError, "error.internal")
}

// messageError is an error whose title and detail are the messages
// key+".title" and key+".detail".
func messageError(status int, key string) *httpError {
	return &httpError{Status: status, Title: key + ".title", Detail: key + ".detail"}
}

// errMethod answers a known path with the wrong method.
var errMethod = messageError(http.StatusMethodNotAllowed, "error.method")
