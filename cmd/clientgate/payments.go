package main

import (
	"fmt"
	"log/slog"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/jobs"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
	"clientgate/connectors/payments/staffnote"
	"clientgate/connectors/payments/stripe"
	"clientgate/portal"
	"clientgate/portal/notify"
)

// paymentsWiring is online payment in a serving process: the provider,
// the flow the portal calls, and the durable jobs that write payments
// and refunds back to the CRM and tell staff what they must do.
type paymentsWiring struct {
	flow     *payflow.Flow
	provider payments.Provider
	metrics  *payments.Metrics
	queue    *jobs.Queue
	ledger   payflow.Ledger
	crm      connectors.Connector
	notify   []staffnote.Notifier
	log      *slog.Logger
}

// buildPayments builds online payment when payments.provider is set
// (nil otherwise) and registers its job kinds on q; call it before the
// queue starts.
//
// mail, when not nil, also emails the notices to staff (email.staff_to).
func buildPayments(cfg *config.Config, crm connectors.Connector, ledger payflow.Ledger, q *jobs.Queue, reg prometheus.Registerer, log *slog.Logger, client *http.Client, mail *notify.Notifier) (*paymentsWiring, error) {
	provider, err := buildProvider(cfg, log, client)
	if provider == nil || err != nil {
		return nil, err
	}
	m, err := payments.NewMetrics(reg)
	if err != nil {
		return nil, err
	}
	m.Init(provider.Name())
	flow, err := payflow.New(payflow.Options{Provider: provider, Ledger: ledger, CRM: crm, Metrics: m, Logger: log})
	if err != nil {
		return nil, err
	}
	notify, err := staffNotifiers(cfg, mail)
	if err != nil {
		return nil, err
	}
	p := &paymentsWiring{flow: flow, provider: provider, metrics: m, queue: q, ledger: ledger, crm: crm, notify: notify, log: log}
	if err := p.registerJobs(); err != nil {
		return nil, err
	}
	return p, nil
}

// buildProvider is the one switch that builds the configured payment
// provider; nil when payments are off.
func buildProvider(cfg *config.Config, log *slog.Logger, client *http.Client) (payments.Provider, error) {
	switch cfg.Payments.Provider {
	case "":
		return nil, nil
	case stripe.Name:
		s := cfg.Payments.Stripe
		p, err := stripe.New(stripe.Options{SecretKey: s.SecretKey, WebhookSecret: s.WebhookSecret, APIURL: s.APIURL,
			Portal: cfg.PublicURL, HTTPClient: client, Logger: log})
		if err != nil {
			return nil, fmt.Errorf("payments: %w", err)
		}
		return p, nil
	}
	return nil, fmt.Errorf("payments: unknown provider %q", cfg.Payments.Provider)
}

// staffNotifiers are where notices about payments go: the signed webhook
// of payments.staff_webhook, and email to email.staff_to while email is on
// (mail not nil). Every notice is also logged at WARN ("payments: staff
// must act").
func staffNotifiers(cfg *config.Config, mail *notify.Notifier) ([]staffnote.Notifier, error) {
	var out []staffnote.Notifier
	if mail != nil && len(cfg.Email.StaffTo) > 0 {
		out = append(out, paymentStaffEmail{n: mail, to: cfg.Email.StaffTo})
	}
	if w := cfg.Payments.StaffWebhook; w.URL != "" {
		hook, err := staffnote.NewWebhook(w.URL, w.Secret, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, hook)
	}
	return out, nil
}

// portalOptions is online payment as the portal takes it; zero when off.
func (p *paymentsWiring) portalOptions() portal.Payments {
	if p == nil {
		return portal.Payments{}
	}
	return portal.Payments{Flow: p.flow, AfterWebhook: p.afterWebhook}
}

// formOrigins are the origins the Pay form's redirect may end at.
func (p *paymentsWiring) formOrigins() []string {
	if p == nil || p.provider.Name() != stripe.Name {
		return nil
	}
	return []string{stripe.CheckoutOrigin}
}
