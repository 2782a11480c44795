package jetpacktest

import (
	"slices"
	"strings"
)

// next returns the next auto-increment ID of a table.
func (s *Server) next(table string) int {
	s.lastID[table]++
	return s.lastID[table]
}

func (s *Server) contactByID(id int) *Contact {
	for _, c := range s.contacts {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// contactByEmail matches ignoring case, like the utf8_general_ci column.
func (s *Server) contactByEmail(email string) *Contact {
	email = strings.TrimSpace(email)
	for _, c := range s.contacts {
		if email != "" && strings.EqualFold(c.get("email"), email) {
			return c
		}
	}
	return nil
}

func (s *Server) inCompany(contactID, companyID int) bool {
	for _, co := range s.companies {
		if co.ID == companyID && slices.Contains(co.ContactIDs, contactID) {
			return true
		}
	}
	return false
}

// AddCustomField defines a contact custom field: every contact then
// carries the slug as a key ("" when unset).
func (s *Server) AddCustomField(slug string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.customFields = append(s.customFields, slug)
}

// AddContact stores a contact as the admin UI would (no sanitising) and
// returns its ID. A zero ID takes the next one; zero times take now.
func (s *Server) AddContact(c Contact) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == 0 {
		c.ID = s.next("contact")
	}
	s.lastID["contact"] = max(s.lastID["contact"], c.ID)
	if c.Created == 0 {
		c.Created = s.now().Unix()
	}
	if c.Updated == 0 {
		c.Updated = c.Created
	}
	if c.Owner == 0 {
		c.Owner = -1
	}
	fields := map[string]string{}
	for k, v := range c.Fields {
		fields[k] = v
	}
	c.Fields = fields
	s.contacts = append(s.contacts, &c)
	slices.SortFunc(s.contacts, func(a, b *Contact) int { return a.ID - b.ID })
	return c.ID
}

// DeleteContact removes a contact, leaving a gap in the IDs.
func (s *Server) DeleteContact(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.contacts = slices.DeleteFunc(s.contacts, func(c *Contact) bool { return c.ID == id })
}

// Contact returns a copy of a stored contact.
func (s *Server) Contact(id int) (Contact, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.contactByID(id)
	if c == nil {
		return Contact{}, false
	}
	out := *c
	out.Fields = map[string]string{}
	for k, v := range c.Fields {
		out.Fields[k] = v
	}
	return out, true
}

// AddInvoice stores an invoice and returns its ID.
func (s *Server) AddInvoice(inv Invoice) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	inv.ID = s.next("invoice")
	s.invoices = append(s.invoices, &inv)
	return inv.ID
}

// AddQuote stores a quote and returns its ID.
func (s *Server) AddQuote(q Quote) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	q.ID = s.next("quote")
	s.quotes = append(s.quotes, &q)
	return q.ID
}

// AddTransaction stores a transaction and returns its ID.
func (s *Server) AddTransaction(t Transaction) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	t.ID = s.next("transaction")
	s.transactions = append(s.transactions, &t)
	return t.ID
}

// AddEvent stores an event and returns its ID.
func (s *Server) AddEvent(e Event) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.ID = s.next("event")
	s.events = append(s.events, &e)
	return e.ID
}

// AddCompany stores a company and returns its ID.
func (s *Server) AddCompany(co Company) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	co.ID = s.next("company")
	s.companies = append(s.companies, &co)
	return co.ID
}
