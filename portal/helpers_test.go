package portal

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
	"clientgate/connectors/files"
	"clientgate/connectors/files/library"
)

func init() { gin.SetMode(gin.TestMode) }

// Test headers read by testAuth.
const (
	hdrContact = "X-Test-Contact" // contact ID of the signed-in person
	hdrBearer  = "X-Test-Bearer"  // "1" for a bearer-token request
	hdrStaff   = "X-Test-Staff"   // "1" for a session that made its person staff
)

// testAuth is an Authenticator that trusts a test header.
type testAuth struct{}

func csrfFor(contactID string) string { return "csrf-" + contactID }

func (testAuth) Routes(r gin.IRouter) {
	r.GET("/auth/login", func(c *gin.Context) { c.String(http.StatusOK, "login") })
}

func (testAuth) Pages() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !setTestPrincipal(c) {
			c.Redirect(http.StatusFound, "/auth/login?next="+url.QueryEscape(auth.KeepForm(c)))
			c.Abort()
		}
	}
}

func (testAuth) API() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !setTestPrincipal(c) {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"title": "Sign-in required"})
		}
	}
}

func setTestPrincipal(c *gin.Context) bool {
	id := c.GetHeader(hdrContact)
	staff := c.GetHeader(hdrStaff) == "1"
	if id == "" && !staff {
		return false
	}
	p := auth.Principal{Identity: bridge.Identity{Issuer: "https://idp.test", Subject: "sub-" + id},
		ContactID: id, Email: id + "@example.com", Name: id, Staff: staff}
	if id == "" {
		p.Identity.Subject, p.Email, p.Name = "sub-sam", "sam@example.com", "Sam Staff"
	}
	if c.GetHeader(hdrBearer) == "1" {
		p.Bearer = true
	} else {
		p.CSRFToken = csrfFor(id)
	}
	auth.SetPrincipal(c, p)
	return true
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// env is a portal over the fake connector, with two contacts: ann (the
// owner of every seeded item) and bob (who owns nothing).
type env struct {
	t      testing.TB
	h      http.Handler
	crm    *fake.Connector
	store  *fake.Bridge
	logs   *syncBuffer
	ann    connectors.Contact
	bob    connectors.Contact
	inv    connectors.Invoice // unpaid, with lines and a pay URL
	paid   connectors.Invoice
	quote  connectors.Quote // sent
	done   connectors.Quote // accepted
	txn    connectors.Transaction
	task   connectors.Task
	future time.Time
	// lib is the files library; annFile is a PDF in ann's library.
	lib     *library.Library
	annFile files.File
}

// newEnv builds the portal; edit may change the options first.
func newEnv(t testing.TB, edit func(o *Options)) *env {
	t.Helper()
	e := &env{t: t, crm: fake.New(), store: fake.NewBridge(), logs: &syncBuffer{}}
	e.seed()
	e.lib = newTestLibrary(t, e.store)
	e.annFile = seedFile(t, e.lib, files.ContactOwner("ann"), "Contract 2026.pdf", testPDF(2000))
	o := Options{
		Connector: e.crm, Bridge: e.store, Auth: testAuth{}, Enabled: true,
		Branding:       Branding{Name: "Acme Portal", AccentColor: "#0a7d5a"},
		EditableFields: []connectors.Field{connectors.FieldFirstName, connectors.FieldLastName, connectors.FieldMobilePhone, connectors.FieldAddressCity},
		HiddenFields:   []connectors.Field{connectors.FieldHomePhone},
		PublicURL:      "https://portal.example.com",
		Files:          e.lib,
		Logger:         slog.New(slog.NewJSONHandler(e.logs, nil)),
	}
	if edit != nil {
		edit(&o)
	}
	h, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	e.h = h
	return e
}

func (e *env) seed() {
	e.future = time.Now().UTC().Add(72 * time.Hour).Truncate(time.Minute)
	e.ann = e.crm.AddContact(connectors.Contact{ID: "ann", Email: "ann@example.com", FirstName: "Ann",
		LastName: "Lee", HomePhone: "555-HIDDEN", MobilePhone: "555-0100", PortalAccess: true})
	e.bob = e.crm.AddContact(connectors.Contact{ID: "bob", Email: "bob@example.com", FirstName: "Bob", PortalAccess: true})
	usd := func(minor int64) connectors.Money { return connectors.Money{Minor: minor, Currency: "USD"} }
	e.inv = e.crm.AddInvoice("ann", connectors.Invoice{ID: "inv1", Number: "INV-0001", Status: connectors.InvoiceOverdue,
		IssuedAt: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), DueAt: time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC),
		Subtotal: usd(140000), Tax: usd(10600), Total: usd(150600), AmountDue: usd(150600),
		Lines:  []connectors.LineItem{{Title: "Design work", Quantity: "14", UnitPrice: usd(10000), Total: usd(140000)}},
		PayURL: "https://pay.example.com/inv1"})
	e.paid = e.crm.AddInvoice("ann", connectors.Invoice{ID: "inv2", Number: "INV-0002", Status: connectors.InvoicePaid,
		IssuedAt: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), Total: usd(5000)})
	e.quote = e.crm.AddQuote("ann", connectors.Quote{ID: "q1", Number: "Q-0001", Title: "Website", Status: connectors.QuoteSent,
		IssuedAt: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC), Total: usd(990000),
		Lines: []connectors.LineItem{{Title: "Build", Quantity: "1", UnitPrice: usd(990000), Total: usd(990000)}}})
	e.done = e.crm.AddQuote("ann", connectors.Quote{ID: "q2", Number: "Q-0002", Status: connectors.QuoteAccepted,
		IssuedAt: time.Date(2025, 11, 10, 0, 0, 0, 0, time.UTC), Total: usd(1000)})
	e.txn = e.crm.AddTransaction("ann", connectors.Transaction{ID: "t1", Reference: "PAY-1", Kind: connectors.TransactionPayment,
		Status: connectors.TransactionSucceeded, Title: "Card payment", Amount: usd(5000), Date: time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)})
	e.task = e.crm.AddTask("ann", connectors.Task{ID: "task1", Title: "Kick-off, meeting; room 2", Description: "Bring notes",
		Start: e.future, End: e.future.Add(time.Hour), Location: "Office"})
}

