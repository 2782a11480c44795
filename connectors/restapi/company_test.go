package restapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/cache"
	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

// companyOps maps a CRM where people belong to companies found through a
// lookup request, invoices belong to the company (filtered by it on the
// server) or to one person, and each invoice's payments come from a
// sub-request that decides its status and amount due.
const companyOps = `
  list_invoices:
    path: /invoices
    query: {company: "{company_id}", person: "{contact_id}"}
    items: "@this"
    belongs_to: contact_or_company
    owner: &own {contact: person, company: company}
    sub_requests: &subs
      payments: {path: "/invoices/{id}/payments", empty_on_404: true}
    fields: &inv
      id: id
      number: ref
      issued_at: {path: date, format: unix}
      due_at: {path: due, format: unix}
      total: {path: total}
      amount_due: {expr: 'num(item.total) - sum(sub.payments, num(#.amount))'}
      status:
        expr: >-
          item.draft == "1" ? "draft" :
          sum(sub.payments, num(#.amount)) >= num(item.total) ? "paid" :
          len(sub.payments) > 0 ? "partially_paid" :
          unix(item.due) < now() ? "overdue" : "unpaid"
      paid_at: {expr: 'len(sub.payments) > 0 ? date(last(sub.payments).date, "2006-01-02 15:04:05") : nil', optional: true}
      notes: {path: note, html: true, optional: true}
  get_invoice:
    path: /invoices/{id}
    belongs_to: contact_or_company
    owner: *own
    sub_requests: *subs
    fields: *inv
`

const companyTop = `currency: EUR
company:
  lookup: {path: "/contacts/{contact_id}/company"}
  id: company.id
`

func companyCRM(t *testing.T, subCalls *atomic.Int64, failPayments string) string {
	inv := `{"id":"%s","ref":"%s","date":1735689600,"due":%s,"total":"%s","company":"%s","person":%s,"draft":"0","note":"<p>Thanks &amp; <b>bye</b></p>"}`
	f := func(a ...any) string { return fmt.Sprintf(inv, a...) }
	due := "1738368000" // 2025-02-01, past for the clock below
	list := "[" + strings.Join([]string{
		f("1", "CO-PAID", due, "100.00", "co1", "null"),
		f("2", "CO-PART", due, "100.00", "co1", "null"),
		f("3", "ALICE-OWN", due, "50.005", "co1", `"alice"`),
		f("4", "BOB-OWN", due, "70.00", "co1", `"bob"`),
		f("5", "OTHER-CO", due, "10.00", "co2", "null"),
		f("6", "CO-OVERDUE", due, "30.00", "co1", "null"),
	}, ",") + "]"
	payments := map[string]string{
		"1": `[{"amount":"60.00","date":"2025-01-10 10:00:00"},{"amount":"40","date":"2025-01-20 09:30:00"}]`,
		"2": `[{"amount":"25.5","date":"2025-01-15 12:00:00"}]`,
	}
	srv := routes(t, map[string]http.HandlerFunc{
		"GET /contacts/{id}": func(w http.ResponseWriter, r *http.Request) {
			body(200, `{"id":"`+r.PathValue("id")+`","email":"`+r.PathValue("id")+`@example.com"}`)(w, r)
		},
		"GET /ping":     body(200, `{}`),
		"GET /contacts": body(200, `{"data":[{"id":"alice","email":"alice@example.com"}]}`),
		"GET /contacts/{id}/company": func(w http.ResponseWriter, r *http.Request) {
			body(200, `{"company":{"id":"co1"}}`)(w, r)
		},
		"GET /invoices": body(200, list),
		"GET /invoices/{id}": func(w http.ResponseWriter, r *http.Request) {
			for _, item := range strings.Split(strings.Trim(list, "[]"), `},{`) {
				if strings.Contains(item, `"id":"`+r.PathValue("id")+`"`) {
					body(200, "{"+strings.Trim(item, "{}")+"}")(w, r)
					return
				}
			}
			body(404, `{}`)(w, r)
		},
		"GET /invoices/{id}/payments": func(w http.ResponseWriter, r *http.Request) {
			subCalls.Add(1)
			id := r.PathValue("id")
			if id == failPayments {
				body(500, `{"error":"boom"}`)(w, r)
				return
			}
			if p, ok := payments[id]; ok {
				body(200, p)(w, r)
				return
			}
			body(404, `{"error":"no payments"}`)(w, r)
		},
	})
	return srv.URL
}

