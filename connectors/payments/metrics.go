package payments

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics holds the payment collectors; register them once per process.
// A nil *Metrics counts nothing, so callers need not check.
type Metrics struct {
	payments   *prometheus.CounterVec
	checkouts  *prometheus.CounterVec
	webhooks   *prometheus.CounterVec
	writebacks *prometheus.GaugeVec
}

// NewMetrics creates the collectors and registers them on reg:
//   - clientgate_payments_total{provider,outcome}: payments by what became
//     of them (PaymentOutcomes);
//   - clientgate_payment_checkouts_total{provider,outcome}: Pay clicks
//     (CheckoutOutcomes);
//   - clientgate_payment_webhooks_total{provider,outcome}: webhook
//     deliveries (WebhookOutcomes);
//   - clientgate_payment_writebacks{state}: payments waiting to be
//     recorded in the CRM (pending) and those the CRM refused (failed).
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		payments: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_payments_total",
			Help: "Online payments by provider and outcome (paid, processing, failed, refunded, disputed, canceled, discrepancy).",
		}, []string{"provider", "outcome"}),
		checkouts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_payment_checkouts_total",
			Help: "Requests to pay an invoice by provider and outcome.",
		}, []string{"provider", "outcome"}),
		webhooks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clientgate_payment_webhooks_total",
			Help: "Payment provider webhook deliveries by provider and outcome.",
		}, []string{"provider", "outcome"}),
		writebacks: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "clientgate_payment_writebacks",
			Help: "Payments to record in the CRM: pending (queued or retrying) and failed (refused by the CRM).",
		}, []string{"state"}),
	}
	var errs []error
	for _, c := range []prometheus.Collector{m.payments, m.checkouts, m.webhooks, m.writebacks} {
		errs = append(errs, reg.Register(c))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("payments: register metrics: %w", err)
	}
	return m, nil
}

// Payment counts a payment outcome.
func (m *Metrics) Payment(provider, outcome string) {
	if m != nil {
		m.payments.WithLabelValues(provider, outcome).Inc()
	}
}

// Checkout counts a request to pay.
func (m *Metrics) Checkout(provider, outcome string) {
	if m != nil {
		m.checkouts.WithLabelValues(provider, outcome).Inc()
	}
}

// Webhook counts a webhook delivery.
func (m *Metrics) Webhook(provider, outcome string) {
	if m != nil {
		m.webhooks.WithLabelValues(provider, outcome).Inc()
	}
}

// SetWritebacks sets how many payments wait to be recorded in the CRM
// and how many it refused.
func (m *Metrics) SetWritebacks(pending, failed int) {
	if m != nil {
		m.writebacks.WithLabelValues("pending").Set(float64(pending))
		m.writebacks.WithLabelValues("failed").Set(float64(failed))
	}
}

// The label values each counter takes, created at zero by Init so that
// an alert's increase() sees the first one.
var (
	// PaymentOutcomes are the states an event moves a payment to, and
	// discrepancy.
	PaymentOutcomes = []string{"processing", "paid", "failed", "refunded", "disputed", "canceled", "discrepancy"}
	// CheckoutOutcomes are what became of a click on Pay.
	CheckoutOutcomes = []string{"created", "reused", "already_paid", "unavailable", "invalid", "refused", "error"}
	// WebhookOutcomes are what became of a webhook delivery.
	WebhookOutcomes = []string{"applied", "duplicate", "stale", "discrepancy", "ignored", "bad_signature", "bad_payload", "error"}
)

// Init creates every series of provider at zero, and the write-back
// gauge at zero.
func (m *Metrics) Init(provider string) {
	if m == nil {
		return
	}
	for _, o := range PaymentOutcomes {
		m.payments.WithLabelValues(provider, o)
	}
	for _, o := range CheckoutOutcomes {
		m.checkouts.WithLabelValues(provider, o)
	}
	for _, o := range WebhookOutcomes {
		m.webhooks.WithLabelValues(provider, o)
	}
	m.SetWritebacks(0, 0)
}
