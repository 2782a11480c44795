package portal

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames lists every page template; each defines "content" and is
// rendered inside "layout", except standalone pages that define "page".
var pageNames = []string{
	"dashboard", "details", "details_edit", "invoices", "invoice", "document_print", "payment_return",
	"quotes", "quote", "quote_confirm", "transactions", "tasks", "calendar_revoke", "error", "files",
	"tickets", "ticket_new", "ticket", "task", "staff_inbox", "staff_thread", "staff_invite", "unsubscribe",
	"forms", "form", "staff_files", "staff_share",
}

// pageSet holds the parsed templates, one per page.
type pageSet struct {
	byName map[string]*template.Template
	static http.FileSystem
}

// templateFuncs are the helpers every template may call.
var templateFuncs = template.FuncMap{
	"args":     args,
	"zoneName": zoneName,
	"linesFor": linesFor,
	"pe":       url.PathEscape,
	"fieldID":  func(s string) string { return "f-" + strings.NewReplacer(".", "-", "_", "-").Replace(s) },
	"httpURL":  httpURL,
	"isZero":   func(t time.Time) bool { return t.IsZero() },
	"notEmpty": func(s string) bool { return strings.TrimSpace(s) != "" },
}

// args builds the data of a partial template from name, value pairs:
// {{template "pager" (args "F" $f "Next" .Next)}}.
func args(pairs ...any) map[string]any {
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		if name, ok := pairs[i].(string); ok {
			m[name] = pairs[i+1]
		}
	}
	return m
}

// parsePages parses the layout with each page, once.
func parsePages() (*pageSet, error) {
	layout, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html",
		"templates/preferences.html", "templates/payment_parts.html", "templates/conversations.html")
	if err != nil {
		return nil, errorf("parse layout: %w", err)
	}
	static, err := staticFiles()
	if err != nil {
		return nil, err
	}
	ps := &pageSet{byName: map[string]*template.Template{}, static: static}
	for _, name := range pageNames {
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, errorf("parse page %s: %w", name, err)
		}
		ps.byName[name] = t
	}
	return ps, nil
}

// staticFiles is the embedded static directory.
func staticFiles() (http.FileSystem, error) {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, errorf("static files: %w", err)
	}
	return http.FS(sub), nil
}

// pageBuffers holds buffers pages are rendered into, so that a page does
// not grow a new one from nothing.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer kept for the next page.
const maxPooledBuffer = 1 << 20

// putPageBuffer empties buf and keeps it for another page, unless it grew
// unusually large.
func putPageBuffer(buf *bytes.Buffer) {
	if buf.Cap() > maxPooledBuffer {
		return
	}
	buf.Reset()
	pageBuffers.Put(buf)
}

// renderPage executes a page into a buffer and writes it, so a template
// error never sends half a page.
func (s *server) renderPage(c *gin.Context, v view, stale bool, staleAge time.Duration) {
	t, ok := s.pages.byName[v.Page]
	if !ok {
		s.log.ErrorContext(c.Request.Context(), "portal: unknown page", "page", v.Page, "request_id", requestID(c))
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	root := "layout"
	if t.Lookup("page") != nil {
		root = "page"
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer putPageBuffer(buf)
	if err := t.ExecuteTemplate(buf, root, s.layoutData(c, v, stale, staleAge)); err != nil {
		s.log.ErrorContext(c.Request.Context(), "portal: render page", "page", v.Page, "err", err.Error(), "request_id", requestID(c))
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(v.Status, "text/html; charset=utf-8", buf.Bytes())
}
