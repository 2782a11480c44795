package portal

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/portal/documents"
)

// pdfSuffix ends the path of an item's PDF: /invoices/{id}.pdf.
const pdfSuffix = ".pdf"

// pdfOr serves the PDF of the item when the :id parameter ends in .pdf
// (Gin cannot route /:id and /:id.pdf side by side, so both reach the
// item's route) and lets the item's own handler run otherwise. The
// parameter loses its suffix, so the PDF handler reads the plain ID.
func (s *server) pdfOr(pdf gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := strings.CutSuffix(c.Param("id"), pdfSuffix)
		if !ok {
			c.Next()
			return
		}
		for i, p := range c.Params {
			if p.Key == "id" {
				c.Params[i].Value = id
			}
		}
		pdf(c)
		c.Abort()
	}
}

// invoicePDF answers GET …/invoices/{id}.pdf.
func (s *server) invoicePDF(c *gin.Context) {
	inv, err := s.getInvoice(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	doc, err := s.invoiceDocument(c, inv)
	s.writePDF(c, doc, err)
}

// quotePDF answers GET …/quotes/{id}.pdf.
func (s *server) quotePDF(c *gin.Context) {
	q, err := s.getQuote(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	doc, err := s.quoteDocument(c, q)
	s.writePDF(c, doc, err)
}

// writePDF renders doc (unless building it failed) and sends it inline,
// never cached: it holds the client's data.
func (s *server) writePDF(c *gin.Context, doc documents.Document, err error) {
	if err != nil {
		s.fail(c, err)
		return
	}
	var buf bytes.Buffer
	if err := s.docs.Render(&buf, doc); err != nil {
		s.fail(c, errorf("render %s: %w", doc.Title, err))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Disposition", `inline; filename="`+fileName(doc.Title)+`"`)
	if age, stale := connectors.ReportFrom(c.Request.Context()).StaleAge(); stale {
		c.Header(headerStaleAge, strconv.Itoa(int(age.Seconds())))
	}
	c.Data(http.StatusOK, "application/pdf", buf.Bytes())
}
