package auth

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

//go:embed templates/page.html
var pageFS embed.FS

var pageTemplate = template.Must(template.ParseFS(pageFS, "templates/page.html"))

// pageData fills the minimal sign-in message page.
type pageData struct {
	Title   string
	Message string
	Retry   string // a link to try again, when there is one
}

// page answers with the message page and aborts the chain.
func (s *Service) page(c *gin.Context, status int, d pageData) {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		s.opts.Logger.ErrorContext(c.Request.Context(), "auth: render page", "err", err.Error())
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
	c.Abort()
}

// fail logs an unexpected error and answers with a generic page.
func (s *Service) fail(c *gin.Context, err error) {
	s.opts.Logger.ErrorContext(c.Request.Context(), "auth: request failed", "path", c.FullPath(), "err", err.Error())
	s.page(c, http.StatusInternalServerError, pageData{Title: "Something went wrong",
		Message: "We could not complete your request. Please try again.", Retry: s.loginURL("")})
}

// problemBase prefixes every problem type this package answers with.
const problemBase = "urn:clientgate:problem:"

// problem is an RFC 9457 problem details body.
type problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

// problem answers with problem+json and aborts the chain.
func (s *Service) problem(c *gin.Context, status int, kind, title, detail string) {
	body, err := json.Marshal(problem{Type: problemBase + kind, Title: title, Status: status, Detail: detail})
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "application/problem+json", body)
	c.Abort()
}

// urlQueryEscape escapes a query parameter value.
func urlQueryEscape(v string) string { return url.QueryEscape(v) }
