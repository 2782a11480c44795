package restapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

// pageServer serves n tasks of c1 in pages of the asked size, page
// numbers starting at first, with no total, counting requests.
func pageServer(t *testing.T, n, first int, calls *atomic.Int64) string {
	all := taskList(n)
	for _, it := range all {
		it["who"] = "c1"
	}
	srv := routes(t, map[string]http.HandlerFunc{"GET /tasks": func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		size, _ := strconv.Atoi(r.URL.Query().Get("size"))
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		from := min((page-first)*size, len(all))
		data, _ := json.Marshal(map[string]any{"items": all[max(from, 0):min(from+size, len(all))]})
		body(200, string(data))(w, r)
	}})
	return srv.URL
}

// TestPagingNeverEndsOnAnEmptyPage walks lists whose length is a multiple
// of the page size, with page numbers from 0 and from 1 and no total:
// the last page must have no next cursor, and no page may be empty.
func TestPagingNeverEndsOnAnEmptyPage(t *testing.T) {
	for _, first := range []int{0, 1} {
		for _, n := range []int{0, 3, 4, 6, 9} {
			t.Run(fmt.Sprintf("first %d, %d items", first, n), func(t *testing.T) {
				var calls atomic.Int64
				u := pageServer(t, n, first, &calls)
				paging := fmt.Sprintf("{style: page, page_param: page, size_param: size, first_page: %d}", first)
				c := newConnector(t, mappingWith(t, u, "", taskOps(paging)), restapi.Options{})
				cursor, seen := "", 0
				for pages := 0; ; pages++ {
					p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{Limit: 3, Cursor: cursor})
					if err != nil {
						t.Fatal(err)
					}
					if len(p.Items) == 0 && pages > 0 {
						t.Fatalf("page %d is empty after a next cursor", pages)
					}
					seen += len(p.Items)
					if cursor = p.Next; cursor == "" {
						break
					}
				}
				if seen != n {
					t.Errorf("walked %d items, want %d", seen, n)
				}
			})
		}
	}
}

// TestPagingOffsetCostsOneRequestPerPage checks that offset paging asks
// for one item more than the page and starts the next page exactly
// there: one backend request per portal page.
func TestPagingOffsetCostsOneRequestPerPage(t *testing.T) {
	var calls atomic.Int64
	all := taskList(9)
	for _, it := range all {
		it["who"] = "c1"
	}
	srv := routes(t, map[string]http.HandlerFunc{"GET /tasks": func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		size, _ := strconv.Atoi(r.URL.Query().Get("size"))
		from, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		from = min(from, len(all))
		data, _ := json.Marshal(map[string]any{"items": all[from:min(from+size, len(all))]})
		body(200, string(data))(w, r)
	}})
	c := newConnector(t, mappingWith(t, srv.URL, "", taskOps("{style: offset, offset_param: offset, size_param: size}")), restapi.Options{})
	cursor, pages := "", 0
	for {
		p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{Limit: 3, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	if pages != 3 || calls.Load() != 3 {
		t.Errorf("%d pages cost %d requests, want 3 and 3", pages, calls.Load())
	}
}

// TestNoNextLinkBeforeOnlyDrafts checks that a page followed only by items
// that are never shown (drafts) has no next cursor.
func TestNoNextLinkBeforeOnlyDrafts(t *testing.T) {
	items := `[{"id":"1","contact":"c1","number":"A","status":"P","issued":"2025-01-02T00:00:00Z","total":"1"},
		{"id":"2","contact":"c1","number":"B","status":"D","issued":"2025-01-01T00:00:00Z","total":"1"},
		{"id":"3","contact":"c9","number":"C","status":"P","issued":"2025-01-01T00:00:00Z","total":"1"}]`
	srv := routes(t, map[string]http.HandlerFunc{"GET /invoices": body(200, `{"data":`+items+`}`)})
	ops := strings.ReplaceAll(invoiceOps, "{P: paid, U: unpaid}", "{P: paid, U: unpaid, D: draft}")
	c := newConnector(t, mappingWith(t, srv.URL, "currency: EUR", ops), restapi.Options{})
	p, err := c.ListInvoices(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{Limit: 1})
	if err != nil || len(p.Items) != 1 || p.Next != "" {
		t.Errorf("ListInvoices = %+v, %v; want invoice A and no next cursor", p, err)
	}
}

// TestBoundedWalkSaysSo checks that a client-side filtered walk that hits
// max_pages logs it and counts it in a metric.
func TestBoundedWalkSaysSo(t *testing.T) {
	var calls atomic.Int64
	srv := routes(t, map[string]http.HandlerFunc{"GET /tasks": func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		item := fmt.Sprintf(`{"id":"%d","who":"c2","title":"x","start":1736159400}`, n)
		body(200, `{"items":[`+item+`],"next":"again`+strconv.FormatInt(n, 10)+`"}`)(w, r)
	}})
	var logs logBuffer
	reg := prometheus.NewRegistry()
	met, err := restapi.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	c := newConnector(t, mappingWith(t, srv.URL, "", taskOps("{style: cursor, cursor_param: after, cursor_path: next, max_pages: 5}")),
		restapi.Options{Logger: logs.logger(), Metrics: met})
	if _, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "listing stopped at max_pages") || !strings.Contains(logs.String(), "op=list_tasks") {
		t.Errorf("the cut walk was not logged:\n%s", logs.String())
	}
	if n := testutil.ToFloat64(metricVec(t, reg, "clientgate_restapi_walk_truncated_total")); n != 1 {
		t.Errorf("walk_truncated counted %v, want 1", n)
	}
	if n := testutil.ToFloat64(metricVec(t, reg, "clientgate_restapi_items_dropped_total")); n != 5 {
		t.Errorf("items dropped (not owned) counted %v, want 5", n)
	}
}