func companyConnector(t *testing.T, u string, opts restapi.Options) *restapi.Connector {
	opts.Now = func() time.Time { return time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) }
	return newConnector(t, mappingWith(t, u, companyTop, companyOps), opts)
}

func TestCompanyItemsComputedAndSubRequests(t *testing.T) {
	var subCalls atomic.Int64
	u := companyCRM(t, &subCalls, "")
	reg := prometheus.NewRegistry()
	met, _ := restapi.NewMetrics(reg)
	c := companyConnector(t, u, restapi.Options{Metrics: met})
	if !c.Capabilities().CompanyItems {
		t.Fatal("CompanyItems not claimed")
	}
	ctx := context.Background()
	numbers := func(s connectors.Scope) string {
		p, err := c.ListInvoices(ctx, s, connectors.PageRequest{Limit: 100})
		if err != nil {
			t.Fatalf("ListInvoices(%+v): %v", s, err)
		}
		var out []string
		for _, inv := range p.Items {
			out = append(out, inv.Number+"="+string(inv.Status)+"/"+inv.AmountDue.Decimal())
		}
		return strings.Join(out, " ")
	}
	if got, want := numbers(connectors.Scope{ContactID: "alice"}), "ALICE-OWN=overdue/50.00"; got != want {
		t.Errorf("alice alone: %s, want %s", got, want)
	}
	want := "CO-PAID=paid/0.00 CO-PART=partially_paid/74.50 ALICE-OWN=overdue/50.00 CO-OVERDUE=overdue/30.00"
	if got := numbers(connectors.Scope{ContactID: "alice", WithCompany: true}); got != want {
		t.Errorf("alice with company:\n got %s\nwant %s", got, want)
	}
	inv, err := c.GetInvoice(ctx, connectors.Scope{ContactID: "bob", WithCompany: true}, "1")
	if err != nil || inv.CompanyID != "co1" || inv.Notes != "Thanks & bye" || inv.PaidAt.Format(time.RFC3339) != "2025-01-20T09:30:00Z" {
		t.Errorf("GetInvoice 1 as bob = %+v, %v", inv, err)
	}
	for _, id := range []string{"3", "5"} {
		if _, err := c.GetInvoice(ctx, connectors.Scope{ContactID: "bob", WithCompany: true}, id); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("bob reads invoice %s: %v, want ErrNotFound (a colleague's own, another company's)", id, err)
		}
	}
	if _, err := c.GetInvoice(ctx, connectors.Scope{ContactID: "bob"}, "1"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("bob without company visibility reads a company invoice: %v", err)
	}
	if n := testutil.ToFloat64(metricVec(t, reg, "clientgate_restapi_subrequests_total")); n != float64(subCalls.Load()) || n == 0 {
		t.Errorf("sub-requests counted %v, sent %d", n, subCalls.Load())
	}
}

