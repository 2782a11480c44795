package restapi

import (
	"fmt"

	"github.com/expr-lang/expr/vm"
	"gopkg.in/yaml.v3"
)

// Mapping describes one CRM's REST API: where it is, how to sign in, and
// how each connector operation maps onto its endpoints.
type Mapping struct {
	// BaseURL is the API's root, such as "https://crm.example.com/api/v2";
	// operation paths are appended to it. Options.BaseURL overrides it.
	BaseURL string `yaml:"base_url"`
	// Currency is the ISO 4217 code of amounts whose record maps no
	// "currency" field.
	Currency string `yaml:"currency"`
	// Headers are static, non-secret headers sent with every request.
	Headers map[string]string `yaml:"headers"`
	// Auth says how clientgate signs in to the API.
	Auth Auth `yaml:"auth"`
	// Company says how to get from a contact to its company when that
	// is not the contact's company_id field (default: that field).
	Company *CompanyLookup `yaml:"company"`
	// Operations maps the connector operations onto endpoints.
	Operations Operations `yaml:"operations"`
}

// Operations holds one optional Operation per connector operation. Ping,
// FindContactByEmail and GetContact are required; a nil one of the others
// makes that operation return connectors.ErrUnsupported.
type Operations struct {
	Ping               *Operation `yaml:"ping"`
	FindContactByEmail *Operation `yaml:"find_contact_by_email"`
	GetContact         *Operation `yaml:"get_contact"`
	CreateContact      *Operation `yaml:"create_contact"`
	UpdateContact      *Operation `yaml:"update_contact"`
	GetCompany         *Operation `yaml:"get_company"`
	ListInvoices       *Operation `yaml:"list_invoices"`
	GetInvoice         *Operation `yaml:"get_invoice"`
	ListQuotes         *Operation `yaml:"list_quotes"`
	GetQuote           *Operation `yaml:"get_quote"`
	DecideQuote        *Operation `yaml:"decide_quote"`
	ListTransactions   *Operation `yaml:"list_transactions"`
	ListTasks          *Operation `yaml:"list_tasks"`
	GetTask            *Operation `yaml:"get_task"`
	// RecordPayment writes a payment received online into the CRM (see
	// Operation.Recorded, Records, SettlesInvoice).
	RecordPayment *Operation `yaml:"record_payment"`
}

// Operation is one HTTP request and how to read its answer.
type Operation struct {
	// Method is the HTTP method (default GET).
	Method string `yaml:"method"`
	// Path is appended to the base URL. Variables such as {contact_id}
	// are replaced by their URL-escaped values.
	Path string `yaml:"path"`
	// Query holds query parameters; values may hold variables. A
	// parameter whose value is a lone variable that is empty is left out.
	Query map[string]string `yaml:"query"`
	// Body is a JSON body template (a YAML mapping or list); strings may
	// hold variables. For update_contact, a key whose value is a lone
	// contact-field variable not in the patch is left out.
	Body any `yaml:"body"`
	// Items is the gjson path to the array of items in a list answer; ""
	// means the answer itself is the array.
	Items string `yaml:"items"`
	// Item is the gjson path to the object in a single-item answer; ""
	// means the answer itself.
	Item string `yaml:"item"`
	// Owner names the fields that say which contact or company an item
	// belongs to. Required for every per-contact operation.
	Owner *Owner `yaml:"owner"`
	// Paging says how a list is paged (default: not paged).
	Paging *Paging `yaml:"paging"`
	// Fields maps domain field names to where and how to read them.
	Fields map[string]*Field `yaml:"fields"`
	// Lines reads invoice and quote line items.
	Lines *Lines `yaml:"lines"`
	// EmptyOn404 makes a list answered with 404 an empty list, for APIs
	// that report "no items" that way.
	EmptyOn404 bool `yaml:"empty_on_404"`
	// Accept and Decline are the values of the {decision} variable of
	// decide_quote (defaults "accepted" and "declined").
	Accept  string `yaml:"accept"`
	Decline string `yaml:"decline"`
	// DeclineRequest, for decide_quote, is a different request sent to
	// decline a quote; the operation's own request then only accepts.
	DeclineRequest *Operation `yaml:"decline_request"`
	// Expect lists the HTTP statuses that mean success, such as
	// [200, 204] (default: any 2xx). Another status is an error.
	Expect []int `yaml:"expect"`
	// BelongsTo says whose items a per-contact operation lists: contact
	// (default), company, or contact_or_company.
	BelongsTo string `yaml:"belongs_to"`
	// SubRequests are requests sent once per item, such as the payments
	// of one invoice; expressions read their answers as sub.NAME.
	SubRequests map[string]*SubRequest `yaml:"sub_requests"`
	// Recorded, for record_payment, is a request listing the payments
	// the CRM holds for the invoice, with the fields reference and amount:
	// a payment whose reference is listed is recorded already (with
	// another amount: ErrConflict), so that a retried write records it
	// once.
	Recorded *Operation `yaml:"recorded"`
	// Records, for record_payment, lists the transaction kinds the CRM
	// takes: payment (the default) and refund.
	Records []string `yaml:"records"`
	// SettlesInvoice, for record_payment: recording a payment also marks
	// the invoice paid (or partly paid) and lowers its amount due.
	SettlesInvoice bool `yaml:"settles_invoice"`
	// ReadEach, for a list operation, reads every item it finds with the
	// matching get operation (whose owner, fields, lines and sub-requests
	// then apply): for search endpoints that answer only part of each
	// record.
	ReadEach bool `yaml:"read_each"`

	// bodyProgs are Body's expressions, compiled by Validate.
	bodyProgs map[string]*vm.Program
}

