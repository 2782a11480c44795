package portal

import (
	"net/http"
	"net/url"
	"testing"
)

func TestCSRFRequiredForCookieSessions(t *testing.T) {
	tests := []struct {
		name   string
		r      req
		status int
	}{
		{"form without token", req{method: http.MethodPost, path: "/clients/quotes/q1/accept", as: "ann", form: url.Values{}}, 403},
		{"form with wrong token", req{method: http.MethodPost, path: "/clients/quotes/q1/accept", as: "ann", form: url.Values{"csrf_token": {"csrf-bob"}}}, 403},
		{"form with right token", req{method: http.MethodPost, path: "/clients/quotes/q1/accept", as: "ann", form: url.Values{"csrf_token": {"csrf-ann"}}}, 303},
		{"header with right token", req{method: http.MethodPost, path: "/clients/quotes/q1/accept", as: "ann", csrf: "csrf-ann"}, 303},
		{"api without token", req{method: http.MethodPost, path: "/api/v1/quotes/q1/accept", as: "ann"}, 403},
		{"api token in JSON is not enough", req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", json: `{"csrf_token":"csrf-ann"}`}, 403},
		{"api with header", req{method: http.MethodPost, path: "/api/v1/quotes/q1/accept", as: "ann", csrf: "csrf-ann"}, 200},
		{"bearer is exempt", req{method: http.MethodPost, path: "/api/v1/quotes/q1/accept", as: "ann", bearer: true}, 200},
		{"revoke without token", req{method: http.MethodPost, path: "/clients/tasks/calendar/revoke", as: "ann"}, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			w := e.do(tt.r)
			wantStatus(t, w, tt.status)
			if tt.status == 403 && (e.crm.Calls("DecideQuote") != 0 || len(e.audit("ann")) != 0) {
				t.Error("a request without a valid CSRF token acted")
			}
		})
	}
}
