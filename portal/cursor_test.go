package portal

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"clientgate/connectors"
)

// nextCursor reads next_cursor from an API list answer.
func nextCursor(t *testing.T, body []byte) string {
	t.Helper()
	var page struct {
		Next string `json:"next_cursor"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatal(err)
	}
	return page.Next
}

func TestForgedAndForeignCursorsAreRefusedBeforeTheCRM(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.AddQuote("bob", connectors.Quote{ID: "bq1", Number: "B-1", Status: connectors.QuoteSent})
	e.crm.AddQuote("bob", connectors.Quote{ID: "bq2", Number: "B-2", Status: connectors.QuoteSent})
	w := e.do(req{path: "/api/v1/invoices?limit=1", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	annNext := nextCursor(t, w.Body.Bytes())
	if annNext == "" {
		t.Fatal("no next cursor")
	}
	raw, _ := base64.RawURLEncoding.DecodeString(annNext)
	inner := string(raw[cursorMACSize:])
	tampered := []byte(annNext)
	tampered[3] ^= 1
	w = e.do(req{path: "/api/v1/quotes?limit=1", as: "bob"})
	bobNext := nextCursor(t, w.Body.Bytes())
	for name, r := range map[string]req{
		"connector's own cursor":     {path: "/api/v1/invoices?limit=1&cursor=" + url.QueryEscape(inner), as: "ann"},
		"forged offset":              {path: "/api/v1/invoices?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("o1:1")), as: "ann"},
		"tampered":                   {path: "/api/v1/invoices?limit=1&cursor=" + string(tampered), as: "ann"},
		"another contact's":          {path: "/api/v1/invoices?limit=1&cursor=" + annNext, as: "bob"},
		"another list's":             {path: "/api/v1/quotes?limit=1&cursor=" + annNext, as: "ann"},
		"another contact's, quotes":  {path: "/api/v1/quotes?limit=1&cursor=" + bobNext, as: "ann"},
		"HTML page, connector's own": {path: "/clients/invoices?cursor=" + url.QueryEscape(inner), as: "ann"},
	} {
		t.Run(name, func(t *testing.T) {
			calls := e.crm.Calls("ListInvoices") + e.crm.Calls("ListQuotes")
			w := e.do(r)
			wantStatus(t, w, http.StatusBadRequest)
			if after := e.crm.Calls("ListInvoices") + e.crm.Calls("ListQuotes"); after != calls {
				t.Errorf("the CRM was asked %d times", after-calls)
			}
		})
	}
	w = e.do(req{path: "/api/v1/invoices?limit=1&cursor=" + annNext, as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `"inv2"`)
}

func TestCursorKeysRotate(t *testing.T) {
	old, next := []byte("0123456789abcdef0123456789abcdef"), []byte("fedcba9876543210fedcba9876543210")
	scope := connectors.Scope{ContactID: "ann"}
	sealed := newCursorSealer([][]byte{old}).seal("invoices", scope, "o1:1")
	if c, err := newCursorSealer([][]byte{next, old}).open("invoices", scope, sealed); err != nil || c != "o1:1" {
		t.Errorf("rotated keys: %q, %v", c, err)
	}
	if _, err := newCursorSealer([][]byte{next}).open("invoices", scope, sealed); err == nil {
		t.Error("a cursor sealed with a retired key opened")
	}
	if _, err := newCursorSealer([][]byte{old}).open("invoices", connectors.Scope{ContactID: "ann", WithCompany: true}, sealed); err == nil {
		t.Error("a contact-only cursor opened for the company list")
	}
}