// SubRequest is a request sent for each item of an operation. Its path,
// query and body may use {id} (the item's ID), {contact_id} and
// {company_id}.
type SubRequest struct {
	// Method is GET (default) or POST.
	Method string            `yaml:"method"`
	Path   string            `yaml:"path"`
	Query  map[string]string `yaml:"query"`
	// Body is a JSON body template for POST; a value written
	// {expr: "..."} is computed from item and sub (the answers of the
	// sub-requests it needs).
	Body any `yaml:"body"`
	// Needs names a sub-request sent first, whose answer the body and
	// When read as sub.NAME.
	Needs string `yaml:"needs"`
	// When is an expression; when false the request is not sent and its
	// answer is an empty list.
	When string `yaml:"when"`
	// Items is the gjson path to the part of the answer to keep (""
	// keeps the whole answer).
	Items string `yaml:"items"`
	// EmptyOn404 makes a 404 answer an empty list.
	EmptyOn404 bool `yaml:"empty_on_404"`

	bodyProgs map[string]*vm.Program
	whenProg  *vm.Program
}

// CompanyLookup is a request that returns the company of a contact.
type CompanyLookup struct {
	// Lookup is a GET whose path and query may use {contact_id}.
	Lookup *SubRequest `yaml:"lookup"`
	// ID is the gjson path, relative to Lookup.Items, to the company's
	// ID; nothing there means the contact has no company.
	ID string `yaml:"id"`
}

// Owner names gjson paths, relative to an item, to the ID of the contact
// (or company) the item belongs to. A path may yield one value or an array
// of values (for example every attendee of an event).
type Owner struct {
	Contact string `yaml:"contact"`
	Company string `yaml:"company"`
}

// Lines reads an array of line items inside an invoice or a quote.
type Lines struct {
	// Path is the gjson path, relative to the item (or to the answer of
	// sub-request From), to the array.
	Path string `yaml:"path"`
	// From names a sub-request whose answer holds the lines.
	From string `yaml:"from"`
	// Fields maps line fields (title, description, quantity, unit_price,
	// total) to where and how to read them.
	Fields map[string]*Field `yaml:"fields"`
}

// Field says where and how one domain field is read.
type Field struct {
	// Path is the gjson path relative to the item. Empty with a Default
	// means the field always takes the default.
	Path string `yaml:"path"`
	// Format is the conversion: for money "decimal" (default), "number"
	// or "minor"; for times "rfc3339" (default), "unix", "unix_ms",
	// "date" or "layout"; for strings and statuses "string".
	Format string `yaml:"format"`
	// Layout is the Go time layout used with format "layout".
	Layout string `yaml:"layout"`
	// Map translates the CRM's values into domain values, such as
	// "PAID": "paid". The key "*" catches every other value.
	Map map[string]string `yaml:"map"`
	// Default is the domain value used when the field is missing or null.
	Default *string `yaml:"default"`
	// Optional lets the field be missing or null, leaving the zero value.
	Optional bool `yaml:"optional"`
	// Expr computes the value with an expr-lang expression over item,
	// value (the value at Path), sub (sub-request answers) and helpers.
	Expr string `yaml:"expr"`
	// HTML turns HTML text into safe plain text.
	HTML bool `yaml:"html"`
	// Round is how amounts with more decimals than their currency are
	// rounded: half_even (default), half_up, down, up or exact (refuse).
	Round string `yaml:"round"`

	// prog is Expr compiled by Validate.
	prog *vm.Program
}

// UnmarshalYAML accepts either a bare gjson path or a full field mapping.
func (f *Field) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&f.Path)
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a field is a path or a mapping", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch key := n.Content[i].Value; key {
		case "path", "format", "layout", "map", "default", "optional", "expr", "html", "round":
		default:
			return fmt.Errorf("line %d: field has unknown key %q", n.Content[i].Line, key)
		}
	}
	type plain Field
	var p plain
	err := n.Decode(&p)
	*f = Field(p)
	return err
}
