package resttest

import (
	"crypto/subtle"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// Dolibarr answers like the REST API module of Dolibarr ERP & CRM
// (/api/index.php), in the shapes of its API classes (api_contacts,
// api_thirdparties, api_invoices, api_proposals, and
// CommonInvoice::getListOfPayments for an invoice's payments): records as flat
// objects with every number as a string and amounts with eight decimals,
// dates as unix seconds, the DOLAPIKEY header, page numbers from 0
// without a total, and 404 for an empty list.
//
// A portal client is a contact (socpeople, /contacts) belonging to a third
// party (socid). Invoices and proposals belong to a third party; those of
// one person carry that contact in contacts_ids (the external contacts
// the API adds to every invoice and proposal). A seeded contact without a
// company has no third party; its own items are on a private third party
// it is not a contact of.
type Dolibarr struct {
	// URL is the server's root; the API lives under /api/index.php.
	URL string
	// APIKey is the key every request must carry in DOLAPIKEY.
	APIKey string
	// Store holds the data.
	Store *Store
}

// NewDolibarr starts a Dolibarr server loaded with seed and closes it when
// t ends.
func NewDolibarr(t testing.TB, seed connectortest.Seed) *Dolibarr {
	d := &Dolibarr{APIKey: randomHex(), Store: NewStore(seed, "%d")}
	srv := httptest.NewServer(d.routes())
	t.Cleanup(srv.Close)
	d.URL = srv.URL
	return d
}

func (d *Dolibarr) routes() http.Handler {
	mux := http.NewServeMux()
	const api = "/api/index.php"
	mux.HandleFunc("GET "+api+"/status", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"success": map[string]any{"code": 200, "dolibarr_version": "20.0.2", "access_locked": "0"}})
	})
	mux.HandleFunc("GET "+api+"/contacts", d.listContacts)
	mux.HandleFunc("GET "+api+"/contacts/{id}", d.getContact)
	mux.HandleFunc("PUT "+api+"/contacts/{id}", d.putContact)
	mux.HandleFunc("POST "+api+"/contacts", d.postContact)
	mux.HandleFunc("GET "+api+"/thirdparties/{id}", d.getThirdparty)
	mux.HandleFunc("GET "+api+"/invoices", d.listInvoices)
	mux.HandleFunc("GET "+api+"/invoices/{id}", d.getInvoice)
	mux.HandleFunc("GET "+api+"/invoices/{id}/payments", d.invoicePayments)
	mux.HandleFunc("POST "+api+"/invoices/paymentsdistributed", d.addPaymentDistributed)
	mux.HandleFunc("GET "+api+"/proposals", d.listProposals)
	mux.HandleFunc("GET "+api+"/proposals/{id}", d.getProposal)
	mux.HandleFunc("POST "+api+"/proposals/{id}/close", d.closeProposal)
	return d.keyed(mux)
}

func (d *Dolibarr) keyed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("DOLAPIKEY")), []byte(d.APIKey)) != 1 {
			dolError(w, http.StatusUnauthorized, "Unauthorized: Access denied")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// dolError answers as Restler does.
func dolError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]any{"error": map[string]any{"code": code, "message": msg}})
}

// dolPage answers one page of a Dolibarr list: limit and page (from 0)
// parameters, no total, 404 when the page is empty.
func dolPage[T any](w http.ResponseWriter, r *http.Request, what string, items []T, render func(T) map[string]any) {
	limit, ok := intParam(r, "limit", 100)
	page, okp := intParam(r, "page", 0)
	if !ok || !okp || limit < 1 {
		dolError(w, http.StatusBadRequest, "Bad value for parameter limit or page")
		return
	}
	out := []any{}
	for _, it := range pageOf(items, page*limit, limit) {
		out = append(out, render(it))
	}
	if len(out) == 0 {
		dolError(w, http.StatusNotFound, "No "+what+" found")
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// amount writes minor units as Dolibarr's eight-decimal strings.
func amount(minor int64, cur string) string {
	dec := moneyDecimal(minor, cur)
	if !strings.Contains(dec, ".") {
		dec += "."
	}
	whole, frac, _ := strings.Cut(dec, ".")
	return whole + "." + (frac + "00000000")[:8]
}

// socid is the third party an item is on: its company, else the
// company of its contact, else that contact's private third party.
func (d *Dolibarr) socid(contactID, companyID string) string {
	if companyID != "" {
		return companyID
	}
	if c, ok := d.Store.Contact(contactID); ok && c.CompanyID != "" {
		return c.CompanyID
	}
	return "9" + contactID
}

// contactsIDs is the contacts_ids array of an item.
func contactsIDs(contactID string) []any {
	if contactID == "" {
		return []any{}
	}
	return []any{contactID}
}

// dolDate writes a time as Dolibarr does: unix seconds, "" when unset.
func dolDate(t time.Time) any {
	if t.IsZero() {
		return ""
	}
	return t.Unix()
}

func moneyDecimal(minor int64, cur string) string {
	return connectors.Money{Minor: minor, Currency: cur}.Decimal()
}