// TestSubRequestsCachedWithParent checks that the cache keeps an item
// with its sub-request results: a second read sends no sub-request.
func TestSubRequestsCachedWithParent(t *testing.T) {
	var subCalls atomic.Int64
	c := cache.Wrap(companyConnector(t, companyCRM(t, &subCalls, ""), restapi.Options{}), cache.Options{})
	s := connectors.Scope{ContactID: "alice", WithCompany: true}
	for range 2 {
		if _, err := c.ListInvoices(context.Background(), s, connectors.PageRequest{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := subCalls.Load(); n != 4 {
		t.Errorf("%d sub-requests for two reads of a page of 4 invoices, want 4", n)
	}
}

// TestFailedSubRequestDropsItem checks that an item whose sub-request
// fails is dropped with an error naming the operation, the item and the
// sub-request, and the others are shown.
func TestFailedSubRequestDropsItem(t *testing.T) {
	var subCalls atomic.Int64
	var logs logBuffer
	c := companyConnector(t, companyCRM(t, &subCalls, "2"), restapi.Options{Logger: logs.logger()})
	p, err := c.ListInvoices(context.Background(), connectors.Scope{ContactID: "alice", WithCompany: true}, connectors.PageRequest{})
	if err != nil || len(p.Items) != 3 {
		t.Fatalf("ListInvoices = %+v, %v; want 3 invoices", p, err)
	}
	for _, inv := range p.Items {
		if inv.Number == "CO-PART" {
			t.Error("the item whose payments failed is shown")
		}
	}
	if !strings.Contains(logs.String(), "list_invoices, item 2, field sub_requests.payments") {
		t.Errorf("log does not name operation, item and sub-request:\n%s", logs.String())
	}
}

// TestExpressionFailureDropsItem checks that an expression failing on one
// item drops that item with a clear error, never a wrong value.
func TestExpressionFailureDropsItem(t *testing.T) {
	srv := routes(t, map[string]http.HandlerFunc{"GET /tasks": body(200,
		`[{"id":"1","who":"c1","start":"1736159400","title":"ok"},{"id":"2","who":"c1","start":"soon","title":"bad"}]`)})
	ops := `
  list_tasks:
    path: /tasks
    items: "@this"
    owner: {contact: who}
    fields: &t {id: id, title: title, start: {expr: 'unix(item.start)'}}
  get_task:
    path: /tasks/{id}
    owner: {contact: who}
    fields: *t
`
	var logs logBuffer
	c := newConnector(t, mappingWith(t, srv.URL, "", ops), restapi.Options{Logger: logs.logger()})
	p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
	if err != nil || len(p.Items) != 1 || p.Items[0].Title != "ok" {
		t.Fatalf("ListTasks = %+v, %v", p, err)
	}
	if !strings.Contains(logs.String(), `list_tasks, item 2, field start at @this.1.expr: unix: \"soon\" is not a whole number of seconds (1:1)"`) {
		t.Errorf("log:\n%s", logs.String())
	}
}

// TestProbeShowsWhatTheMappingDid checks the probe's report: requests
// sent with secrets masked, raw item counts, computed, rounded, converted
// and defaulted fields, dropped items, and the sub-request cost.
func TestProbeShowsWhatTheMappingDid(t *testing.T) {
	var subCalls atomic.Int64
	u := companyCRM(t, &subCalls, "6")
	c := newConnector(t, mappingWith(t, u, companyTop+"auth: {type: api_key, header: X-Key, key_env: KEY}\n", companyOps),
		restapi.Options{Getenv: envOf(map[string]string{"KEY": "s3cret-key"}),
			Now: func() time.Time { return time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC) }})
	var out strings.Builder
	if err := restapi.Probe(context.Background(), c, "alice@example.com", &out); err != nil {
		t.Fatalf("Probe: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"sent list_invoices: GET " + u + "/invoices?company=co1&person=alice",
		"X-Key: ***",
		"list_invoices: 6 raw item(s) in the answers",
		"list_invoices: 4 sub-request(s)",
		"list_invoices @this.0 field status: computed",
		"field amount_due: rounded 50.005 to 50.00 (half_even)",
		"field notes: HTML converted to plain text",
		"field portal_access: fell back to its default",
		"list_invoices: item dropped: restapi: mapping error in list_invoices, item 6, field sub_requests.payments",
		"mapped 3 item(s)",
		"cost: list_invoices sends 1 sub-request(s) per item: a page of 20 items costs up to 21 sub-requests",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("probe output lacks %q", want)
		}
	}
	if strings.Contains(text, "s3cret-key") {
		t.Error("probe output holds the API key")
	}
	if t.Failed() {
		t.Log(text)
	}
}
