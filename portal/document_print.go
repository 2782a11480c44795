package portal

import (
	"net/url"

	"github.com/gin-gonic/gin"

	"clientgate/portal/documents"
)

// printData is a print view: the same document the PDF draws, the item's
// page to go back to and the PDF's address.
type printData struct {
	Doc  documents.Document
	Back string
	PDF  string
}

// printPage shows a document laid out for printing, with the same
// content as its PDF.
func (s *server) printPage(c *gin.Context, doc documents.Document, err error, kind, id string) {
	if err != nil {
		s.fail(c, err)
		return
	}
	item := s.base + "/" + kind + "/" + url.PathEscape(id)
	s.respond(c, view{Page: "document_print", Title: "document.title", TitleArgs: []any{"Title", doc.Title},
		Data: printData{Doc: doc, Back: item, PDF: item + pdfSuffix}})
}

// quotePrintPage shows one quote laid out for printing.
func (s *server) quotePrintPage(c *gin.Context) {
	q, err := s.getQuote(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	doc, err := s.quoteDocument(c, q)
	s.printPage(c, doc, err, "quotes", q.ID)
}
