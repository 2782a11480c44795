package connectortest

import (
	"testing"

	"clientgate/connectors"
)

// Seed is the data a harness loads into a fresh backend before a test.
// IDs inside it are keys for linking only (a contact's CompanyID names a
// SeedCompany's Company.ID); the backend assigns its own IDs, and the
// suite finds items again by their Number (invoices, quotes), Reference
// (transactions) or Title (tasks), which are unique within a Seed.
type Seed struct {
	Companies []SeedCompany
	Contacts  []SeedContact
}

// SeedCompany is a company and the items that belong to it rather than to
// one of its contacts.
type SeedCompany struct {
	Company  connectors.Company
	Invoices []connectors.Invoice
	Quotes   []connectors.Quote
}

// SeedContact is a contact and their own items.
type SeedContact struct {
	Contact      connectors.Contact
	Invoices     []connectors.Invoice
	Quotes       []connectors.Quote
	Transactions []connectors.Transaction
	Tasks        []connectors.Task
}

// Harness builds the connector under test.
type Harness interface {
	// Open returns a Connector over a fresh, empty backend loaded with
	// exactly seed, and registers its cleanup with t.Cleanup. Items the
	// backend cannot hold (for example company invoices where the
	// connector lacks CompanyItems) may be dropped.
	Open(t *testing.T, seed Seed) connectors.Connector
}

// HarnessFunc adapts a function to Harness.
type HarnessFunc func(t *testing.T, seed Seed) connectors.Connector

// Open calls f.
func (f HarnessFunc) Open(t *testing.T, seed Seed) connectors.Connector { return f(t, seed) }
