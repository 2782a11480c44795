package portal

import (
	"context"
	"errors"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/portal/documents"
)

// documentRenderer returns r, or a renderer with Go's fonts only.
func documentRenderer(r *documents.Renderer) (*documents.Renderer, error) {
	if r != nil {
		return r, nil
	}
	r, err := documents.New(documents.Options{})
	if err != nil {
		return nil, errorf("documents: %w", err)
	}
	return r, nil
}

// documentStatuses are the statuses a document may print.
var documentStatuses = []any{
	connectors.InvoiceUnpaid, connectors.InvoicePartiallyPaid, connectors.InvoicePaid, connectors.InvoiceOverdue,
	connectors.InvoiceVoid, connectors.InvoiceDraft, connectors.QuoteSent, connectors.QuoteAccepted,
	connectors.QuoteDeclined, connectors.QuoteExpired,
}

// documentLabels are the words of a document in f's language, from the
// "document.*" messages (fmt verbs are passed as the placeholders, so
// that translations may reorder them).
func documentLabels(f formatter) documents.Labels {
	t := func(id string) string { return f.T("document." + id) }
	l := documents.Labels{
		Invoice: t("invoice"), Quote: t("quote"), InvoiceDate: t("invoice_date"), QuoteDate: t("quote_date"),
		DueDate: t("due_date"), ValidUntil: t("valid_until"), Status: t("status"), Currency: t("currency"),
		From: t("from"), BillTo: t("bill_to"), PreparedFor: t("prepared_for"), Attention: t("attention"),
		TaxID: t("tax_id"), Registration: t("registration"), Email: t("email"), Phone: t("phone"), Website: t("website"),
		Description: t("item"), Quantity: t("quantity"), UnitPrice: t("unit_price"), TaxRate: t("tax_rate"),
		Amount: t("amount"), Subtotal: t("subtotal"), Discount: t("discount"), Tax: t("tax"), Total: t("total"),
		AmountPaid: t("amount_paid"), AmountDue: t("amount_due"), Notes: t("notes"),
		PaymentInstructions: t("payment_instructions"),
		TaxOn:               f.T("document.tax_on", "Rate", "%[1]s", "Base", "%[2]s"),
		Page:                f.T("document.page", "Page", "%[1]d", "Pages", "%[2]d"),
		Statuses:            map[string]string{},
	}
	for _, st := range documentStatuses {
		l.Statuses[keyOf(st)] = f.Status(st)
	}
	return l
}

// documentLocale is the viewer's language and formats for documents.
func documentLocale(f formatter) documents.Locale {
	return documents.Locale{Labels: documentLabels(f), Format: f, Language: f.Lang()}
}

// seller is the business as documents print it.
func (s *server) seller() documents.Seller {
	b := s.business
	return documents.Seller{Name: b.Name, Address: b.Address, TaxID: b.TaxID, Registration: b.Registration,
		Email: b.Email, Phone: b.Phone, Website: b.Website, PaymentInstructions: b.PaymentInstructions}
}

// buyer is who an item of the viewer's is addressed to: their company
// for a company item (when the CRM knows it), else themselves.
func (s *server) buyer(ctx context.Context, c *gin.Context, companyID string) (documents.Buyer, error) {
	v := viewerOf(c)
	var company connectors.Company
	if companyID != "" {
		var err error
		company, err = s.conn.GetCompany(ctx, v.scope)
		if err != nil && !errors.Is(err, connectors.ErrNotFound) {
			return documents.Buyer{}, err
		}
	}
	return documents.BuyerFor(v.contact, company, companyID), nil
}

// invoiceDocument builds the document of the viewer's invoice; with
// online payment on, a payment the CRM has not settled yet shows as its
// status.
func (s *server) invoiceDocument(c *gin.Context, inv connectors.Invoice) (documents.Document, error) {
	ctx := c.Request.Context()
	b, err := s.buyer(ctx, c, inv.CompanyID)
	if err != nil {
		return documents.Document{}, err
	}
	f := viewerOf(c).fmt
	in := documents.InvoiceInput{Invoice: inv, Buyer: b}
	if st, ok := s.paymentStatus(c, inv); ok && st.BeingConfirmed {
		in.StatusNote = f.T("pay.state.confirming")
	}
	return documents.Invoice(in, s.seller(), documentLocale(f)), nil
}

// quoteDocument builds the document of the viewer's quote.
func (s *server) quoteDocument(c *gin.Context, q connectors.Quote) (documents.Document, error) {
	b, err := s.buyer(c.Request.Context(), c, q.CompanyID)
	if err != nil {
		return documents.Document{}, err
	}
	return documents.Quote(documents.QuoteInput{Quote: q, Buyer: b}, s.seller(), documentLocale(viewerOf(c).fmt)), nil
}

// fileName makes a download name such as "Invoice-INV-0042.pdf" from a
// document's title, keeping letters, digits, dots, dashes and
// underscores.
func fileName(title string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		case r == ' ' || r == '/':
			return '-'
		}
		return -1
	}, title)
	if name == "" {
		name = "document"
	}
	return name + ".pdf"
}
