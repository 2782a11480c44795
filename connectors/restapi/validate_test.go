package restapi

import (
	"errors"
	"strings"
	"testing"

	"clientgate/connectors"
)

const brokenMapping = `
base_url: ftp://crm.example.com
currency: EURO
headers: {Authorization: "Bearer inline-secret"}
auth: {type: bearer, token_env: A, token_file: /b, key_env: K}
operations:
  find_contact_by_email:
    path: /contacts
    query: {q: "{emial}"}
    items: "data..items"
    fields:
      id: id
      email: email
      shoe_size: shoe
  get_contact:
    path: contacts/{contact_id}
    fields:
      id: id
      email: email
      portal_access: {path: portal, format: unix}
  list_invoices:
    path: /invoices/{company_id}
    items: "data.#(x"
    paging: {style: pages}
    fields:
      id: id
      number: nr
      status: {path: st, map: {P: payed}}
      issued_at: {path: date, format: epoch}
      total: {path: total, layout: "2006"}
    lines: {path: lines, fields: {cost: c}}
  get_invoice:
    method: FETCH
    path: /invoices/{id}
    owner: {contact: "@nope"}
    fields: {id: id, number: n, status: s, issued_at: {path: d, default: yesterday}}
  decide_quote:
    method: POST
    path: /quotes/{id}
  list_tasks:
    path: /tasks
    owner: {contact: who}
    fields: {id: id, title: t, start: s}
`

func TestValidateReportsEveryProblem(t *testing.T) {
	m, err := decodeMapping([]byte(brokenMapping))
	if err != nil {
		t.Fatal(err)
	}
	err = m.Validate()
	var ime *InvalidMappingError
	if !errors.As(err, &ime) || !errors.Is(err, connectors.ErrMisconfigured) {
		t.Fatalf("Validate: %v, want an *InvalidMappingError", err)
	}
	want := []string{
		"base_url: must start with http",
		"currency: value \"EURO\" is not an ISO 4217",
		"headers.Authorization: looks like a secret",
		"auth: set exactly one of token_env and token_file",
		`auth.key_env: is not used by auth type "bearer"`,
		"operations.ping: is required",
		"operations.find_contact_by_email.query.q: unknown variable {emial}",
		`operations.find_contact_by_email.items: bad gjson path "data..items"`,
		"operations.find_contact_by_email.fields.shoe_size: unknown domain field",
		"operations.find_contact_by_email.fields: must map portal_access",
		"operations.get_contact.path: must start with /",
		`operations.get_contact.fields.portal_access.format: unknown conversion "unix"`,
		"operations.list_invoices.path: {company_id} may be empty here",
		`operations.list_invoices.items: bad gjson path "data.#(x"`,
		`operations.list_invoices.paging.style: unknown paging style "pages"`,
		"operations.list_invoices.fields.status.map.P: value \"payed\" is not a known status",
		`operations.list_invoices.fields.issued_at.format: unknown conversion "epoch"`,
		"operations.list_invoices.fields.total.layout: a layout goes with format layout",
		"operations.list_invoices.owner.contact: is required",
		"operations.list_invoices.lines.fields.cost: unknown domain field",
		"operations.list_invoices.lines.fields: must map title",
		`operations.get_invoice.method: unknown HTTP method "FETCH"`,
		`operations.get_invoice.owner.contact: bad gjson path "@nope": unknown modifier`,
		`operations.get_invoice.fields.issued_at.default: default "yesterday" is not an RFC 3339 time`,
		"operations.decide_quote: must send {decision}",
		"operations: list_tasks and get_task must be mapped together",
		"operations.decide_quote: needs get_quote",
	}
	text := err.Error()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("Validate does not report %q", w)
		}
	}
	if len(ime.Problems) < len(want) {
		t.Errorf("got %d problems, want at least %d:\n%s", len(ime.Problems), len(want), text)
	}
	if strings.Contains(text, "inline-secret") {
		t.Errorf("Validate repeats a header value: %s", text)
	}
}

