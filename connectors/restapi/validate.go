package restapi

import (
	"fmt"
	"net/url"
	"strings"

	"clientgate/connectors"
)

// InvalidMappingError lists every problem found in a mapping, each
// prefixed with where it is, such as "operations.get_invoice.fields.total".
// It matches connectors.ErrMisconfigured with errors.Is.
type InvalidMappingError struct {
	Problems []string
}

// Error lists the problems, one a line.
func (e *InvalidMappingError) Error() string {
	return fmt.Sprintf("restapi: invalid mapping (%d problems):\n  %s",
		len(e.Problems), strings.Join(e.Problems, "\n  "))
}

// Unwrap makes errors.Is(err, connectors.ErrMisconfigured) true.
func (e *InvalidMappingError) Unwrap() error { return connectors.ErrMisconfigured }

// problems collects validation problems.
type problems struct{ list []string }

func (p *problems) add(where, format string, args ...any) {
	p.list = append(p.list, where+": "+fmt.Sprintf(format, args...))
}

// Validate checks the whole mapping and reports every problem at once as
// an *InvalidMappingError: unknown domain fields, bad template variables,
// bad gjson paths, missing ownership fields, unknown conversions, missing
// required operations, and bad auth or paging settings.
func (m *Mapping) Validate() error {
	var p problems
	m.validateTop(&p)
	m.Auth.validate(&p)
	m.validateCompany(&p)
	specs := m.specs()
	for _, s := range specs {
		where := "operations." + s.name
		if s.op == nil {
			if s.required {
				p.add(where, "is required")
			}
			continue
		}
		s.validate(&p, where, m.Currency)
	}
	m.validatePairs(&p)
	m.validateRecordPayment(&p)
	if len(p.list) == 0 {
		return nil
	}
	return &InvalidMappingError{Problems: p.list}
}

func (m *Mapping) validateTop(p *problems) {
	if err := checkBaseURL(m.BaseURL); err != nil {
		p.add("base_url", "%v", err)
	}
	if m.Currency != "" {
		if _, err := fromText(kindCurrency, &Field{}, m.Currency); err != nil {
			p.add("currency", "%v", err)
		}
	}
	for name := range m.Headers {
		if strings.EqualFold(name, "Authorization") || strings.Contains(strings.ToLower(name), "key") ||
			strings.Contains(strings.ToLower(name), "token") {
			p.add("headers."+name, "looks like a secret: configure it under auth, read from a file or the environment")
		}
		if !validHeaderName(name) {
			p.add("headers."+name, "is not a valid header name")
		}
	}
}

// checkBaseURL accepts an absolute http or https URL without query.
func checkBaseURL(raw string) error {
	if raw == "" {
		return fmt.Errorf("is required")
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return fmt.Errorf("is not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("must start with http:// or https://")
	case u.Host == "":
		return fmt.Errorf("has no host")
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return fmt.Errorf("must not hold a query, a fragment or credentials")
	}
	return nil
}

func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// validatePairs checks operations that only make sense together.
func (m *Mapping) validatePairs(p *problems) {
	o := &m.Operations
	pair := func(a, b string, x, y *Operation) {
		if (x == nil) != (y == nil) {
			p.add("operations", "%s and %s must be mapped together", a, b)
		}
	}
	pair(opListInvoices, opGetInvoice, o.ListInvoices, o.GetInvoice)
	pair(opListQuotes, opGetQuote, o.ListQuotes, o.GetQuote)
	pair(opListTasks, opGetTask, o.ListTasks, o.GetTask)
	if o.DecideQuote != nil && o.GetQuote == nil {
		p.add("operations.decide_quote", "needs get_quote")
	}
	needCompany := o.GetCompany != nil || m.capabilities().CompanyItems
	if needCompany && m.Company == nil && o.GetContact != nil && o.GetContact.Fields["company_id"] == nil {
		p.add("operations.get_contact.fields", "must map company_id (or the mapping a company lookup) when get_company or company owners are mapped")
	}
}
