package resttest

import (
	"fmt"
	"sync"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// Owned items carry the contact (and company) they belong to.
type (
	invoiceRec struct {
		connectors.Invoice
		ContactID string
	}
	quoteRec struct {
		connectors.Quote
		ContactID string
	}
	txnRec struct {
		connectors.Transaction
		ContactID string
	}
	taskRec struct {
		connectors.Task
		ContactID string
	}
)

// Store is the in-memory CRM both servers answer from. It is safe for
// concurrent use.
type Store struct {
	mu        sync.Mutex
	idFormat  string // such as "ct_%d" or "%d"
	next      int
	companies []connectors.Company
	contacts  []connectors.Contact
	invoices  []invoiceRec
	quotes    []quoteRec
	txns      []txnRec
	tasks     []taskRec
	// payments are those recorded through the API, by invoice ID.
	payments map[string][]paymentRec
}

// NewStore returns a store loaded with seed. IDs are made from idFormat
// (one %d verb) and a counter; the seed's company keys are translated.
func NewStore(seed connectortest.Seed, idFormat string) *Store {
	s := &Store{idFormat: idFormat}
	companyIDs := map[string]string{}
	for _, sc := range seed.Companies {
		co := sc.Company
		co.ID = s.newID()
		companyIDs[sc.Company.ID] = co.ID
		s.companies = append(s.companies, co)
		for _, inv := range sc.Invoices {
			inv.ID, inv.CompanyID = s.newID(), co.ID
			s.invoices = append(s.invoices, invoiceRec{Invoice: inv})
		}
		for _, q := range sc.Quotes {
			q.ID, q.CompanyID = s.newID(), co.ID
			s.quotes = append(s.quotes, quoteRec{Quote: q})
		}
	}
	for _, sc := range seed.Contacts {
		ct := sc.Contact
		ct.ID, ct.CompanyID = s.newID(), companyIDs[ct.CompanyID]
		s.contacts = append(s.contacts, ct)
		s.loadItems(ct.ID, sc)
	}
	return s
}

func (s *Store) loadItems(contactID string, sc connectortest.SeedContact) {
	for _, inv := range sc.Invoices {
		inv.ID, inv.CompanyID = s.newID(), ""
		s.invoices = append(s.invoices, invoiceRec{Invoice: inv, ContactID: contactID})
	}
	for _, q := range sc.Quotes {
		q.ID, q.CompanyID = s.newID(), ""
		s.quotes = append(s.quotes, quoteRec{Quote: q, ContactID: contactID})
	}
	for _, tx := range sc.Transactions {
		tx.ID = s.newID()
		s.txns = append(s.txns, txnRec{Transaction: tx, ContactID: contactID})
	}
	for _, tk := range sc.Tasks {
		tk.ID = s.newID()
		s.tasks = append(s.tasks, taskRec{Task: tk, ContactID: contactID})
	}
}

func (s *Store) newID() string {
	s.next++
	return fmt.Sprintf(s.idFormat, s.next)
}
