package stripe_test

import (
	"testing"

	"clientgate/connectors/payments/paymentstest"
	"clientgate/connectors/payments/stripe/stripetest"
)

func TestConformance(t *testing.T) {
	paymentstest.Run(t, stripetest.Harness{URL: stripetest.MockURL(t)})
}
