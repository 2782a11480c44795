package importfile

import (
	"fmt"
	"strconv"

	"clientgate/connectors"
)

// Data is a parsed import file. Items refer to each other by natural keys
// (contact email, company name, invoice number); Store.Import resolves
// them.
type Data struct {
	Companies    []Company
	Contacts     []Contact
	Invoices     []Invoice
	Quotes       []Quote
	Transactions []Transaction
	Tasks        []Task
}

// Company is one entry of "companies".
type Company struct {
	Company connectors.Company
	Pos     Pos
}

// Contact is one entry of "contacts". Contact.CompanyID is unset; Company
// names the company instead.
type Contact struct {
	Contact connectors.Contact
	Company string
	Pos     Pos
}

// Invoice is one entry of "invoices", owned by the contact with
// ContactEmail or by the company named Company (exactly one is set).
type Invoice struct {
	Invoice      connectors.Invoice
	ContactEmail string
	Company      string
	Pos          Pos
}

// Quote is one entry of "quotes", owned like an Invoice.
type Quote struct {
	Quote        connectors.Quote
	ContactEmail string
	Company      string
	Pos          Pos
}

// Transaction is one entry of "transactions"; InvoiceNumber optionally
// names the invoice it paid.
type Transaction struct {
	Transaction   connectors.Transaction
	ContactEmail  string
	InvoiceNumber string
	Pos           Pos
}

// Task is one entry of "tasks".
type Task struct {
	Task         connectors.Task
	ContactEmail string
	Pos          Pos
}

// Pos says where an item was in the file, so that problems found later
// (such as a reference Store.Import cannot resolve) can name the field
// and line.
type Pos struct {
	// Section is the top-level array, such as "invoices".
	Section string
	// Index is the item's index in the array.
	Index int
	// Line is the line of the item's opening brace.
	Line  int
	lines map[string]int
}

// Problem returns a Problem with one of the item's fields, at the line of
// its value (or of the item when the field is absent).
func (p Pos) Problem(field, format string, args ...any) Problem {
	line, ok := p.lines[field]
	if !ok {
		line = p.Line
	}
	return Problem{Path: p.Section + "[" + strconv.Itoa(p.Index) + "]." + field, Line: line,
		Message: fmt.Sprintf(format, args...)}
}

// Summary counts the items of each kind written by an import.
type Summary struct {
	Contacts, Companies, Invoices, Quotes, Transactions, Tasks int
}

// String reports the counts, such as "2 contacts, 1 company, 3 invoices,
// 1 quote, 2 transactions, 0 tasks".
func (s Summary) String() string {
	return fmt.Sprintf("%s, %s, %s, %s, %s, %s",
		plural(s.Contacts, "contact"), plural(s.Companies, "company"), plural(s.Invoices, "invoice"),
		plural(s.Quotes, "quote"), plural(s.Transactions, "transaction"), plural(s.Tasks, "task"))
}

func plural(n int, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case noun == "company":
		return strconv.Itoa(n) + " companies"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
