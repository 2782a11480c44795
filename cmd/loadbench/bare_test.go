package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestBareEngineServesThePage(t *testing.T) {
	e := bareEngine(samplePage(10))
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/invoices", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	n, err := checkItems(rec.Body.Bytes())
	if err != nil || n != 10 {
		t.Fatalf("checkItems = %d, %v; want 10 items", n, err)
	}
	var page invoicePage
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
		t.Fatal(err)
	}
	if got := page.Items[3]; got.Number != "INV-2026-004" || len(got.Lines) != 2 || got.Total.Display != "€2034.90" {
		t.Errorf("item 3 = %+v", got)
	}
}

func TestBareEngineUnknownPath(t *testing.T) {
	rec := httptest.NewRecorder()
	bareEngine(samplePage(1)).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/quotes", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("status %d, want 404", rec.Code)
	}
}

// BenchmarkInvoicePageJSON encodes a page of ten invoices, the encoding
// work of one /api/v1/invoices answer.
func BenchmarkInvoicePageJSON(b *testing.B) {
	page := samplePage(10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(page); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareGinHandler is target (a) without the network.
func BenchmarkBareGinHandler(b *testing.B) { benchBare(b, "/api/v1/invoices") }

// BenchmarkBareHTMLHandler is target (h), the bare html/template page,
// without the network.
func BenchmarkBareHTMLHandler(b *testing.B) { benchBare(b, "/clients/invoices") }

// benchBare serves path of the bare engine b.N times.
func benchBare(b *testing.B, path string) {
	e := bareEngine(samplePage(10))
	req := httptest.NewRequest(http.MethodGet, path, nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkCheckItems is the load generator's own check of one answer.
func BenchmarkCheckItems(b *testing.B) {
	body, err := json.Marshal(samplePage(10))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checkItems(body); err != nil {
			b.Fatal(err)
		}
	}
}
