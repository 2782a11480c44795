package restapi

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// brokenSearchMapping misuses body paging, read_each, sub-requests with
// bodies and body expressions.
const brokenSearchMapping = `
base_url: https://crm.example.com
currency: EUR
operations:
  ping: {path: /ping}
  find_contact_by_email:
    method: POST
    path: /contacts/search
    body: {q: "{email}", after: "{cursor}", name: {expr: 'vars.email +'}}
    items: results
    fields: {id: id, email: email, portal_access: {default: "true"}}
  get_contact:
    path: /contacts/{contact_id}
    fields: {id: id, email: email, portal_access: {default: "true"}}
  update_contact:
    method: PATCH
    path: /contacts/{contact_id}
    body: {first: "{first_name}", full: {expr: 'vars.first_name'}}
  list_invoices:
    method: POST
    path: /invoices/search
    body: {limit: "{size}"}
    items: results
    paging: {style: cursor, cursor_path: next}
    read_each: true
    owner: {contact: who}
    fields: {id: id, number: ref}
  get_invoice:
    path: /invoices/{id}
    owner: {contact: who}
    sub_requests:
      a: {path: "/a/{id}", needs: b, body: {x: 1}}
      b: {method: PUT, path: "/b/{id}", needs: a, when: 'item.x ==', body: {y: "{nope}"}}
      c: {path: "/c/{id}", needs: z}
    fields: {id: id, number: ref, status: {default: unpaid}, issued_at: {path: d, format: unix}}
  list_transactions:
    path: /payments
    read_each: true
    fields: {id: id}
`

func TestValidateSearchMappings(t *testing.T) {
	m, err := decodeMapping([]byte(brokenSearchMapping))
	if err != nil {
		t.Fatal(err)
	}
	var ime *InvalidMappingError
	if err := m.Validate(); !errors.As(err, &ime) {
		t.Fatalf("Validate: %v, want an *InvalidMappingError", err)
	}
	want := []string{
		"operations.find_contact_by_email.body: unknown variable {cursor}",
		`operations.find_contact_by_email.body: expression "vars.email +"`,
		"operations.update_contact.body: update_contact cannot compute values",
		"operations.list_invoices.paging.cursor_param: is required for style cursor (or {cursor} in the query or body)",
		"operations.list_invoices.fields.number: a read_each list maps only id",
		"operations.list_invoices.owner: does not go with read_each",
		"operations.get_invoice.sub_requests.a.body: a GET request has no body",
		"operations.get_invoice.sub_requests.b.method: must be GET or POST",
		"operations.get_invoice.sub_requests.b.when: does not compile",
		"operations.get_invoice.sub_requests.b.body: unknown variable {nope}",
		"operations.get_invoice.sub_requests.c.needs: names no sub-request",
		"operations.get_invoice.sub_requests: sub-requests need each other in a cycle",
		"operations.list_transactions.read_each: is for list_invoices, list_quotes and list_tasks",
	}
	got := strings.Join(ime.Problems, "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing problem %q in:\n%s", w, got)
		}
	}
}

// TestFillerBodies checks how a list operation's body is filled: paging
// numbers as JSON numbers, empty lone variables left out, list elements
// using an empty variable left out, expressions computed.
func TestFillerBodies(t *testing.T) {
	tpl := map[string]any{
		"groups": []any{
			map[string]any{"filters": []any{map[string]any{"p": "who", "v": "{contact_id}"}}},
			map[string]any{"filters": []any{map[string]any{"p": "company", "v": "{company_id}"}}},
		},
		"limit": "{size}", "after": "{cursor}", "label": "page of {size}",
		"name": map[string]any{"expr": `upper(vars.contact_id)`},
	}
	var p problems
	progs := compileBody(&p, "body", tpl)
	if len(p.list) > 0 {
		t.Fatal(p.list)
	}
	f := filler{vars: map[string]string{"contact_id": "c1", "company_id": "", "size": "11", "cursor": ""},
		dropEmpty: true, progs: progs}
	out, _, err := f.fill(tpl)
	if err != nil {
		t.Fatal(err)
	}
	got := mustJSON(t, out)
	want := `{"groups":[{"filters":[{"p":"who","v":"c1"}]}],"label":"page of 11","limit":11,"name":"C1"}`
	if got != want {
		t.Errorf("list body = %s, want %s", got, want)
	}
	f.dropEmpty = false
	out, _, _ = f.fill(tpl)
	if got := mustJSON(t, out); !strings.Contains(got, `"after":""`) || !strings.Contains(got, `"v":""`) {
		t.Errorf("other bodies keep empty values: %s", got)
	}
}
