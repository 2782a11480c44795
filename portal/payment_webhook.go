package portal

import (
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors/payments"
)

// webhookPathPrefix is where payment providers' webhooks are served:
// /hooks/<provider>, such as /hooks/stripe.
const webhookPathPrefix = "/hooks/"

// errBadWebhook answers a delivery whose signature or body is refused.
var errBadWebhook = messageError(http.StatusBadRequest, "pay.err.bad_webhook")

// webhookRoutes serves the provider's webhook outside sessions and CSRF
// (the provider signs it), limited per client address.
func (s *server) webhookRoutes(e *gin.Engine) {
	if !s.payOn() {
		return
	}
	e.POST(webhookPathPrefix+s.pay.Flow.Provider(), markAPI, s.limitAddress, s.paymentWebhook)
}

// webhookAnswer is the body of an accepted delivery.
type webhookAnswer struct {
	Received bool   `json:"received"`
	Outcome  string `json:"outcome"`
}

// paymentWebhook answers one delivery: 400 when its signature is
// missing, forged or too old, or its body unreadable (nothing applied);
// 500 when it could not be applied or followed up (the provider delivers
// it again); 200 otherwise, including replays (applied once) and events
// the portal ignores.
func (s *server) paymentWebhook(c *gin.Context) {
	ctx := c.Request.Context()
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		s.fail(c, bodyError(err))
		return
	}
	res, err := s.pay.Flow.Webhook(ctx, body, c.Request.Header)
	switch {
	case errors.Is(err, payments.ErrSignature), errors.Is(err, payments.ErrPayload):
		s.fail(c, &httpError{Status: errBadWebhook.Status, Title: errBadWebhook.Title, Detail: errBadWebhook.Detail, err: err})
		return
	case err != nil:
		s.fail(c, err)
		return
	}
	if s.pay.AfterWebhook != nil {
		if err := s.pay.AfterWebhook(ctx, res); err != nil {
			s.fail(c, errorf("after webhook %s: %w", res.Event.ID, err))
			return
		}
	}
	s.respond(c, view{JSON: webhookAnswer{Received: true, Outcome: string(res.Outcome)}})
}
