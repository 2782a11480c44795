package restapi

import "clientgate/connectors"

// Operation names, as written in a mapping and in errors.
const (
	opPing               = "ping"
	opFindContactByEmail = "find_contact_by_email"
	opGetContact         = "get_contact"
	opCreateContact      = "create_contact"
	opUpdateContact      = "update_contact"
	opGetCompany         = "get_company"
	opListInvoices       = "list_invoices"
	opGetInvoice         = "get_invoice"
	opListQuotes         = "list_quotes"
	opGetQuote           = "get_quote"
	opDecideQuote        = "decide_quote"
	opListTransactions   = "list_transactions"
	opListTasks          = "list_tasks"
	opGetTask            = "get_task"
	opCompanyLookup      = "company.lookup"
)

// shape says what an operation's answer holds.
type shape int

const (
	shapeNone shape = iota
	shapeItem
	shapeList
)

// opSpec is what the connector expects of one operation.
type opSpec struct {
	name     string
	op       *Operation
	required bool
	shape    shape
	kinds    map[string]kind // domain fields; nil when none are read
	vars     []string        // template variables available
	owned    bool            // per-contact: needs owner.contact
	lines    bool            // may read line items
	need     []string        // fields that must be mapped
}

var scopeVars = []string{"contact_id", "company_id"}

// specs describes every operation of m.
func (m *Mapping) specs() []opSpec {
	o := &m.Operations
	itemVars := append([]string{"id"}, scopeVars...)
	updateVars := []string{"contact_id"}
	for _, f := range connectors.PatchableFields {
		updateVars = append(updateVars, string(f))
	}
	contactNeed := []string{"id", "email", "portal_access"}
	return []opSpec{
		{name: opPing, op: o.Ping, required: true},
		{name: opFindContactByEmail, op: o.FindContactByEmail, required: true, shape: shapeList,
			kinds: contactSchema.kinds(), vars: []string{"email"}, need: contactNeed},
		{name: opGetContact, op: o.GetContact, required: true, shape: shapeItem,
			kinds: contactSchema.kinds(), vars: []string{"contact_id"}, need: contactNeed},
		{name: opCreateContact, op: o.CreateContact, shape: shapeItem, kinds: contactSchema.kinds(),
			vars: []string{"email", "first_name", "last_name"}, need: []string{"id"}},
		{name: opUpdateContact, op: o.UpdateContact, vars: updateVars},
		{name: opGetCompany, op: o.GetCompany, shape: shapeItem, kinds: companySchema.kinds(),
			vars: scopeVars, need: []string{"id", "name"}},
		{name: opListInvoices, op: o.ListInvoices, shape: shapeList, kinds: invoiceSchema.kinds(),
			vars: scopeVars, owned: true, lines: true, need: []string{"id", "number", "status", "issued_at"}},
		{name: opGetInvoice, op: o.GetInvoice, shape: shapeItem, kinds: invoiceSchema.kinds(),
			vars: itemVars, owned: true, lines: true, need: []string{"id", "number", "status", "issued_at"}},
		{name: opListQuotes, op: o.ListQuotes, shape: shapeList, kinds: quoteSchema.kinds(),
			vars: scopeVars, owned: true, lines: true, need: []string{"id", "number", "status", "issued_at"}},
		{name: opGetQuote, op: o.GetQuote, shape: shapeItem, kinds: quoteSchema.kinds(),
			vars: itemVars, owned: true, lines: true, need: []string{"id", "number", "status", "issued_at"}},
		{name: opDecideQuote, op: o.DecideQuote,
			vars: append([]string{"decision", "by", "ip", "at"}, itemVars...)},
		{name: opListTransactions, op: o.ListTransactions, shape: shapeList, kinds: txnSchema.kinds(),
			vars: scopeVars, owned: true, need: []string{"id", "kind", "status", "amount", "date"}},
		{name: opListTasks, op: o.ListTasks, shape: shapeList, kinds: taskSchema.kinds(),
			vars: scopeVars, owned: true, need: []string{"id", "title", "start"}},
		{name: opGetTask, op: o.GetTask, shape: shapeItem, kinds: taskSchema.kinds(),
			vars: itemVars, owned: true, need: []string{"id", "title", "start"}},
		{name: opRecordPayment, op: o.RecordPayment, shape: shapeItem, kinds: txnSchema.kinds(), vars: paymentVarNames},
	}
}

// capabilities follow from which operations are mapped.
func (m *Mapping) capabilities() connectors.Capabilities {
	o := &m.Operations
	c := connectors.Capabilities{
		Invoices:      o.ListInvoices != nil && o.GetInvoice != nil,
		Quotes:        o.ListQuotes != nil && o.GetQuote != nil,
		Transactions:  o.ListTransactions != nil,
		Tasks:         o.ListTasks != nil && o.GetTask != nil,
		UpdateContact: o.UpdateContact != nil,
		CreateContact: o.CreateContact != nil,
	}
	c.DecideQuotes = c.Quotes && o.DecideQuote != nil
	c.RecordPayments = c.Invoices && o.RecordPayment != nil
	c.SettlesInvoices = c.RecordPayments && o.RecordPayment.SettlesInvoice
	c.CompanyItems = (c.Invoices && companyOwned(o.ListInvoices, o.GetInvoice)) ||
		(c.Quotes && companyOwned(o.ListQuotes, o.GetQuote))
	if c.UpdateContact {
		c.WritableFields = writable(o.UpdateContact)
	}
	return c
}

// companyOwned reports whether the operations (a list and its get) list
// company items.
func companyOwned(ops ...*Operation) bool {
	for _, op := range ops {
		if op.ReadEach {
			// Its get operation decides whose the items are.
			continue
		}
		if op.belongsTo() == BelongsToContact || op.Owner == nil || op.Owner.Company == "" {
			return false
		}
	}
	return true
}

// writable lists, in display order, the contact fields an update request
// carries in its body, query or path.
func writable(op *Operation) []connectors.Field {
	var out []connectors.Field
	for _, f := range connectors.PatchableFields {
		if usesVar(op, string(f)) {
			out = append(out, f)
		}
	}
	return out
}