// req is one test request.
type req struct {
	method, path string
	as           string // contact ID signed in; "" for none
	bearer       bool
	csrf         string // X-CSRF-Token header
	staff        bool   // the session made its person staff
	form         url.Values
	json         string
	contentType  string
	header       map[string]string
}

// do serves r and returns the recorded answer.
func (e *env) do(r req) *httptest.ResponseRecorder {
	e.t.Helper()
	var body io.Reader
	if r.method == "" {
		r.method = http.MethodGet
	}
	ct := r.contentType
	switch {
	case r.form != nil:
		body = strings.NewReader(r.form.Encode())
		if ct == "" {
			ct = "application/x-www-form-urlencoded"
		}
	case r.json != "":
		body = strings.NewReader(r.json)
		if ct == "" {
			ct = "application/json"
		}
	}
	hr := httptest.NewRequestWithContext(context.Background(), r.method, r.path, body)
	if ct != "" {
		hr.Header.Set("Content-Type", ct)
	}
	if r.as != "" {
		hr.Header.Set(hdrContact, r.as)
	}
	if r.bearer {
		hr.Header.Set(hdrBearer, "1")
	}
	if r.staff {
		hr.Header.Set(hdrStaff, "1")
	}
	if r.csrf != "" {
		hr.Header.Set(headerCSRF, r.csrf)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, hr)
	return w
}

// post sends a form with ann's CSRF token.
func (e *env) post(path, as string, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf_token", csrfFor(as))
	return e.do(req{method: http.MethodPost, path: path, as: as, form: form})
}

// audit returns a contact's audit entries.
func (e *env) audit(contactID string) []bridge.AuditEntry {
	e.t.Helper()
	entries, err := e.store.AuditLog(context.Background(), contactID, 100)
	if err != nil {
		e.t.Fatalf("audit log: %v", err)
	}
	return entries
}

func wantStatus(t *testing.T, w *httptest.ResponseRecorder, want int) {
	t.Helper()
	if w.Code != want {
		t.Fatalf("status = %d, want %d; body:\n%s", w.Code, want, w.Body.String())
	}
}

func wantBody(t *testing.T, w *httptest.ResponseRecorder, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(w.Body.String(), p) {
			t.Errorf("body lacks %q:\n%s", p, w.Body.String())
		}
	}
}

func wantNoBody(t *testing.T, w *httptest.ResponseRecorder, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(w.Body.String(), p) {
			t.Errorf("body has %q but must not", p)
		}
	}
}

// containsAll reports whether s contains every one of parts.
func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
