package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// padData reads the import file at path and writes to out a copy in which
// the contact with email sees n invoices (its own that are not drafts and
// its company's, which the portal shows by default), adding invoices like those of samplePage, so that (b) answers a page as
// large as (a) and (c). It returns how many invoices it added.
func padData(path, out, email string, n int) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("data: %w", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return 0, fmt.Errorf("data: %s: %w", path, err)
	}
	invoices, ok := doc["invoices"].([]any)
	if doc["invoices"] != nil && !ok {
		return 0, fmt.Errorf("data: %s: invoices is not a list", path)
	}
	company, ok := contactCompany(doc, email)
	if !ok {
		return 0, fmt.Errorf("data: %s has no contact with email %s", path, email)
	}
	added := 0
	for i := visibleInvoices(invoices, email, company); i < n; i++ {
		added++
		invoices = append(invoices, extraInvoice(email, fmt.Sprintf("LB-%03d", added)))
	}
	doc["invoices"] = invoices
	padded, err := json.Marshal(doc)
	if err != nil {
		return 0, err
	}
	return added, os.WriteFile(out, padded, 0o600)
}

// contactCompany returns the company of the document's contact with
// email ("" for none), and whether there is such a contact.
func contactCompany(doc map[string]any, email string) (string, bool) {
	contacts, _ := doc["contacts"].([]any)
	for _, c := range contacts {
		if m, ok := c.(map[string]any); ok && strings.EqualFold(fmt.Sprint(m["email"]), email) {
			company, _ := m["company"].(string)
			return company, true
		}
	}
	return "", false
}

// visibleInvoices counts the invoices that the portal shows the contact
// with email and company ("" for none): its own, drafts left out, and its
// company's.
func visibleInvoices(invoices []any, email, company string) int {
	n := 0
	for _, inv := range invoices {
		m, ok := inv.(map[string]any)
		if !ok || m["status"] == "draft" {
			continue
		}
		own := strings.EqualFold(fmt.Sprint(m["contact_email"]), email)
		if own || (company != "" && m["company"] == company) {
			n++
		}
	}
	return n
}

// extraInvoice is an unpaid invoice of email in the import file format.
func extraInvoice(email, number string) map[string]any {
	line := func(title, desc, qty, price, total string) map[string]any {
		return map[string]any{"title": title, "description": desc, "quantity": qty, "unit_price": price, "total": total}
	}
	return map[string]any{
		"number": number, "contact_email": email, "status": "unpaid",
		"issued_at": "2026-01-05T09:00:00Z", "due_at": "2026-02-04T00:00:00Z", "currency": "EUR",
		"subtotal": "1710.00", "discount": "0.00", "tax": "324.90", "total": "2034.90", "amount_due": "2034.90",
		"pay_url": "https://pay.example.com/northwind/LB", "notes": "Thank you for your business.",
		"lines": []any{
			line("Brand workshop", "One-day workshop with your team", "1", "1200.00", "1200.00"),
			line("Logo refinements", "Hours", "6", "85.00", "510.00"),
		},
	}
}

// writeClientsData writes to out an import file of n contacts with
// invoices invoices each and returns their emails.
func writeClientsData(out string, n, invoices int) ([]string, error) {
	emails := make([]string, n)
	contacts := make([]any, n)
	var all []any
	for i := range n {
		emails[i] = fmt.Sprintf("client-%06d@loadbench.example", i+1)
		contacts[i] = map[string]any{"email": emails[i], "first_name": "Client", "last_name": fmt.Sprint(i + 1),
			"status": "Customer", "portal_access": true}
		for j := range invoices {
			all = append(all, extraInvoice(emails[i], fmt.Sprintf("C%06d-%03d", i+1, j+1)))
		}
	}
	raw, err := json.Marshal(map[string]any{"contacts": contacts, "invoices": all})
	if err != nil {
		return nil, err
	}
	return emails, os.WriteFile(out, raw, 0o600)
}
