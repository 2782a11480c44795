package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
)

// bareBody renders the bare page of samplePage(n).
func bareBody(t *testing.T, n int) string {
	t.Helper()
	rec := httptest.NewRecorder()
	bareEngine(samplePage(n)).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/clients/invoices", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	return rec.Body.String()
}

func TestBareEngineServesTheHTMLPage(t *testing.T) {
	body := bareBody(t, 10)
	n, err := checkRows([]byte(body))
	if err != nil || n != 10 {
		t.Fatalf("checkRows = %d, %v; want 10 rows", n, err)
	}
	for _, want := range []string{
		`<html lang="de"`, "INV-2026-004", "05.01.2026", "04.02.2026", "2.034,90\u00a0€", "Dr Zoë Ångström-Müller",
		`<a href="/clients/invoices" aria-current="page">Rechnungen</a>`, `<td role="cell" data-label="Fällig">`,
		`<span class="badge badge-unpaid">Offen</span>`, `value="de" lang="de" aria-current="true">Deutsch</button>`,
		`aria-label="So erreichen Sie Client portal"`, `<meta name="csrf-token" content="ccc`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// conditionalClasses are classes of clientgate's layout and invoices
// page that the benchmark's page does not show: banners, an address, an
// empty list.
var conditionalClasses = map[string]bool{
	"banner banner-ok": true, "banner banner-stale": true, "prewrap": true, "empty": true,
}

var classRe = regexp.MustCompile(`class="([^"{]*)"`)

func TestBarePageHasClientgatesMarkup(t *testing.T) {
	body := bareBody(t, 3)
	for _, f := range []string{"../../portal/templates/layout.html", "../../portal/templates/invoices.html"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range classRe.FindAllStringSubmatch(string(raw), -1) {
			if !conditionalClasses[m[1]] && !strings.Contains(body, m[0]) {
				t.Errorf("bare page lacks %s of %s", m[0], f)
			}
		}
	}
}

func TestGermanMoney(t *testing.T) {
	tests := []struct {
		minor int64
		want  string
	}{
		{203490, "2.034,90\u00a0€"},
		{5, "0,05\u00a0€"},
		{99999, "999,99\u00a0€"},
		{123456789, "1.234.567,89\u00a0€"},
		{-65450, "-654,50\u00a0€"},
	}
	for _, tt := range tests {
		if got := germanMoney(tt.minor); got != tt.want {
			t.Errorf("germanMoney(%d) = %q, want %q", tt.minor, got, tt.want)
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
