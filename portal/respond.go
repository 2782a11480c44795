package portal

import (
	"cmp"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// keyAPI marks a request as a JSON API call.
const keyAPI = "portal.api"

// keyPageStatus is the status a page is shown with when its handler
// says none, such as 422 for a form shown again with its errors.
const keyPageStatus = "portal.pagestatus"

// headerStaleAge tells API clients the age of stale data, in seconds.
const headerStaleAge = "X-Clientgate-Stale-Age"

// view is a handler's answer: a page for HTML or a body for JSON.
type view struct {
	Status int
	// Page selects the template (HTML).
	Page string
	// Title is the message ID of the page title, with name, value pairs
	// for its placeholders in TitleArgs (HTML).
	Title     string
	TitleArgs []any
	// Data is the page's data (HTML).
	Data any
	// Localize, when set, builds the page's data in the client's language
	// instead of Data (HTML).
	Localize func(f formatter) any
	// JSON is the body (API).
	JSON any
	// Notice is the message ID of a short confirmation shown above the
	// page (HTML).
	Notice string
}

// isAPI reports whether the request is a JSON API call.
func isAPI(c *gin.Context) bool {
	return c.GetBool(keyAPI) || strings.HasPrefix(c.Request.URL.Path, "/api/")
}

// respond writes v as JSON for the API or as an HTML page, with the stale
// data marker when the connector served stale values.
func (s *server) respond(c *gin.Context, v view) {
	if v.Status == 0 {
		v.Status = cmp.Or(c.GetInt(keyPageStatus), http.StatusOK)
	}
	age, stale := s.respondStale(c)
	if isAPI(c) {
		writeJSON(c, v.Status, "application/json", v.JSON)
		return
	}
	s.renderPage(c, v, stale, age)
}

// respondStale sets the stale data header when the connector served stale
// values, and returns their age.
func (s *server) respondStale(c *gin.Context) (time.Duration, bool) {
	age, stale := connectors.ReportFrom(c.Request.Context()).StaleAge()
	if stale {
		c.Header(headerStaleAge, strconv.Itoa(int(age.Seconds())))
	}
	return age, stale
}

// writeJSON encodes body with the given content type.
func writeJSON(c *gin.Context, status int, contentType string, body any) {
	raw, err := encodeJSON(body)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, contentType+"; charset=utf-8", raw)
}

// problem is an RFC 9457 problem details body.
type problem struct {
	Type      string            `json:"type"`
	Title     string            `json:"title"`
	Status    int               `json:"status"`
	Detail    string            `json:"detail,omitempty"`
	Instance  string            `json:"instance,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
	Errors    map[string]string `json:"errors,omitempty"`
}

// fail logs err in full and answers with its safe form: problem+json for
// the API, the error page for HTML. It aborts the handler chain.
func (s *server) fail(c *gin.Context, err error) {
	he := toHTTPError(err)
	level := slog.LevelInfo
	if he.Status >= 500 {
		level = slog.LevelError
	}
	s.log.Log(c.Request.Context(), level, "portal: request failed", "request_id", requestID(c), "route", c.FullPath(),
		"status", he.Status, "err", err.Error())
	c.Abort()
	status := he.Status
	if status == statusClientClosed {
		c.Status(status)
		return
	}
	if isAPI(c) {
		writeJSON(c, status, "application/problem+json", problem{
			Type: problemType(status), Title: s.en.T(he.Title), Status: status, Detail: s.en.T(he.Detail),
			Instance: c.Request.URL.Path, RequestID: requestID(c), Errors: he.Fields,
		})
		return
	}
	s.renderPage(c, view{Status: status, Page: "error", Title: he.Title,
		Localize: func(f formatter) any { return errorPageOf(f, he) }}, false, 0)
}

// problemPrefix starts every problem type of the API, the sign-in
// service's included, so that clients can switch on the type.
const problemPrefix = "urn:clientgate:problem:"

// problemType names the kind of problem an HTTP status reports.
func problemType(status int) string {
	kinds := map[int]string{
		http.StatusBadRequest: "invalid-request", http.StatusUnauthorized: "unauthenticated",
		http.StatusForbidden: "forbidden", http.StatusNotFound: "not-found",
		http.StatusMethodNotAllowed: "method-not-allowed", http.StatusConflict: "conflict",
		http.StatusRequestEntityTooLarge: "too-large", http.StatusUnsupportedMediaType: "unsupported-media-type",
		http.StatusUnprocessableEntity: "invalid-fields", http.StatusBadGateway: "backend-error",
		http.StatusTooManyRequests:    "rate-limited",
		http.StatusServiceUnavailable: "unavailable",
	}
	if kind, ok := kinds[status]; ok {
		return problemPrefix + kind
	}
	return problemPrefix + "internal"
}
