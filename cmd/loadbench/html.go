package main

import (
	_ "embed"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

//go:embed bare_invoices.html
var bareInvoicesHTML string

// bareTemplate is the bare baseline's invoices page: the markup of
// clientgate's layout and invoices table as its benchmark person gets
// them, rendered by html/template, the dates formatted on every request.
var bareTemplate = template.Must(template.New("bare").Funcs(template.FuncMap{
	"date": func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Format("02.01.2006")
	},
}).Parse(bareInvoicesHTML))

// addBareHTML adds GET /clients/invoices to e: bareTemplate rendered on
// every request, as clientgate renders its page.
func addBareHTML(e *gin.Engine, page invoicePage) {
	e.SetHTMLTemplate(bareTemplate)
	data := newBareHTMLData(page)
	e.GET("/clients/invoices", func(c *gin.Context) { c.HTML(http.StatusOK, "invoices", data) })
}

var (
	tbodyRe = regexp.MustCompile(`(?s)<tbody(?:\s[^>]*)?>(.*?)</tbody>`)
	rowRe   = regexp.MustCompile(`<tr[ >]`)
)

// checkRows checks that body is an HTML page with a table and returns the
// rows of its first table body.
func checkRows(body []byte) (int, error) {
	if !strings.Contains(string(body[:min(len(body), 200)]), "<html") {
		return 0, fmt.Errorf("body is not an HTML page: %s", snippet(body))
	}
	m := tbodyRe.FindSubmatch(body)
	if m == nil {
		return 0, fmt.Errorf("page has no table: %s", snippet(body))
	}
	return len(rowRe.FindAll(m[1], -1)), nil
}
