package restapi

import (
	"time"

	"clientgate/connectors"
)

type (
	contact = connectors.Contact
	company = connectors.Company
	invoice = connectors.Invoice
	quote   = connectors.Quote
	txn     = connectors.Transaction
	task    = connectors.Task
	line    = connectors.LineItem
)

var contactSchema = func() schema[contact] {
	s := schema[contact]{
		"id":            str(func(c *contact, v string) { c.ID = v }),
		"email":         str(func(c *contact, v string) { c.Email = v }),
		"prefix":        str(func(c *contact, v string) { c.Prefix = v }),
		"first_name":    str(func(c *contact, v string) { c.FirstName = v }),
		"last_name":     str(func(c *contact, v string) { c.LastName = v }),
		"status":        str(func(c *contact, v string) { c.Status = v }),
		"company_id":    str(func(c *contact, v string) { c.CompanyID = v }),
		"phone_home":    str(func(c *contact, v string) { c.HomePhone = v }),
		"phone_work":    str(func(c *contact, v string) { c.WorkPhone = v }),
		"phone_mobile":  str(func(c *contact, v string) { c.MobilePhone = v }),
		"locale":        str(func(c *contact, v string) { c.Locale = v }),
		"portal_access": {kind: kindBool, set: func(c *contact, v value) { c.PortalAccess = v.flag }},
		"created_at":    tm(func(c *contact, v time.Time) { c.CreatedAt = v }),
		"updated_at":    tm(func(c *contact, v time.Time) { c.UpdatedAt = v }),
	}
	addAddress(s, "address", func(c *contact) *connectors.Address { return &c.Address })
	addAddress(s, "second_address", func(c *contact) *connectors.Address { return &c.SecondAddress })
	return s
}()

var companySchema = func() schema[company] {
	s := schema[company]{
		"id":    str(func(c *company, v string) { c.ID = v }),
		"name":  str(func(c *company, v string) { c.Name = v }),
		"email": str(func(c *company, v string) { c.Email = v }),
		"phone": str(func(c *company, v string) { c.Phone = v }),
	}
	addAddress(s, "address", func(c *company) *connectors.Address { return &c.Address })
	return s
}()

var invoiceSchema = schema[invoice]{
	"id":         str(func(i *invoice, v string) { i.ID = v }),
	"number":     str(func(i *invoice, v string) { i.Number = v }),
	"status":     typed(kindInvoiceStatus, func(i *invoice, v string) { i.Status = connectors.InvoiceStatus(v) }),
	"issued_at":  tm(func(i *invoice, v time.Time) { i.IssuedAt = v }),
	"due_at":     tm(func(i *invoice, v time.Time) { i.DueAt = v }),
	"paid_at":    tm(func(i *invoice, v time.Time) { i.PaidAt = v }),
	"subtotal":   money(func(i *invoice, v connectors.Money) { i.Subtotal = v }),
	"discount":   money(func(i *invoice, v connectors.Money) { i.Discount = v }),
	"tax":        money(func(i *invoice, v connectors.Money) { i.Tax = v }),
	"total":      money(func(i *invoice, v connectors.Money) { i.Total = v }),
	"amount_due": money(func(i *invoice, v connectors.Money) { i.AmountDue = v }),
	"pay_url":    str(func(i *invoice, v string) { i.PayURL = v }),
	"notes":      str(func(i *invoice, v string) { i.Notes = v }),
	"company_id": str(func(i *invoice, v string) { i.CompanyID = v }),
}

var quoteSchema = schema[quote]{
	"id":          str(func(q *quote, v string) { q.ID = v }),
	"number":      str(func(q *quote, v string) { q.Number = v }),
	"title":       str(func(q *quote, v string) { q.Title = v }),
	"status":      typed(kindQuoteStatus, func(q *quote, v string) { q.Status = connectors.QuoteStatus(v) }),
	"issued_at":   tm(func(q *quote, v time.Time) { q.IssuedAt = v }),
	"valid_until": tm(func(q *quote, v time.Time) { q.ValidUntil = v }),
	"decided_at":  tm(func(q *quote, v time.Time) { q.DecidedAt = v }),
	"total":       money(func(q *quote, v connectors.Money) { q.Total = v }),
	"description": str(func(q *quote, v string) { q.Description = v }),
	"company_id":  str(func(q *quote, v string) { q.CompanyID = v }),
}

var txnSchema = schema[txn]{
	"id":         str(func(t *txn, v string) { t.ID = v }),
	"reference":  str(func(t *txn, v string) { t.Reference = v }),
	"kind":       typed(kindTxKind, func(t *txn, v string) { t.Kind = connectors.TransactionKind(v) }),
	"status":     typed(kindTxStatus, func(t *txn, v string) { t.Status = connectors.TransactionStatus(v) }),
	"title":      str(func(t *txn, v string) { t.Title = v }),
	"amount":     money(func(t *txn, v connectors.Money) { t.Amount = v }),
	"date":       tm(func(t *txn, v time.Time) { t.Date = v }),
	"invoice_id": str(func(t *txn, v string) { t.InvoiceID = v }),
}

var taskSchema = schema[task]{
	"id":          str(func(t *task, v string) { t.ID = v }),
	"title":       str(func(t *task, v string) { t.Title = v }),
	"description": str(func(t *task, v string) { t.Description = v }),
	"start":       tm(func(t *task, v time.Time) { t.Start = v }),
	"end":         tm(func(t *task, v time.Time) { t.End = v }),
	"location":    str(func(t *task, v string) { t.Location = v }),
	"complete":    {kind: kindBool, set: func(t *task, v value) { t.Complete = v.flag }},
}

var lineSchema = schema[line]{
	"title":       str(func(l *line, v string) { l.Title = v }),
	"description": str(func(l *line, v string) { l.Description = v }),
	"quantity":    str(func(l *line, v string) { l.Quantity = v }),
	"unit_price":  money(func(l *line, v connectors.Money) { l.UnitPrice = v }),
	"total":       money(func(l *line, v connectors.Money) { l.Total = v }),
}
