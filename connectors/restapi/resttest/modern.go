package resttest

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"clientgate/connectors/connectortest"
)

// Modern is a CRM answering a modern REST API: nested JSON under "data",
// cursor paging, OAuth2 client credentials, RFC 3339 times, integer cents.
type Modern struct {
	// URL is the server's base URL; the API lives under /v2.
	URL string
	// ClientID and ClientSecret are the OAuth2 client's credentials.
	ClientID, ClientSecret string
	// Store holds the data.
	Store *Store
	// TokenRequests counts the tokens issued.
	TokenRequests atomic.Int64

	mu     sync.Mutex
	tokens map[string]bool
}

// NewModern starts a Modern server loaded with seed and closes it when t
// ends.
func NewModern(t testing.TB, seed connectortest.Seed) *Modern {
	m := &Modern{ClientID: "clientgate", ClientSecret: randomHex(), Store: NewStore(seed, "ct_%d"),
		tokens: map[string]bool{}}
	srv := httptest.NewServer(m.routes())
	t.Cleanup(srv.Close)
	m.URL = srv.URL
	return m
}

// RevokeTokens forgets every token issued, as an expiry would.
func (m *Modern) RevokeTokens() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tokens = map[string]bool{}
}

func (m *Modern) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /oauth/token", m.token)
	api := http.NewServeMux()
	api.HandleFunc("GET /v2/me", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"user": "api"}})
	})
	api.HandleFunc("GET /v2/contacts", m.findContacts)
	api.HandleFunc("POST /v2/contacts", m.createContact)
	api.HandleFunc("GET /v2/contacts/{id}", m.getContact)
	api.HandleFunc("PATCH /v2/contacts/{id}", m.patchContact)
	api.HandleFunc("GET /v2/companies/{id}", m.getCompany)
	api.HandleFunc("GET /v2/invoices", m.listInvoices)
	api.HandleFunc("GET /v2/invoices/{id}", m.getInvoice)
	api.HandleFunc("GET /v2/quotes", m.listQuotes)
	api.HandleFunc("GET /v2/quotes/{id}", m.getQuote)
	api.HandleFunc("POST /v2/quotes/{id}/decision", m.decideQuote)
	api.HandleFunc("GET /v2/payments", m.listPayments)
	api.HandleFunc("GET /v2/activities", m.listActivities)
	api.HandleFunc("GET /v2/activities/{id}", m.getActivity)
	mux.Handle("/v2/", m.authorized(api))
	return mux
}

func (m *Modern) token(w http.ResponseWriter, r *http.Request) {
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostFormValue("client_id"), r.PostFormValue("client_secret")
	}
	if r.PostFormValue("grant_type") != "client_credentials" || id != m.ClientID || secret != m.ClientSecret {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	tok := randomHex()
	m.mu.Lock()
	m.tokens[tok] = true
	m.mu.Unlock()
	m.TokenRequests.Add(1)
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": 3600})
}

func (m *Modern) authorized(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		m.mu.Lock()
		valid := ok && m.tokens[tok]
		m.mu.Unlock()
		if !valid {
			fail(w, http.StatusUnauthorized, "invalid token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func randomHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
