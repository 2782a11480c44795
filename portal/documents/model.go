package documents

import (
	"strings"

	"clientgate/connectors"
)

// Seller is the business that issues the documents (config's business
// section).
type Seller struct {
	// Name is the legal name.
	Name string
	// Address is the postal address, one line per line.
	Address string
	// TaxID is the tax or VAT number; Registration the company
	// registration number.
	TaxID        string
	Registration string
	Email        string
	Phone        string
	Website      string
	// PaymentInstructions are bank details or other ways to pay, one
	// line per line.
	PaymentInstructions string
}

// Buyer is who a document is addressed to.
type Buyer struct {
	// Name is the company's name for a company's item, else the contact's.
	Name string
	// Attention is the contact person when the buyer is a company.
	Attention string
	Address   connectors.Address
	TaxID     string
}

// BuyerFor returns who an item is billed to: the company when the item
// belongs to the contact's company (companyID set and the company known),
// with the contact as the person to the attention of; else the contact.
func BuyerFor(contact connectors.Contact, company connectors.Company, companyID string) Buyer {
	if companyID != "" && company.ID == companyID && strings.TrimSpace(company.Name) != "" {
		return Buyer{Name: company.Name, Attention: contact.Name(), Address: company.Address, TaxID: company.TaxID}
	}
	return Buyer{Name: contact.Name(), Address: contact.Address, TaxID: contact.TaxID}
}

// Document is an invoice or a quote as printed, every text formatted.
type Document struct {
	// Title is the document's name and number, such as "Invoice
	// INV-0042", for the PDF's metadata and the page title.
	Title string
	// Heading is the big word at the top, such as "Invoice".
	Heading string
	Number  string
	// Subject is a quote's title, printed under the heading.
	Subject string
	// Meta are the facts beside the heading: dates, status, currency.
	Meta []Field
	// Seller and Buyer are the two parties' blocks.
	Seller Party
	Buyer  Party
	// Columns are the line table's headings; each Row has a cell for
	// each.
	Columns [5]string
	Rows    []Row
	// Summary are the totals under the table: subtotal, discount, tax per
	// rate, total, amount paid, amount due. The Strong one is the amount to
	// pay.
	Summary []Field
	// Sections are the texts after the totals: notes, payment
	// instructions.
	Sections []Section
	// Footer is printed at the bottom of every page, before the page
	// number.
	Footer string
	// PageLabel formats "Page 1 of 2"; it holds %d twice.
	PageLabel string
	// Language is the document's BCP 47 language, for the PDF.
	Language string
}

// Field is a label and its value.
type Field struct {
	Label, Value string
	Strong       bool
}

// Party is a block naming a party: a caption ("From", "Bill to"), the
// name, and the lines under it.
type Party struct {
	Caption string
	Name    string
	Lines   []string
}

// Row is one line item: its title, description, quantity, unit price,
// tax rate and amount, formatted.
type Row struct {
	Title, Description                   string
	Quantity, UnitPrice, TaxRate, Amount string
}

// Section is a titled text.
type Section struct {
	Title, Text string
}
