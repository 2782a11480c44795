// Package jetpacktest is a fake Jetpack CRM for tests: an httptest server
// that answers /zbs_api/ like the real plugin does in the captures under
// connectors/jetpackcrm/testdata (IDs as strings, timestamps as numbers or
// strings by object, bare arrays, [] past the end, 1-based paging with 10
// per page by default, string flags, full-replace writes with the sticky
// Customer status, 4-byte UTF-8 refused with {"error":100}, 401 for bad
// credentials, the 301 for a GET without the trailing slash, WordPress's
// HTML 404 when the API module is off, and the companies endpoint's
// mis-wired arguments).
package jetpacktest

import (
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Server is a running fake Jetpack CRM. Its methods are safe for
// concurrent use.
type Server struct {
	// URL is the site's base URL, such as http://127.0.0.1:1234.
	URL string

	srv         *httptest.Server
	key, secret string

	mu       sync.Mutex
	latency  time.Duration
	disabled bool
	calls    map[string]int
	inFlight int // requests being answered
	maxIn    int // the most answered at once since ResetCalls
	now      func() time.Time

	customFields []string
	contacts     []*Contact
	invoices     []*Invoice
	quotes       []*Quote
	transactions []*Transaction
	events       []*Event
	companies    []*Company
	lastID       map[string]int
}

// NewServer starts a fake CRM on 127.0.0.1 that accepts exactly this key
// and secret. Close it when done.
func NewServer(key, secret string) *Server {
	s := &Server{key: key, secret: secret, calls: map[string]int{}, lastID: map[string]int{}, now: time.Now}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// SetLatency makes every later call sleep d before answering.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// DisableModule switches the API module off (WordPress then answers its
// HTML 404 page) or back on.
func (s *Server) DisableModule(off bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.disabled = off
}

// Calls returns how many requests each endpoint received, redirects and
// refusals included.
func (s *Server) Calls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.calls))
	for k, v := range s.calls {
		out[k] = v
	}
	return out
}

// ResetCalls sets every call count, and MaxConcurrent, back to zero.
func (s *Server) ResetCalls() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.calls)
	s.maxIn = 0
}

// MaxConcurrent returns the most requests the server was answering at
// once since it started or ResetCalls: with a latency set, calls a client
// makes concurrently show here.
func (s *Server) MaxConcurrent() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxIn
}

// enter and leave keep the in-flight count.
func (s *Server) enter() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inFlight++
	s.maxIn = max(s.maxIn, s.inFlight)
}

func (s *Server) leave() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inFlight--
}

// validEndpoints is the plugin's hard-coded list.
var validEndpoints = map[string]bool{
	"status": true, "webhook": true, "create_customer": true, "create_transaction": true, "create_event": true,
	"create_company": true, "customer_search": true, "customers": true, "invoices": true, "quotes": true,
	"events": true, "companies": true, "transactions": true,
}

// getOnly and postOnly are the endpoints whose method is enforced.
var (
	getOnly  = map[string]bool{"status": true, "customer_search": true, "invoices": true, "quotes": true, "transactions": true, "events": true}
	postOnly = map[string]bool{"companies": true, "webhook": true}
)

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/zbs_api")
	endpoint := strings.Split(strings.TrimPrefix(rest, "/"), "/")[0]
	s.mu.Lock()
	delay, disabled := s.latency, s.disabled
	s.calls[endpoint]++
	s.mu.Unlock()
	s.enter()
	defer s.leave()
	if delay > 0 {
		time.Sleep(delay)
	}
	switch {
	case !ok || (rest != "" && rest[0] != '/') || disabled:
		notFoundPage(w)
	case r.Method == http.MethodHead:
		w.WriteHeader(http.StatusOK)
	case r.Method == http.MethodGet && !strings.HasSuffix(r.URL.Path, "/"):
		redirectSlash(w, r)
	case !s.authorised(r):
		writeJSON(w, http.StatusUnauthorized, envelope("Unauthorized", "Please ensure your Jetpack CRM API key and secret are correctly configured."))
	case !validEndpoints[endpoint]:
		writeJSON(w, http.StatusBadRequest, envelope("Bad request", "The API request was invalid."))
	case (getOnly[endpoint] && r.Method != http.MethodGet) || (postOnly[endpoint] && r.Method != http.MethodPost):
		writeJSON(w, http.StatusMethodNotAllowed, envelope("Method not allowed", "Please ensure you are using the proper method (e.g. POST or GET)."))
	default:
		s.route(w, r, endpoint)
	}
}

// authorised checks the query-string credentials, the only ones the API
// reads.
func (s *Server) authorised(r *http.Request) bool {
	q := r.URL.Query()
	key, secret := q.Get("api_key"), q.Get("api_secret")
	okKey := subtle.ConstantTimeCompare([]byte(key), []byte(s.key)) == 1
	okSecret := subtle.ConstantTimeCompare([]byte(secret), []byte(s.secret)) == 1
	return key != "" && okKey && okSecret
}

func (s *Server) route(w http.ResponseWriter, r *http.Request, endpoint string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch endpoint {
	case "status":
		writeJSON(w, http.StatusOK, map[string]any{"success": true, "data": map[string]any{
			"status": "Successful Connection", "message": "Your API Connection with Jetpack CRM is functioning correctly.",
			"crm_version": "6.4.4", "db_version": "3.0",
		}})
	case "customer_search":
		s.customerSearch(w, r)
	case "customers":
		s.customers(w, r)
	case "invoices", "quotes", "transactions", "events":
		s.list(w, r, endpoint)
	case "companies":
		s.listCompanies(w, r)
	case "create_customer":
		s.createCustomer(w, r)
	case "create_transaction":
		s.createTransaction(w, r)
	case "webhook":
		writeJSON(w, http.StatusBadRequest, envelope("Invalid webhook request",
			"Please ensure you are using the proper webhook action name and that the webhook is enabled in the CRM."))
	default:
		writeJSON(w, http.StatusNotImplemented, envelope("Not implemented", "jetpacktest does not implement "+endpoint))
	}
}

func envelope(status, message string) map[string]any {
	return map[string]any{"success": false, "data": map[string]any{"status": status, "message": message}}
}

// redirectSlash is WordPress's canonical redirect: query string kept.
func redirectSlash(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Path + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("X-Redirect-By", "WordPress")
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

func notFoundPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte("<!DOCTYPE html>\n<html lang=\"en-US\"><head><title>Page not found &#8211; JPCRM Test</title></head>" +
		"<body><h1>Oops! That page can&rsquo;t be found.</h1></body></html>\n"))
}
