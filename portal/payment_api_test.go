package portal

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments/payflow"
)

// TestInvoiceAPIOnlinePayment: GET /api/v1/invoices/{id} says whether the
// client may pay online and how its latest attempt stands; lists and
// portals without online payment leave it out.
func TestInvoiceAPIOnlinePayment(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	usd := connectors.Money{Minor: 150600, Currency: "USD"}
	paid := bridge.PaymentAttempt{ID: "a1", State: bridge.PaymentPaid, Amount: usd, UpdatedAt: at}
	refunded := paid
	refunded.State, refunded.Refunded = bridge.PaymentRefunded, usd
	tests := []struct {
		name   string
		status payflow.Status
		want   string
	}{
		{"payable", payflow.Status{CanPay: true}, `{"can_pay":true,"state":"","being_confirmed":false}`},
		{"being confirmed", payflow.Status{HasAttempt: true, BeingConfirmed: true, Attempt: paid},
			`{"can_pay":false,"state":"paid","being_confirmed":true,"amount":{"minor":150600,"currency":"USD","display":"$1,506.00"},"updated_at":"2026-03-04T10:00:00Z"}`},
		{"refunded", payflow.Status{HasAttempt: true, CanPay: true, Attempt: refunded},
			`{"can_pay":true,"state":"refunded","being_confirmed":false,"amount":{"minor":150600,"currency":"USD","display":"$1,506.00"},"refunded":{"minor":150600,"currency":"USD","display":"$1,506.00"},"updated_at":"2026-03-04T10:00:00Z"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, withPayments(&stubFlow{status: tt.status}))
			if got := onlinePaymentField(t, e, "/api/v1/invoices/inv1"); got != tt.want {
				t.Errorf("online_payment = %s\nwant %s", got, tt.want)
			}
		})
	}
	e := newEnv(t, withPayments(&stubFlow{status: payflow.Status{CanPay: true}}))
	if w := e.do(req{path: "/api/v1/invoices", as: "ann", bearer: true}); w.Code != http.StatusOK || strings.Contains(w.Body.String(), "online_payment") {
		t.Errorf("the list carries online_payment: %d %s", w.Code, w.Body)
	}
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann",
		Modules: map[string]bool{modPayments: false}}); err != nil {
		t.Fatal(err)
	}
	if got := onlinePaymentField(t, e, "/api/v1/invoices/inv1"); got != "" {
		t.Errorf("payments module off: online_payment = %s", got)
	}
	if got := onlinePaymentField(t, newEnv(t, nil), "/api/v1/invoices/inv1"); got != "" {
		t.Errorf("payments off: online_payment = %s", got)
	}
}

// onlinePaymentField returns the online_payment member of ann's invoice
// at path, "" when it has none.
func onlinePaymentField(t *testing.T, e *env, path string) string {
	t.Helper()
	w := e.do(req{path: path, as: "ann", bearer: true})
	wantStatus(t, w, http.StatusOK)
	var body map[string]json.RawMessage
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	return string(body["online_payment"])
}
