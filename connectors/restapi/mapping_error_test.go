package restapi_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

const invoiceOps = `
  list_invoices:
    path: /invoices
    query: {contact: "{contact_id}"}
    items: data
    owner: {contact: contact}
    fields: &inv
      id: id
      number: number
      status: {path: status, map: {P: paid, U: unpaid}}
      issued_at: issued
      total: total
  get_invoice:
    path: /invoices/{id}
    owner: {contact: contact}
    fields: *inv
`

// TestMappingErrors serves answers that do not match the mapping and
// checks that each is a *MappingError naming the operation, the field and
// where the value was, and that it matches ErrUnavailable.
func TestMappingErrors(t *testing.T) {
	tests := []struct {
		name, answer string
		field, loc   string
	}{
		{"missing field", `{"data":[{"id":"1","contact":"c1","number":"A","status":"P","issued":"2025-01-01T00:00:00Z"}]}`, "total", "data.0.total"},
		{"wrong type", `{"data":[{"id":"1","contact":"c1","number":"A","status":"P","issued":"2025-01-01T00:00:00Z","total":{"v":1}}]}`, "total", "data.0.total"},
		{"bad money", `{"data":[{"id":"1","contact":"c1","number":"A","status":"P","issued":"2025-01-01T00:00:00Z","total":"12,50"}]}`, "total", "data.0.total"},
		{"bad date", `{"data":[{"id":"1","contact":"c1","number":"A","status":"P","issued":"01/02/2025","total":"1"}]}`, "issued_at", "data.0.issued"},
		{"unknown status", `{"data":[{"id":"1","contact":"c1","number":"A","status":"X","issued":"2025-01-01T00:00:00Z","total":"1"}]}`, "status", "data.0.status"},
		{"only item bad", `{"data":[{"id":"2","contact":"c1","number":"B","status":"P","issued":null,"total":"1"}]}`, "issued_at", "data.0.issued"},
		{"items not array", `{"data":{"id":"1"}}`, "", "data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := routes(t, map[string]http.HandlerFunc{"GET /invoices": body(200, tt.answer)})
			c := newConnector(t, mappingWith(t, srv.URL, "currency: EUR", invoiceOps), restapi.Options{})
			p, err := c.ListInvoices(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
			var me *restapi.MappingError
			if !errors.As(err, &me) || !errors.Is(err, connectors.ErrUnavailable) {
				t.Fatalf("ListInvoices = %+v, %v; want a MappingError", p, err)
			}
			if me.Op != "list_invoices" || me.Field != tt.field || me.Location != tt.loc {
				t.Errorf("MappingError %+v, want op list_invoices field %q at %q", me, tt.field, tt.loc)
			}
			if !contains(err.Error(), "list_invoices", tt.loc) {
				t.Errorf("message %q does not name the operation and location", err)
			}
		})
	}
}

func TestGetChecksIdentity(t *testing.T) {
	srv := routes(t, map[string]http.HandlerFunc{
		"GET /invoices/7":   body(200, `{"id":"8","contact":"c1","number":"A","status":"P","issued":"2025-01-01T00:00:00Z","total":"1"}`),
		"GET /invoices/9":   body(200, `{"id":"9","contact":"c2","number":"A","status":"P","issued":"2025-01-01T00:00:00Z","total":"1"}`),
		"GET /contacts/c1":  body(200, `{"id":"c9","email":"x@example.com"}`),
		"GET /invoices/bad": body(200, `not json`),
	})
	c := newConnector(t, mappingWith(t, srv.URL, "currency: EUR", invoiceOps), restapi.Options{})
	ctx := context.Background()
	s := connectors.Scope{ContactID: "c1"}
	if _, err := c.GetInvoice(ctx, s, "7"); !errors.Is(err, connectors.ErrUnavailable) {
		t.Errorf("GetInvoice of an answer for another ID: %v, want a mapping error", err)
	}
	if _, err := c.GetInvoice(ctx, s, "9"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("GetInvoice of another contact's invoice: %v, want ErrNotFound", err)
	}
	if _, err := c.GetContact(ctx, "c1"); !errors.Is(err, connectors.ErrUnavailable) {
		t.Errorf("GetContact answered with another contact: %v, want a mapping error", err)
	}
	if _, err := c.GetInvoice(ctx, s, "bad"); !errors.Is(err, connectors.ErrUnavailable) {
		t.Errorf("GetInvoice of garbage: %v, want ErrUnavailable", err)
	}
}

func TestDefaultsAndOptional(t *testing.T) {
	ops := `
  list_tasks:
    path: /tasks
    items: "@this"
    owner: {contact: who}
    fields:
      id: id
      title: {path: title, default: "(untitled)"}
      start: {path: start, format: unix}
      end: {path: end, format: unix, optional: true}
      complete: {path: state, map: {done: "true", "*": "false"}}
      location: {default: "Online"}
  get_task:
    path: /tasks/{id}
    owner: {contact: who}
    fields: {id: id, title: title, start: {path: start, format: unix}}
`
	srv := routes(t, map[string]http.HandlerFunc{
		"GET /tasks": body(200, `[{"id":1,"who":["c0","c1"],"start":"1736159400","end":"0","state":"done"},{"id":2,"who":"c1","title":"T","start":1736159401,"state":"new"}]`),
	})
	c := newConnector(t, mappingWith(t, srv.URL, "", ops), restapi.Options{})
	p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
	if err != nil || len(p.Items) != 2 {
		t.Fatalf("ListTasks = %+v, %v", p, err)
	}
	a, b := p.Items[0], p.Items[1]
	if a.ID != "1" || a.Title != "(untitled)" || !a.End.IsZero() || !a.Complete || a.Location != "Online" || a.Start.Unix() != 1736159400 {
		t.Errorf("first task %+v", a)
	}
	if b.Title != "T" || b.Complete {
		t.Errorf("second task %+v", b)
	}
}

// TestBadItemDropped checks that an item that does not map is dropped
// from a list that has good items, logged with its operation, item and
// field, and counted, while the good items are shown.
func TestBadItemDropped(t *testing.T) {
	answer := `{"data":[{"id":"1","contact":"c1","number":"A","status":"P","issued":"2025-01-01T00:00:00Z","total":"1"},
		{"id":"2","contact":"c1","number":"B","status":"P","issued":null,"total":"1"},
		{"id":"3","contact":"c1","number":"C","status":"P","issued":"2024-01-01T00:00:00Z","total":"{}"}]}`
	srv := routes(t, map[string]http.HandlerFunc{"GET /invoices": body(200, answer)})
	var logs logBuffer
	reg := prometheus.NewRegistry()
	met, err := restapi.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	c := newConnector(t, mappingWith(t, srv.URL, "currency: EUR", invoiceOps), restapi.Options{Logger: logs.logger(), Metrics: met})
	p, err := c.ListInvoices(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
	if err != nil || len(p.Items) != 1 || p.Items[0].Number != "A" || p.Next != "" {
		t.Fatalf("ListInvoices = %+v, %v; want invoice A alone", p, err)
	}
	for _, want := range []string{"list_invoices, item 2, field issued_at at data.1.issued", "list_invoices, item 3, field total at data.2.total"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	if n := testutil.ToFloat64(metricVec(t, reg, "clientgate_restapi_items_dropped_total")); n != 2 {
		t.Errorf("items dropped counted %v, want 2", n)
	}
}
