package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestBareEngineServesTheHTMLPage(t *testing.T) {
	rec := httptest.NewRecorder()
	bareEngine(samplePage(10)).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/clients/invoices", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	body := rec.Body.String()
	n, err := checkRows(rec.Body.Bytes())
	if err != nil || n != 10 {
		t.Fatalf("checkRows = %d, %v; want 10 rows", n, err)
	}
	for _, want := range []string{"INV-2026-004", "5 Jan 2026", "4 Feb 2026", "€2034.90", "Zoë Ångström-Müller", `aria-current="page"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestCheckRows(t *testing.T) {
	tests := []struct {
		body    string
		rows    int
		wantErr string
	}{
		{"<!doctype html><html><table><tbody><tr><td>1</td></tr>\n<tr class=\"x\"><td>2</td></tr></tbody></table>", 2, ""},
		{"<html><table><tbody></tbody></table>", 0, ""},
		{`<html><table role="table"><tbody role="rowgroup"><tr role="row"><td>1</td></tr></tbody></table>`, 1, ""},
		{"<html><p>There are no invoices yet.</p>", 0, "no table"},
		{`{"items":[]}`, 0, "not an HTML page"},
		{"", 0, "not an HTML page"},
	}
	for _, tt := range tests {
		n, err := checkRows([]byte(tt.body))
		if tt.wantErr == "" {
			if err != nil || n != tt.rows {
				t.Errorf("checkRows(%q) = %d, %v; want %d", tt.body, n, err, tt.rows)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("checkRows(%q) error = %v, want %q", tt.body, err, tt.wantErr)
		}
	}
}
