package jetpacktest

import (
	"html"
	"strings"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// Seed loads a conformance-suite seed and returns the CRM ID given to
// each seed contact key. What Jetpack CRM cannot hold is dropped: company
// invoices and quotes, and declined or expired quotes. A contact without
// PortalAccess gets the status "Refused" (outside the default portal
// statuses); a task is shared on the portal.
func (s *Server) Seed(seed connectortest.Seed) map[string]string {
	ids := map[string]string{}
	byKey := map[string]int{}
	for _, sc := range seed.Contacts {
		id := s.AddContact(seedContact(sc.Contact))
		byKey[sc.Contact.ID], ids[sc.Contact.ID] = id, itoa(id)
		for _, inv := range sc.Invoices {
			s.AddInvoice(seedInvoice(id, inv))
		}
		for _, q := range sc.Quotes {
			if sq, ok := seedQuote(id, q); ok {
				s.AddQuote(sq)
			}
		}
		for _, t := range sc.Transactions {
			s.AddTransaction(seedTransaction(id, t))
		}
		for _, t := range sc.Tasks {
			s.AddEvent(Event{ContactIDs: []int{id}, Title: t.Title, Desc: t.Description,
				Start: unix(t.Start), End: unix(t.End), Complete: t.Complete, ShowOnPortal: true})
		}
	}
	for _, co := range seed.Companies {
		c := co.Company
		var members []int
		for _, sc := range seed.Contacts {
			if sc.Contact.CompanyID == c.ID {
				members = append(members, byKey[sc.Contact.ID])
			}
		}
		ids[c.ID] = itoa(s.AddCompany(Company{Name: c.Name, Email: c.Email, Status: "Customer", Tel: c.Phone,
			Addr1: c.Address.Line1, Addr2: c.Address.Line2, City: c.Address.City, County: c.Address.Region,
			PostCode: c.Address.PostCode, Country: c.Address.Country, ContactIDs: members}))
	}
	return ids
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func seedContact(c connectors.Contact) Contact {
	status := c.Status
	if status == "" {
		status = "Lead"
	}
	if !c.PortalAccess {
		status = "Refused"
	}
	return Contact{Created: unix(c.CreatedAt), Updated: unix(c.UpdatedAt), Fields: map[string]string{
		"status": status, "email": c.Email, "prefix": c.Prefix, "fname": c.FirstName, "lname": c.LastName,
		"addr1": c.Address.Line1, "addr2": c.Address.Line2, "city": c.Address.City, "county": c.Address.Region,
		"postcode": c.Address.PostCode, "country": c.Address.Country,
		"secaddr_addr1": c.SecondAddress.Line1, "secaddr_addr2": c.SecondAddress.Line2,
		"secaddr_city": c.SecondAddress.City, "secaddr_county": c.SecondAddress.Region,
		"secaddr_postcode": c.SecondAddress.PostCode, "secaddr_country": c.SecondAddress.Country,
		"hometel": c.HomePhone, "worktel": c.WorkPhone, "mobtel": c.MobilePhone,
	}}
}

var invoiceStatuses = map[connectors.InvoiceStatus]string{
	connectors.InvoiceDraft: "Draft", connectors.InvoiceUnpaid: "Unpaid", connectors.InvoicePartiallyPaid: "Unpaid",
	connectors.InvoicePaid: "Paid", connectors.InvoiceOverdue: "Overdue", connectors.InvoiceVoid: "Deleted",
}

func seedInvoice(contactID int, inv connectors.Invoice) Invoice {
	return Invoice{
		ContactID: contactID, Ref: inv.Number, Status: invoiceStatuses[inv.Status], Currency: inv.Total.Currency,
		Date: unix(inv.IssuedAt), Due: unix(inv.DueAt), Paid: unix(inv.PaidAt),
		Net: inv.Subtotal.Decimal(), Discount: inv.Discount.Decimal(), Tax: inv.Tax.Decimal(), Total: inv.Total.Decimal(),
		Lines: seedLines(inv.Lines),
	}
}

func seedLines(lines []connectors.LineItem) []Line {
	var out []Line
	for _, l := range lines {
		out = append(out, Line{Title: l.Title, Desc: l.Description, Quantity: l.Quantity,
			Price: l.UnitPrice.Decimal(), Total: l.Total.Decimal()})
	}
	return out
}

// seedQuote maps a quote; false for the states the CRM has no place for.
func seedQuote(contactID int, q connectors.Quote) (Quote, bool) {
	out := Quote{ContactID: contactID, Ref: q.Number, Title: q.Title, Currency: q.Total.Currency,
		Value: q.Total.Decimal(), Date: unix(q.IssuedAt), Lines: seedLines(q.Lines),
		Content: "<p>" + html.EscapeString(q.Description) + "</p>", Notes: "Internal note: do not show " + q.Number}
	switch q.Status {
	case connectors.QuoteAccepted:
		out.Template, out.Accepted = 1, max(unix(q.DecidedAt), out.Date)
	case connectors.QuoteSent:
		out.Template = 1
	case connectors.QuoteDraft:
	default:
		return Quote{}, false
	}
	return out, true
}

var txnStatuses = map[connectors.TransactionStatus]string{
	connectors.TransactionSucceeded: "Succeeded", connectors.TransactionPending: "Pending",
	connectors.TransactionFailed: "Failed", connectors.TransactionRefunded: "Refunded",
}

func seedTransaction(contactID int, t connectors.Transaction) Transaction {
	typ, amount := "Sale", t.Amount
	if t.Kind == connectors.TransactionRefund {
		typ = "Refund"
	}
	amount.Minor = max(amount.Minor, -amount.Minor)
	return Transaction{ContactID: contactID, Ref: t.Reference, Status: txnStatuses[t.Status], Type: typ,
		Title: strings.TrimSpace(t.Title), Currency: t.Amount.Currency, Total: amount.Decimal(), Date: unix(t.Date)}
}
