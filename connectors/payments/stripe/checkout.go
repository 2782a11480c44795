package stripe

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	stripego "github.com/stripe/stripe-go/v82"

	"clientgate/connectors/payments"
)

// Metadata keys every checkout (and its payment) carries, echoed back in
// the events.
const (
	metaAttempt   = "clientgate_attempt"
	metaInvoice   = "clientgate_invoice"
	metaNumber    = "clientgate_invoice_number"
	metaContact   = "clientgate_contact"
	metaAmountDue = "clientgate_amount_due"
	metaPortal    = "clientgate_portal"
)

// CreateCheckout makes a Checkout Session in payment mode for the amount
// due (one line with inline price data), with the email prefilled, the
// invoice ID as client_reference_id and the IDs in the metadata of both
// the session and its payment intent, sent with the request's
// idempotency key.
func (p *Provider) CreateCheckout(ctx context.Context, r payments.CheckoutRequest) (payments.Checkout, error) {
	if err := r.Validate(); err != nil {
		return payments.Checkout{}, fmt.Errorf("stripe: create checkout: %w", err)
	}
	if !p.Supports(r.Amount.Currency) {
		return payments.Checkout{}, fmt.Errorf("stripe: create checkout: %w: %s", payments.ErrCurrency, r.Amount.Currency)
	}
	meta := Metadata(r, p.opts.Portal)
	params := &stripego.CheckoutSessionCreateParams{
		Mode:              stripego.String(string(stripego.CheckoutSessionModePayment)),
		SuccessURL:        stripego.String(r.SuccessURL),
		CancelURL:         stripego.String(r.CancelURL),
		ClientReferenceID: stripego.String(r.InvoiceID),
		Metadata:          meta,
		LineItems: []*stripego.CheckoutSessionCreateLineItemParams{{
			Quantity: stripego.Int64(1),
			PriceData: &stripego.CheckoutSessionCreateLineItemPriceDataParams{
				Currency:    stripego.String(strings.ToLower(r.Amount.Currency)),
				UnitAmount:  stripego.Int64(r.Amount.Minor),
				ProductData: &stripego.CheckoutSessionCreateLineItemPriceDataProductDataParams{Name: stripego.String(r.Describe())},
			},
		}},
		PaymentIntentData: &stripego.CheckoutSessionCreatePaymentIntentDataParams{
			Description: stripego.String(r.Describe()),
			Metadata:    meta,
		},
	}
	if email := strings.TrimSpace(r.Email); email != "" {
		params.CustomerEmail = stripego.String(email)
	}
	params.SetIdempotencyKey(r.IdempotencyKey)
	s, err := p.client.V1CheckoutSessions.Create(ctx, params)
	if err != nil {
		return payments.Checkout{}, p.fail(ctx, "create checkout", err)
	}
	if s.ID == "" || s.URL == "" {
		return payments.Checkout{}, fmt.Errorf("stripe: create checkout: %w: answer without a session ID or URL", payments.ErrUnavailable)
	}
	out := payments.Checkout{SessionID: s.ID, URL: s.URL}
	if s.ExpiresAt > 0 {
		out.ExpiresAt = time.Unix(s.ExpiresAt, 0).UTC()
	}
	return out, nil
}

// Metadata is what a checkout for r puts into the metadata of its
// session and payment intent, echoed back in every event about them.
func Metadata(r payments.CheckoutRequest, portal string) map[string]string {
	meta := map[string]string{
		metaAttempt: r.AttemptID, metaInvoice: r.InvoiceID, metaNumber: r.InvoiceNumber, metaContact: r.ContactID,
		metaAmountDue: strconv.FormatInt(r.Amount.Minor, 10) + " " + r.Amount.Currency,
	}
	if portal != "" {
		meta[metaPortal] = portal
	}
	return meta
}

// ExpireCheckout expires an open Checkout Session. Stripe refuses to
// expire one that is no longer open; that is not an error here.
func (p *Provider) ExpireCheckout(ctx context.Context, sessionID string) error {
	if strings.TrimSpace(sessionID) == "" {
		return fmt.Errorf("stripe: expire checkout: %w: no session", payments.ErrInvalid)
	}
	_, err := p.client.V1CheckoutSessions.Expire(ctx, sessionID, nil)
	if se, ok := err.(*stripego.Error); ok && se.HTTPStatusCode == 400 && se.Type == stripego.ErrorTypeInvalidRequest && se.Param == "" {
		p.log.InfoContext(ctx, "stripe: checkout was not open any more", "session", sessionID, "message", se.Msg)
		return nil
	}
	if err != nil {
		return p.fail(ctx, "expire checkout", err)
	}
	return nil
}

// ReceiptURL reads the payment intent with its latest charge and returns
// the charge's receipt URL, "" when there is none yet.
func (p *Provider) ReceiptURL(ctx context.Context, intentID string) (string, error) {
	if strings.TrimSpace(intentID) == "" {
		return "", fmt.Errorf("stripe: receipt: %w: no payment", payments.ErrInvalid)
	}
	params := &stripego.PaymentIntentRetrieveParams{}
	params.AddExpand("latest_charge")
	pi, err := p.client.V1PaymentIntents.Retrieve(ctx, intentID, params)
	if err != nil {
		return "", p.fail(ctx, "receipt", err)
	}
	if pi.LatestCharge == nil {
		return "", nil
	}
	return pi.LatestCharge.ReceiptURL, nil
}
