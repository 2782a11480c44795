package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const smallData = `{"contacts":[{"email":"zoe@example.com","first_name":"Zoë","company":"X"},{"email":"sam@example.com"}],
"invoices":[
 {"number":"A","contact_email":"zoe@example.com","status":"paid"},
 {"number":"B","contact_email":"ZOE@example.com","status":"unpaid"},
 {"number":"C","contact_email":"zoe@example.com","status":"draft"},
 {"number":"D","contact_email":"sam@example.com","status":"unpaid"},
 {"number":"E","company":"X","status":"unpaid"}]}`

func writeFile(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPadData(t *testing.T) {
	in := writeFile(t, smallData)
	tests := []struct {
		email       string
		n, added, f int // f: the email's visible invoices after padding
	}{
		{"zoe@example.com", 10, 7, 10},
		{"Zoe@Example.com", 3, 0, 3},
		{"sam@example.com", 1, 0, 1},
		{"sam@example.com", 4, 3, 4},
	}
	for _, tt := range tests {
		out := filepath.Join(t.TempDir(), "out.json")
		added, err := padData(in, out, tt.email, tt.n)
		if err != nil || added != tt.added {
			t.Fatalf("padData(%s, %d) = %d, %v; want %d", tt.email, tt.n, added, err, tt.added)
		}
		raw, doc := readDoc(t, out)
		invoices := doc["invoices"].([]any)
		company, _ := contactCompany(doc, tt.email)
		if got := visibleInvoices(invoices, tt.email, company); got != tt.f {
			t.Errorf("%s has %d visible invoices, want %d", tt.email, got, tt.f)
		}
		if len(invoices) != 5+tt.added || !strings.Contains(string(raw), `"first_name":"Zoë"`) {
			t.Errorf("padding lost or duplicated data: %s", raw)
		}
	}
}

func TestPadDataRefusesBadInput(t *testing.T) {
	tests := []struct{ name, body, email, want string }{
		{"not JSON", `{`, "zoe@example.com", "unexpected end"},
		{"no such contact", smallData, "nobody@example.com", "no contact with email nobody@example.com"},
		{"invoices not a list", `{"contacts":[{"email":"a@b.c"}],"invoices":{}}`, "a@b.c", "not a list"},
		{"a list at the top", `[]`, "a@b.c", "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := padData(writeFile(t, tt.body), filepath.Join(t.TempDir(), "out"), tt.email, 3)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("padData = %v, want an error with %q", err, tt.want)
			}
		})
	}
	if _, err := padData(filepath.Join(t.TempDir(), "missing.json"), "x", "a@b.c", 1); err == nil {
		t.Error("padData read a missing file")
	}
}

func TestWriteClientsData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "clients.json")
	emails, err := writeClientsData(out, 3, 2)
	if err != nil || len(emails) != 3 || emails[2] != "client-000003@loadbench.example" {
		t.Fatalf("writeClientsData = %v, %v", emails, err)
	}
	raw, doc := readDoc(t, out)
	invoices := doc["invoices"].([]any)
	if len(doc["contacts"].([]any)) != 3 || len(invoices) != 6 || visibleInvoices(invoices, emails[1], "") != 2 {
		t.Errorf("data: %s", raw)
	}
	numbers := map[any]bool{}
	for _, inv := range invoices {
		numbers[inv.(map[string]any)["number"]] = true
	}
	if len(numbers) != 6 {
		t.Errorf("invoice numbers repeat: %v", numbers)
	}
}

// readDoc reads a JSON object from path.
func readDoc(t *testing.T, path string) ([]byte, map[string]any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return raw, doc
}
