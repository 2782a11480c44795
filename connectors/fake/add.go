package fake

import (
	"slices"
	"time"

	"clientgate/connectors"
)

// AddCompany stores a company, assigning an ID when c.ID is empty, and
// returns it as stored.
func (f *Connector) AddCompany(c connectors.Company) connectors.Company {
	if c.ID == "" {
		c.ID = newID("co")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.companies[c.ID] = c
	return c
}

// AddContact stores a contact, assigning an ID when c.ID is empty, and
// returns it as stored (times in UTC).
func (f *Connector) AddContact(c connectors.Contact) connectors.Contact {
	if c.ID == "" {
		c.ID = newID("ct")
	}
	c.CreatedAt, c.UpdatedAt = utc(c.CreatedAt), utc(c.UpdatedAt)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.contacts[c.ID] = c
	return c
}

// AddInvoice stores an invoice of contact contactID and returns it as
// stored.
func (f *Connector) AddInvoice(contactID string, inv connectors.Invoice) connectors.Invoice {
	inv = normInvoice(inv)
	inv.CompanyID = ""
	f.mu.Lock()
	defer f.mu.Unlock()
	f.invoices = append(f.invoices, owned[connectors.Invoice]{contactID: contactID, item: inv})
	return copyInvoice(inv)
}

// AddCompanyInvoice stores an invoice of company companyID and returns it
// as stored.
func (f *Connector) AddCompanyInvoice(companyID string, inv connectors.Invoice) connectors.Invoice {
	inv = normInvoice(inv)
	inv.CompanyID = companyID
	f.mu.Lock()
	defer f.mu.Unlock()
	f.invoices = append(f.invoices, owned[connectors.Invoice]{companyID: companyID, item: inv})
	return copyInvoice(inv)
}

// AddQuote stores a quote of contact contactID and returns it as stored.
func (f *Connector) AddQuote(contactID string, q connectors.Quote) connectors.Quote {
	q = normQuote(q)
	q.CompanyID = ""
	f.mu.Lock()
	defer f.mu.Unlock()
	f.quotes = append(f.quotes, owned[connectors.Quote]{contactID: contactID, item: q})
	return copyQuote(q)
}

// AddCompanyQuote stores a quote of company companyID and returns it as
// stored.
func (f *Connector) AddCompanyQuote(companyID string, q connectors.Quote) connectors.Quote {
	q = normQuote(q)
	q.CompanyID = companyID
	f.mu.Lock()
	defer f.mu.Unlock()
	f.quotes = append(f.quotes, owned[connectors.Quote]{companyID: companyID, item: q})
	return copyQuote(q)
}

// AddTransaction stores a transaction of contact contactID and returns it
// as stored.
func (f *Connector) AddTransaction(contactID string, t connectors.Transaction) connectors.Transaction {
	if t.ID == "" {
		t.ID = newID("tx")
	}
	t.Date = utc(t.Date)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.txns = append(f.txns, owned[connectors.Transaction]{contactID: contactID, item: t})
	return t
}

// AddTask stores a task shared with contact contactID and returns it as
// stored.
func (f *Connector) AddTask(contactID string, t connectors.Task) connectors.Task {
	if t.ID == "" {
		t.ID = newID("task")
	}
	t.Start, t.End = utc(t.Start), utc(t.End)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tasks = append(f.tasks, owned[connectors.Task]{contactID: contactID, item: t})
	return t
}

func normInvoice(inv connectors.Invoice) connectors.Invoice {
	if inv.ID == "" {
		inv.ID = newID("inv")
	}
	inv.IssuedAt, inv.DueAt, inv.PaidAt = utc(inv.IssuedAt), utc(inv.DueAt), utc(inv.PaidAt)
	return copyInvoice(inv)
}

func normQuote(q connectors.Quote) connectors.Quote {
	if q.ID == "" {
		q.ID = newID("q")
	}
	q.IssuedAt, q.ValidUntil, q.DecidedAt = utc(q.IssuedAt), utc(q.ValidUntil), utc(q.DecidedAt)
	return copyQuote(q)
}

// utc returns t in UTC, keeping the zero time zero.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

func copyInvoice(inv connectors.Invoice) connectors.Invoice {
	inv.Lines = slices.Clone(inv.Lines)
	return inv
}

func copyQuote(q connectors.Quote) connectors.Quote {
	q.Lines = slices.Clone(q.Lines)
	return q
}
