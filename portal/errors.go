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
// err, the cause, is logged and never shown.
type httpError struct {
	Status int
	Title  string
	Detail string
	// Fields lists per-field problems for invalid input.
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
var errNotFound = &httpError{Status: http.StatusNotFound, Title: "Not found",
	Detail: "We could not find that page or item."}

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
		return &httpError{Status: http.StatusUnprocessableEntity, Title: "Invalid input",
			Detail: "Some values were not accepted.", Fields: verr.Fields}
	case errors.Is(err, connectors.ErrNotFound), errors.Is(err, connectors.ErrUnsupported):
		return &httpError{Status: http.StatusNotFound, Title: errNotFound.Title, Detail: errNotFound.Detail}
	case errors.Is(err, connectors.ErrInvalid):
		return &httpError{Status: http.StatusBadRequest, Title: "Invalid input",
			Detail: "The request was not valid."}
	case errors.Is(err, connectors.ErrConflict):
		return &httpError{Status: http.StatusConflict, Title: "Not possible",
			Detail: "This item's current state does not allow that action."}
	case errors.Is(err, connectors.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return &httpError{Status: http.StatusServiceUnavailable, Title: "Temporarily unavailable",
			Detail: "We cannot reach our records right now. Please try again in a few minutes."}
	case errors.Is(err, connectors.ErrBackendAuth), errors.Is(err, connectors.ErrMisconfigured):
		return &httpError{Status: http.StatusBadGateway, Title: "Service problem",
			Detail: "Our records system is not answering as expected. We have been notified."}
	case errors.Is(err, context.Canceled):
		return &httpError{Status: statusClientClosed, Title: "Request cancelled",
			Detail: "The request was cancelled."}
	}
	return &httpError{Status: http.StatusInternalServerError, Title: "Something went wrong",
		Detail: "Something went wrong on our side. Please try again later."}
}

// errMethod answers a known path with the wrong method.
var errMethod = &httpError{Status: http.StatusMethodNotAllowed, Title: "Method not allowed",
	Detail: "This address does not accept that kind of request."}
