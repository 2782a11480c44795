package portal

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// benchPage measures serving one page for the owner over the fake CRM.
func benchPage(b *testing.B, path string) {
	e := newEnv(b, nil)
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.Header.Set(hdrContact, "ann")
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

func BenchmarkDashboardPage(b *testing.B) { benchPage(b, "/clients/") }
func BenchmarkInvoicePage(b *testing.B)   { benchPage(b, "/clients/invoices/inv1") }
func BenchmarkInvoicesAPI(b *testing.B)   { benchPage(b, "/api/v1/invoices") }
