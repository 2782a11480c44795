package auth

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"clientgate/portal/i18n"
)

//go:embed templates/page.html
var pageFS embed.FS

var pageTemplate = template.Must(template.ParseFS(pageFS, "templates/page.html"))

// plainPage fills the service's own page, used when no PageRenderer is set.
type plainPage struct {
	Lang, Title, Message, Next, Retry, RetryLabel string
}

// page shows p through the request's PageRenderer, or the service's own
// plain page in the browser's language, and aborts the chain.
func (s *Service) page(c *gin.Context, p Page) {
	c.Header("Cache-Control", "no-store")
	if r := pageRenderer(c); r != nil {
		r(c, p)
		c.Abort()
		return
	}
	l := s.msgs.Localizer(s.msgs.Choose(c.GetHeader("Accept-Language")).Lang)
	d := plainPage{Lang: l.Lang(), Title: l.T(p.Title, p.Args...), Message: l.T(p.Message, p.Args...),
		Retry: p.Retry, RetryLabel: l.T("error.try_again")}
	if p.Next != "" {
		d.Next = l.T(p.Next, p.Args...)
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d); err != nil {
		s.opts.Logger.ErrorContext(c.Request.Context(), "auth: render page", "err", err.Error())
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Data(p.Status, "text/html; charset=utf-8", buf.Bytes())
	c.Abort()
}

// fail logs an unexpected error and answers with a generic page.
func (s *Service) fail(c *gin.Context, err error) {
	s.opts.Logger.ErrorContext(c.Request.Context(), "auth: request failed", "path", c.FullPath(), "err", err.Error())
	s.page(c, Page{Status: http.StatusInternalServerError, Title: "auth.failed.title",
		Message: "auth.failed.detail", Retry: s.loginURL("")})
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

// problem answers with problem+json, its title and detail (message IDs)
// in English, and aborts the chain.
func (s *Service) problem(c *gin.Context, status int, kind, title, detail string, args ...any) {
	en := s.msgs.Localizer(i18n.English)
	body, err := json.Marshal(problem{Type: problemBase + kind, Title: en.T(title, args...), Status: status,
		Detail: en.T(detail, args...)})
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
