package main

import (
	"context"
	"fmt"
	"time"

	"clientgate/connectors"
)

// synthCRM is a connector that makes up a contact and its invoices from
// the contact ID on every read, and holds nothing itself: behind the
// cache, everything the process holds for contacts is then the cache's.
// Only the two reads the warm invoices page makes exist; the embedded
// nil Connector panics on any other call.
type synthCRM struct {
	connectors.Connector
	invoices int
}

// GetContact returns a contact made up from id.
func (s synthCRM) GetContact(_ context.Context, id string) (connectors.Contact, error) {
	at := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	return connectors.Contact{
		ID: id, Email: "client-" + id + "@loadbench.example", FirstName: "Client", LastName: id, Status: "Customer",
		WorkPhone: "+49 30 1234567", MobilePhone: "+49 151 2345678", Locale: "de-DE", PortalAccess: true,
		Address:   connectors.Address{Line1: "Torstraße 12", City: "Berlin", PostCode: "10119", Country: "DE"},
		CreatedAt: at, UpdatedAt: at,
	}, nil
}

// ListInvoices returns s.invoices invoices like those of extraInvoice
// (two lines each) for the scope's contact, on one page.
func (s synthCRM) ListInvoices(_ context.Context, sc connectors.Scope, _ connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
	eur := func(minor int64) connectors.Money { return connectors.Money{Minor: minor, Currency: "EUR"} }
	issued := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	page := connectors.Page[connectors.Invoice]{Items: make([]connectors.Invoice, s.invoices)}
	for i := range page.Items {
		page.Items[i] = connectors.Invoice{
			ID: fmt.Sprintf("%s-%d", sc.ContactID, i), Number: fmt.Sprintf("C%s-%03d", sc.ContactID, i+1),
			Status: connectors.InvoiceUnpaid, IssuedAt: issued, DueAt: issued.AddDate(0, 0, 30),
			Subtotal: eur(171000), Tax: eur(32490), Total: eur(203490), AmountDue: eur(203490),
			PayURL: "https://pay.example.com/northwind/" + sc.ContactID, Notes: "Thank you for your business.",
			Lines: []connectors.LineItem{
				{Title: "Brand workshop", Description: "One-day workshop with your team", Quantity: "1", UnitPrice: eur(120000), Total: eur(120000)},
				{Title: "Logo refinements", Description: "Hours", Quantity: "6", UnitPrice: eur(8500), Total: eur(51000)},
			},
		}
	}
	return page, nil
}
