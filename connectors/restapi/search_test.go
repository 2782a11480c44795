package restapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/tidwall/gjson"

	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

// searchOps lists tasks through a search endpoint that pages with a
// cursor in its JSON body and answers only IDs; each task is then read
// with get_task, whose owner applies.
const searchOps = `
  list_tasks:
    method: POST
    path: /tasks/search
    body:
      filterGroups:
        - filters: [{propertyName: who, operator: EQ, value: "{contact_id}"}]
        - filters: [{propertyName: company, operator: EQ, value: "{company_id}"}]
      limit: "{size}"
      after: "{cursor}"
    items: results
    paging: {style: cursor, cursor_path: paging.next.after, max_size: 4}
    read_each: true
    fields: {id: id}
  get_task:
    path: /tasks/{id}
    owner: {contact: who}
    fields: {id: id, title: title, start: {path: start, format: unix}}
`

// searchServer serves taskList(n) through POST /tasks/search, which
// checks the body it is sent, and GET /tasks/{id}. The search also
// answers one task of another contact, which the read must drop. bodies
// records every search body.
type searchServer struct {
	mu     sync.Mutex
	bodies []string
	reads  int
}

func (s *searchServer) start(t *testing.T, n int) string {
	all := taskList(n)
	return routes(t, map[string]http.HandlerFunc{
		"GET /ping":        body(200, `{}`),
		"GET /contacts":    body(200, `{"data":[{"id":"c1","email":"c1@example.com"}]}`),
		"GET /contacts/c1": body(200, `{"id":"c1","email":"c1@example.com"}`),
		"POST /tasks/search": func(w http.ResponseWriter, r *http.Request) {
			data, _ := io.ReadAll(r.Body)
			s.mu.Lock()
			s.bodies = append(s.bodies, string(data))
			s.mu.Unlock()
			doc := gjson.ParseBytes(data)
			limit := doc.Get("limit")
			after := doc.Get("after")
			if limit.Type != gjson.Number || (after.Exists() && after.Type != gjson.String) ||
				doc.Get("filterGroups.#").Int() != 1 || doc.Get("filterGroups.0.filters.0.value").String() != "c1" {
				body(400, `{"status":"error","category":"VALIDATION_ERROR"}`)(w, r)
				return
			}
			from, _ := strconv.Atoi(after.String())
			end := min(from+int(limit.Int()), len(all))
			var ids []string
			for _, it := range all[from:end] {
				// The search finds the contact's tasks and, wrongly, the
				// others too: the read drops them.
				ids = append(ids, fmt.Sprintf(`{"id":%q}`, it["id"]))
			}
			out := `{"total":` + strconv.Itoa(len(all)) + `,"results":[` + strings.Join(ids, ",") + `]`
			if end < len(all) {
				out += `,"paging":{"next":{"after":"` + strconv.Itoa(end) + `"}}`
			}
			body(200, out+"}")(w, r)
		},
		"GET /tasks/{id}": func(w http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			s.reads++
			s.mu.Unlock()
			i, _ := strconv.Atoi(r.PathValue("id"))
			data, _ := json.Marshal(all[i])
			body(200, string(data))(w, r)
		},
	}).URL
}

func TestBodyPagedSearchReadEach(t *testing.T) {
	const n = 11
	var want []string
	for _, it := range taskList(n) {
		if it["who"] == "c1" {
			want = append(want, it["id"].(string))
		}
	}
	var s searchServer
	u := s.start(t, n)
	reg := prometheus.NewRegistry()
	met, _ := restapi.NewMetrics(reg)
	c := newConnector(t, mappingWith(t, u, "", searchOps), restapi.Options{Metrics: met})
	for _, limit := range []int{1, 2, 3, 5, 100} {
		if got := walkTasks(t, c, limit); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("limit %d: walked %v, want %v", limit, got, want)
		}
	}
	if !strings.Contains(s.bodies[0], `"limit":`) || strings.Contains(s.bodies[0], `"after"`) {
		t.Errorf("first search body %s: want a limit and no after", s.bodies[0])
	}
	if !slices.ContainsFunc(s.bodies, func(b string) bool { return strings.Contains(b, `"after":"4"`) }) {
		t.Errorf("no search body carried the cursor: %v", s.bodies)
	}
	if got := testutil.ToFloat64(metricVec(t, reg, "clientgate_restapi_items_dropped_total")); got == 0 {
		t.Error("the other contact's tasks were not counted as dropped")
	}
	if got := testutil.ToFloat64(metricVec(t, reg, "clientgate_restapi_subrequests_total")); int(got) != s.reads {
		t.Errorf("%v reads counted, %d sent", got, s.reads)
	}
}

// TestReadEachProbeCost checks that the probe states what reading each
// listed item costs.
func TestReadEachProbeCost(t *testing.T) {
	var s searchServer
	u := s.start(t, 3)
	c := newConnector(t, mappingWith(t, u, "", searchOps), restapi.Options{})
	var out strings.Builder
	if err := restapi.Probe(context.Background(), c, "c1@example.com", &out); err != nil {
		t.Fatalf("Probe: %v\n%s", err, out.String())
	}
	if !contains(out.String(), "list_tasks reads each listed item with get_task", "list_tasks: 3 sub-request(s)") {
		t.Errorf("probe output does not state the cost:\n%s", out.String())
	}
}

