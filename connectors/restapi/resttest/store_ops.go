package resttest

import (
	"slices"
	"strings"
	"time"

	"clientgate/connectors"
)

// filter returns the records matching keep, newest first by when.
func filter[T any](all []T, keep func(T) bool, when func(T) time.Time) []T {
	var out []T
	for _, r := range all {
		if keep(r) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b T) int { return when(b).Compare(when(a)) })
	return out
}

// find returns a copy of the record with the given ID.
func find[T any](all []T, id func(T) string, want string) (T, bool) {
	for _, r := range all {
		if id(r) == want {
			return r, true
		}
	}
	var zero T
	return zero, false
}

// ContactsByEmail returns the contacts whose email matches, ignoring case.
func (s *Store) ContactsByEmail(email string) []connectors.Contact {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []connectors.Contact
	for _, c := range s.contacts {
		if email != "" && strings.EqualFold(c.Email, email) {
			out = append(out, c)
		}
	}
	return out
}

// Contact returns a contact by ID.
func (s *Store) Contact(id string) (connectors.Contact, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return find(s.contacts, func(c connectors.Contact) string { return c.ID }, id)
}

// CreateContact stores a new contact.
func (s *Store) CreateContact(c connectors.Contact) connectors.Contact {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.ID = s.newID()
	c.CreatedAt = time.Now().UTC().Truncate(time.Second)
	c.UpdatedAt = c.CreatedAt
	c.PortalAccess = true
	s.contacts = append(s.contacts, c)
	return c
}

// UpdateContact applies change to a contact and returns it.
func (s *Store) UpdateContact(id string, change func(*connectors.Contact)) (connectors.Contact, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.contacts {
		if s.contacts[i].ID == id {
			change(&s.contacts[i])
			s.contacts[i].UpdatedAt = time.Now().UTC().Truncate(time.Second)
			return s.contacts[i], true
		}
	}
	return connectors.Contact{}, false
}

// Company returns a company by ID.
func (s *Store) Company(id string) (connectors.Company, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return find(s.companies, func(c connectors.Company) string { return c.ID }, id)
}

// owns reports whether an item of contactID/companyID is in the asked
// scope; everyone means no filter at all.
func owns(contactID, companyID, askContact, askCompany string, everyone bool) bool {
	return everyone || (askContact != "" && contactID == askContact) || (askCompany != "" && companyID == askCompany)
}

// listInvoices lists invoices (drafts included) of a contact or company.
func (s *Store) listInvoices(contactID, companyID string, everyone bool) []invoiceRec {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filter(s.invoices, func(r invoiceRec) bool {
		return owns(r.ContactID, r.CompanyID, contactID, companyID, everyone)
	}, func(r invoiceRec) time.Time { return r.IssuedAt })
}

// getInvoice returns an invoice by ID, whoever it belongs to.
func (s *Store) getInvoice(id string) (invoiceRec, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return find(s.invoices, func(r invoiceRec) string { return r.ID }, id)
}

// listQuotes lists quotes (drafts included) of a contact or company.
func (s *Store) listQuotes(contactID, companyID string, everyone bool) []quoteRec {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filter(s.quotes, func(r quoteRec) bool {
		return owns(r.ContactID, r.CompanyID, contactID, companyID, everyone)
	}, func(r quoteRec) time.Time { return r.IssuedAt })
}

// getQuote returns a quote by ID, whoever it belongs to.
func (s *Store) getQuote(id string) (quoteRec, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return find(s.quotes, func(r quoteRec) string { return r.ID }, id)
}

// decide sets a sent quote's status; ok is false when the quote is
// missing or not sent (a repeated identical decision is accepted).
func (s *Store) decide(id string, st connectors.QuoteStatus, at time.Time) (quoteRec, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.quotes {
		q := &s.quotes[i]
		if q.ID != id {
			continue
		}
		if q.Status == st {
			return *q, true
		}
		if q.Status != connectors.QuoteSent {
			return *q, false
		}
		q.Status, q.DecidedAt = st, at.UTC().Truncate(time.Second)
		return *q, true
	}
	return quoteRec{}, false
}

// listTransactions lists a contact's transactions, newest first.
func (s *Store) listTransactions(contactID string, everyone bool) []txnRec {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filter(s.txns, func(r txnRec) bool { return owns(r.ContactID, "", contactID, "", everyone) },
		func(r txnRec) time.Time { return r.Date })
}

// listTasks lists a contact's tasks, latest start first.
func (s *Store) listTasks(contactID string, everyone bool) []taskRec {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filter(s.tasks, func(r taskRec) bool { return owns(r.ContactID, "", contactID, "", everyone) },
		func(r taskRec) time.Time { return r.Start })
}

// getTask returns a task by ID.
func (s *Store) getTask(id string) (taskRec, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return find(s.tasks, func(r taskRec) string { return r.ID }, id)
}

// pageOf cuts items[from:from+size], bounded.
func pageOf[T any](items []T, from, size int) []T {
	from = max(from, 0)
	if from >= len(items) {
		return []T{}
	}
	return items[from:min(from+size, len(items))]
}
