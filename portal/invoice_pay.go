package portal

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/payments"
	"clientgate/connectors/payments/payflow"
)

// invoicePath is the path of the viewer's invoice page.
func (s *server) invoicePath(id string) string { return s.base + "/invoices/" + url.PathEscape(id) }

// absolute turns a portal path into a URL the provider can send the
// client back to: PublicURL, else the request's own origin.
func (s *server) absolute(c *gin.Context, path string) string {
	if s.publicURL != "" {
		return s.publicURL + path
	}
	scheme := "http"
	if c.Request.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host + path
}

// startCheckout asks the flow for the checkout of the viewer's invoice,
// within the payment timeout.
func (s *server) startCheckout(c *gin.Context, inv connectors.Invoice) (payments.Checkout, error) {
	v := viewerOf(c)
	ctx, cancel := s.payTimeout(c.Request.Context())
	defer cancel()
	back := s.absolute(c, s.invoicePath(inv.ID))
	co, err := s.pay.Flow.Checkout(ctx, payflow.CheckoutInput{Invoice: inv, ContactID: v.scope.ContactID,
		Email: v.contact.Email, SuccessURL: back + "/payment/done", CancelURL: back + "/payment/canceled"})
	if err == nil && httpURL(co.URL) == "" {
		err = errorf("the provider's checkout address %q is not an http(s) URL", co.URL)
	}
	if err != nil && ctx.Err() != nil && c.Request.Context().Err() == nil {
		// Our timeout, not the client leaving: the provider is too slow.
		err = errors.Join(err, payments.ErrUnavailable)
	}
	return co, err
}

// errNoInvoice reports that checkoutOfURL answered the request already
// (the invoice is not the viewer's).
var errNoInvoice = errors.New("portal: no such invoice")

// checkoutOfURL loads the URL's invoice for the viewer (answering 404 and
// errNoInvoice when it is not theirs) and asks for its checkout.
func (s *server) checkoutOfURL(c *gin.Context) (connectors.Invoice, payments.Checkout, error) {
	inv, err := s.getInvoice(c)
	if err != nil {
		s.fail(c, err)
		return inv, payments.Checkout{}, errNoInvoice
	}
	co, err := s.startCheckout(c, inv)
	return inv, co, err
}

// payProblem names what went wrong with a click on Pay, for the notice
// on the invoice page; "" for an error the error page reports.
func payProblem(err error) string {
	switch {
	case errors.Is(err, payflow.ErrNotPayable):
		return "not_payable"
	case bridge.IsAlreadyPaid(err):
		return "already"
	case errors.Is(err, connectors.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return "unavailable"
	case errors.Is(err, connectors.ErrConflict), errors.Is(err, connectors.ErrInvalid), errors.Is(err, connectors.ErrBackendAuth):
		return "refused"
	}
	return ""
}

// payInvoice answers the Pay button (POST /clients/invoices/{id}/pay,
// with the CSRF token): 303 to the provider's checkout, or back to the
// invoice page saying why not. Clicking again (a double click, a second
// tab, the back button) leads to the same checkout; once paid, never to
// another.
func (s *server) payInvoice(c *gin.Context) {
	inv, co, err := s.checkoutOfURL(c)
	if errors.Is(err, errNoInvoice) {
		return
	}
	if err != nil {
		problem := payProblem(err)
		if problem == "" {
			s.fail(c, err)
			return
		}
		s.log.WarnContext(c.Request.Context(), "portal: pay", "invoice", inv.ID, "problem", problem, "err", err.Error())
		c.Redirect(http.StatusSeeOther, s.invoicePath(inv.ID)+"?payment="+problem+"#h-pay")
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Redirect(http.StatusSeeOther, co.URL)
}

// checkoutJSON is the answer of POST /api/v1/invoices/{id}/checkout.
type checkoutJSON struct {
	URL string `json:"url"`
}

// payErrors are the API's answers to a checkout that cannot be made.
var payErrors = map[string]*httpError{
	"not_payable": messageError(http.StatusConflict, "pay.err.not_payable"),
	"already":     messageError(http.StatusConflict, "pay.err.already"),
	"unavailable": messageError(http.StatusServiceUnavailable, "pay.err.unavailable"),
	"refused":     messageError(http.StatusBadGateway, "pay.err.refused"),
}

// checkoutAPI answers POST /api/v1/invoices/{id}/checkout with the
// checkout's URL; the provider sends the client back to the portal's
// pages.
func (s *server) checkoutAPI(c *gin.Context) {
	_, co, err := s.checkoutOfURL(c)
	if errors.Is(err, errNoInvoice) {
		return
	}
	if err != nil {
		if he, ok := payErrors[payProblem(err)]; ok {
			err = &httpError{Status: he.Status, Title: he.Title, Detail: he.Detail, err: err}
		}
		s.fail(c, err)
		return
	}
	s.respond(c, view{JSON: checkoutJSON{URL: co.URL}})
}