// linesOps reads an invoice's lines in two sub-requests: the IDs, then
// the lines themselves through a POST whose body is computed from the
// IDs, skipped when there are none.
const linesOps = `
  list_invoices:
    path: /invoices
    items: "@this"
    owner: &own {contact: who}
    sub_requests: &subs
      line_ids: {path: "/invoices/{id}/line_ids", items: results}
      lines:
        method: POST
        path: /lines/batch
        needs: line_ids
        when: 'len(sub.line_ids) > 0'
        body:
          inputs: {expr: 'map(sub.line_ids, ({"id": text(#.id)}))'}
          invoice: "{id}"
        items: results
    fields: &inv
      id: id
      number: ref
      status: {default: unpaid}
      issued_at: {path: date, format: unix}
      total: total
    lines: &lines {from: lines, fields: {title: name, total: amount}}
  get_invoice:
    path: /invoices/{id}
    owner: *own
    sub_requests: *subs
    fields: *inv
    lines: *lines
`

func TestSubRequestPostBodyFromEarlierAnswer(t *testing.T) {
	var batches []string
	var mu sync.Mutex
	srv := routes(t, map[string]http.HandlerFunc{
		"GET /invoices": body(200, `[{"id":"7","ref":"A","who":"c1","date":1736159400,"total":"30.00"},
			{"id":"8","ref":"B","who":"c1","date":1736150000,"total":"0.00"}]`),
		"GET /invoices/7/line_ids": body(200, `{"results":[{"id":71},{"id":72}]}`),
		"GET /invoices/8/line_ids": body(200, `{"results":[]}`),
		"POST /lines/batch": func(w http.ResponseWriter, r *http.Request) {
			data, _ := io.ReadAll(r.Body)
			mu.Lock()
			batches = append(batches, string(data))
			mu.Unlock()
			var lines []string
			for _, in := range gjson.GetBytes(data, "inputs").Array() {
				id := in.Get("id").String()
				lines = append(lines, `{"id":"`+id+`","name":"Line `+id+`","amount":"15.00"}`)
			}
			body(200, `{"status":"COMPLETE","results":[`+strings.Join(lines, ",")+`]}`)(w, r)
		},
	})
	c := newConnector(t, mappingWith(t, srv.URL, "currency: EUR", linesOps), restapi.Options{})
	p, err := c.ListInvoices(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
	if err != nil || len(p.Items) != 2 {
		t.Fatalf("ListInvoices = %+v, %v", p, err)
	}
	if l := p.Items[0].Lines; len(l) != 2 || l[0].Title != "Line 71" || l[1].Title != "Line 72" {
		t.Errorf("lines of A = %+v", l)
	}
	if len(p.Items[1].Lines) != 0 {
		t.Errorf("lines of B = %+v, want none", p.Items[1].Lines)
	}
	if len(batches) != 1 || batches[0] != `{"inputs":[{"id":"71"},{"id":"72"}],"invoice":"7"}` {
		t.Errorf("batch bodies %v: want one, for invoice 7's lines (none sent for B, which has none)", batches)
	}
}

// TestSubRequestBodyExpressionFailureDropsItem checks that a body
// expression failing on one item drops that item with a mapping error.
func TestSubRequestBodyExpressionFailureDropsItem(t *testing.T) {
	srv := routes(t, map[string]http.HandlerFunc{
		"GET /invoices":            body(200, `[{"id":"7","ref":"A","who":"c1","date":1736159400,"total":"30.00"}]`),
		"GET /invoices/7/line_ids": body(200, `{"results":"not a list"}`),
		"POST /lines/batch":        body(200, `{"results":[]}`),
	})
	var logs logBuffer
	c := newConnector(t, mappingWith(t, srv.URL, "currency: EUR", linesOps), restapi.Options{Logger: logs.logger()})
	_, err := c.ListInvoices(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
	var me *restapi.MappingError
	if !errors.As(err, &me) || !contains(me.Error(), "sub_requests.lines", "item 7") {
		t.Errorf("ListInvoices: %v, want a mapping error naming the sub-request and the item", err)
	}
}

// TestReadEachFailures checks that an item whose read fails is dropped
// (the others are shown) and that rejected credentials end the listing.
func TestReadEachFailures(t *testing.T) {
	var status atomic.Int64
	srv := routes(t, map[string]http.HandlerFunc{
		"POST /tasks/search": body(200, `{"results":[{"id":"1"},{"id":"2"},{"id":"3"},{"id":""}]}`),
		"GET /tasks/1":       body(200, `{"id":"1","who":"c1","title":"one","start":1736159400}`),
		"GET /tasks/2":       body(404, `{"status":"error"}`),
		"GET /tasks/3": func(w http.ResponseWriter, r *http.Request) {
			body(int(status.Load()), `{"id":"3","who":"c1","title":"three","start":1736150000}`)(w, r)
		},
	})
	var logs logBuffer
	c := newConnector(t, mappingWith(t, srv.URL, "", searchOps), restapi.Options{Logger: logs.logger()})
	status.Store(500)
	p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
	if err != nil || len(p.Items) != 1 || p.Items[0].ID != "1" {
		t.Fatalf("ListTasks = %+v, %v; want task 1 alone", p, err)
	}
	if !contains(logs.String(), "item 2", "not found", "item 3", "answered 500", "has no usable id") {
		t.Errorf("the dropped items are not logged by ID:\n%s", logs.String())
	}
	status.Store(401)
	if _, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{}); !errors.Is(err, connectors.ErrBackendAuth) {
		t.Errorf("ListTasks with a rejected read: %v, want ErrBackendAuth", err)
	}
}