func TestParseMappingRejectsBadYAML(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":          "",
		"unknown key":    "base_url: http://x\nbase_ulr: http://y\n",
		"unknown op":     "operations: {list_invoice: {path: /x}}\n",
		"field key":      "operations: {get_contact: {path: /x, fields: {id: {path: id, fromat: x}}}}\n",
		"field list":     "operations: {get_contact: {path: /x, fields: {id: [a, b]}}}\n",
		"not yaml":       "{{{",
		"scalar mapping": "just a string",
	} {
		if _, err := ParseMapping([]byte(doc)); err == nil {
			t.Errorf("%s: ParseMapping accepted %q", name, doc)
		}
	}
}

func TestCheckPath(t *testing.T) {
	good := []string{"id", "data.items", "a.b.c", "items.#", "items.#.id", `friends.#(last=="Murphy").first`,
		`items.#(age>40)#.name`, "a|b", `fav\.movie`, "@reverse", "children.0", "na*e", "{a,b}", "[a,b]", "@this"}
	bad := []string{"", ".a", "a.", "a..b", "a|", "#(x", "a.#x", "@nope", `a\`, "a)b", `#(name=="x).y`, "a\x01"}
	for _, p := range good {
		if err := checkPath(p); err != nil {
			t.Errorf("checkPath(%q) = %v, want nil", p, err)
		}
	}
	for _, p := range bad {
		if err := checkPath(p); err == nil {
			t.Errorf("checkPath(%q) = nil, want an error", p)
		}
	}
}

func TestTestdataMappingsValidate(t *testing.T) {
	for _, name := range []string{"testdata/modern.yaml", "testdata/legacy.yaml"} {
		if _, err := LoadMapping(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestValidateSecondVersionKeys(t *testing.T) {
	doc := `
base_url: http://crm.example.com
currency: EUR
company: {lookup: {path: "contacts/{email}"}, id: "a..b"}
operations:
  ping: {path: /ping}
  find_contact_by_email:
    path: /contacts
    items: data
    fields: {id: id, email: email, portal_access: {default: "true"}}
  get_contact:
    path: /contacts/{contact_id}
    fields:
      id: id
      email: email
      portal_access: {expr: 'item.portal ==', default: "true"}
      first_name: {path: first, html: true, round: up}
      created_at: {expr: '"x" + 1'}
  list_invoices:
    path: /invoices
    belongs_to: company
    owner: {contact: who}
    sub_requests: {pay: {path: "/payments/{invoice}", items: "a..b"}}
    expect: [42]
    fields:
      id: id
      number: n
      status: {expr: 'item.x > 1'}
      issued_at: {expr: 'now()'}
      total: {path: t, round: sideways, html: true}
    lines: {from: nope, fields: {title: t}}
  get_invoice:
    path: /invoices/{id}
    owner: {contact: who}
    fields: {id: id, number: n, status: s, issued_at: i}
  update_contact:
    method: PATCH
    path: /contacts/{contact_id}
    body: {note: "hello"}
`
	m, err := decodeMapping([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	err = m.Validate()
	for _, w := range []string{
		"company.lookup.path: must start with /",
		"company.lookup: unknown variable {email}",
		`company.id: bad gjson path "a..b"`,
		"operations.get_contact.fields.portal_access.expr: does not compile: unexpected token EOF",
		"operations.get_contact.fields.first_name.round: is for amounts only",
		"operations.get_contact.fields.created_at.expr: does not compile: invalid operation: + (mismatched types string and int)",
		"operations.list_invoices.owner.company: is required when belongs_to is company",
		"operations.list_invoices.sub_requests.pay: unknown variable {invoice}",
		`operations.list_invoices.sub_requests.pay.items: bad gjson path "a..b"`,
		"operations.list_invoices.expect: 42 is not an HTTP status",
		"operations.list_invoices.fields.status.expr: does not compile: the expression gives a bool, which cannot be a status or code (text)",
		"operations.list_invoices.fields.total.round: is for amounts only, one of half_even",
		"operations.list_invoices.fields.total.html: is for text fields only",
		"operations.list_invoices.lines.from: names no sub-request",
		"operations.update_contact.body: carries no contact field",
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("Validate does not report %q", w)
		}
	}
	if t.Failed() {
		t.Log(err)
	}
}
