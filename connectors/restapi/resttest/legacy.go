package resttest

import (
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"testing"

	"clientgate/connectors/connectortest"
)

// Legacy is a CRM answering an old-style REST API: flat JSON, page
// numbers, every number and flag as a string, unix times, and the API key
// in the api_key query parameter.
type Legacy struct {
	// URL is the server's base URL; the API lives under /api/v1.
	URL string
	// APIKey is the key every request must carry.
	APIKey string
	// Store holds the data.
	Store *Store
	// IgnoreOwnerFilter makes the list endpoints ignore customer_id and
	// return everyone's items, as a misconfigured endpoint would.
	IgnoreOwnerFilter bool
}

// NewLegacy starts a Legacy server loaded with seed and closes it when t
// ends. Set IgnoreOwnerFilter before the first request.
func NewLegacy(t testing.TB, seed connectortest.Seed) *Legacy {
	l := &Legacy{APIKey: randomHex(), Store: NewStore(seed, "%d")}
	srv := httptest.NewServer(l.routes())
	t.Cleanup(srv.Close)
	l.URL = srv.URL
	return l
}

func (l *Legacy) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/status", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": "4.2"})
	})
	mux.HandleFunc("GET /api/v1/customers", l.findCustomers)
	mux.HandleFunc("POST /api/v1/customers", l.createCustomer)
	mux.HandleFunc("GET /api/v1/customers/{id}", l.getCustomer)
	mux.HandleFunc("PUT /api/v1/customers/{id}", l.updateCustomer)
	mux.HandleFunc("GET /api/v1/companies/{id}", l.getCompany)
	mux.HandleFunc("GET /api/v1/invoices", l.listInvoices)
	mux.HandleFunc("GET /api/v1/invoices/{id}", l.getInvoice)
	mux.HandleFunc("GET /api/v1/quotes", l.listQuotes)
	mux.HandleFunc("GET /api/v1/quotes/{id}", l.getQuote)
	mux.HandleFunc("POST /api/v1/quotes/{id}/status", l.setQuoteStatus)
	mux.HandleFunc("GET /api/v1/transactions", l.listTransactions)
	mux.HandleFunc("GET /api/v1/events", l.listEvents)
	mux.HandleFunc("GET /api/v1/events/{id}", l.getEvent)
	return l.keyed(mux)
}

func (l *Legacy) keyed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.Query().Get("api_key")
		if subtle.ConstantTimeCompare([]byte(key), []byte(l.APIKey)) != 1 {
			fail(w, http.StatusForbidden, "bad api_key")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// numbered writes one page of items with page, pages and total as strings.
func numbered[T any](w http.ResponseWriter, r *http.Request, key string, items []T, render func(T) map[string]any) {
	size, ok := pageSize(r, "per_page")
	page, okp := intParam(r, "page", 1)
	if !ok || !okp || page < 1 {
		fail(w, http.StatusBadRequest, "bad paging")
		return
	}
	out := []any{}
	for _, it := range pageOf(items, (page-1)*size, size) {
		out = append(out, render(it))
	}
	pages := (len(items) + size - 1) / size
	writeJSON(w, http.StatusOK, map[string]any{key: out, "page": itoa(page), "pages": itoa(pages),
		"total": itoa(len(items))})
}
