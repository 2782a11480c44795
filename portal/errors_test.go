package portal

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"clientgate/connectors"
)

func TestToHTTPError(t *testing.T) {
	tests := []struct {
		err    error
		status int
	}{
		{connectors.ErrNotFound, 404},
		{connectors.ErrUnsupported, 404},
		{connectors.ErrInvalid, 400},
		{&connectors.ValidationError{Fields: map[string]string{"x": "bad"}}, 422},
		{connectors.ErrConflict, 409},
		{connectors.ErrUnavailable, 503},
		{connectors.ErrBackendAuth, 502},
		{connectors.ErrMisconfigured, 502},
		{context.DeadlineExceeded, 503},
		{context.Canceled, 499},
		{connectors.ErrAmbiguous, 500},
		{errors.New("anything else"), 500},
	}
	for _, tt := range tests {
		wrapped := fmt.Errorf("adapter: call with secret=hunter2: %w", tt.err)
		he := toHTTPError(wrapped)
		if he.Status != tt.status {
			t.Errorf("%v: status %d, want %d", tt.err, he.Status, tt.status)
		}
		if strings.Contains(he.Title+he.Detail, "hunter2") || he.Title == "" || he.Detail == "" {
			t.Errorf("%v: unsafe or empty message %q / %q", tt.err, he.Title, he.Detail)
		}
		if !errors.Is(he, tt.err) {
			t.Errorf("%v: cause lost", tt.err)
		}
	}
}

func TestConnectorErrorsThroughHTTP(t *testing.T) {
	tests := []struct {
		err    error
		status int
	}{
		{connectors.ErrUnavailable, 503},
		{connectors.ErrBackendAuth, 502},
		{connectors.ErrMisconfigured, 502},
		{errors.New("weird"), 500},
	}
	for _, tt := range tests {
		e := newEnv(t, nil)
		e.crm.SetError("GetInvoice", fmt.Errorf("GET https://crm/?secret=hunter2: %w", tt.err))
		for _, path := range []string{"/clients/invoices/inv1", "/api/v1/invoices/inv1"} {
			w := e.do(req{path: path, as: "ann"})
			wantStatus(t, w, tt.status)
			wantNoBody(t, w, "hunter2", "crm/")
		}
		if !strings.Contains(e.logs.String(), "hunter2") {
			t.Error("the full error was not logged") // the adapter must redact; the portal logs what it gets
		}
	}
}

func TestCancelledRequestIs499(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.SetError("ListInvoices", context.Canceled)
	w := e.do(req{path: "/api/v1/invoices", as: "ann"})
	wantStatus(t, w, 499)
	if w.Body.Len() != 0 {
		t.Errorf("body for a gone client: %q", w.Body.String())
	}
	e.crm.SetError("ListInvoices", nil)
	wantStatus(t, e.do(req{path: "/api/v1/invoices", as: "ann"}), http.StatusOK)
}
